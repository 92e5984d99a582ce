/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Everything is counted in whole UTC days, so the
 * schedule is the same on every machine and in every time zone.
 */

const DAY_MS = 86_400_000;

/**
 * The report date: the calendar day the assessment was last updated, as written in the file
 * (`2026-11-22T23:30:00-05:00` is the 22nd, the day the team would name). Never the clock's date,
 * so regenerating an unchanged assessment gives the same report.
 */
export function reportDate(timestamp: string): string {
  const written = /^(\d{4})-(\d{2})-(\d{2})/.exec(timestamp);
  if (written && isCalendarDay(written[0])) return written[0];
  const parsed = Date.parse(timestamp);
  return Number.isNaN(parsed) ? '1970-01-01' : new Date(parsed).toISOString().slice(0, 10);
}

function isCalendarDay(date: string): boolean {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday; Saturday and Sunday are the weekend. */
function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

/**
 * The day a task of `days` working days is done (the morning it is ready), counted as gantt charts do
 * that exclude weekends: every weekend day after the start day and up to the end pushes the end
 * out by one. The start day itself is never skipped.
 */
export function workingDaysEnd(start: string, days: number): string {
  const first = dayNumber(start);
  let end = first + days;
  for (let day = first + 1; day <= end; day++) if (isWeekend(day)) end++;
  return fromDayNumber(end);
}

/** The date itself on a weekday, else the Monday after: work planned on a Saturday starts on Monday. */
export function firstWorkingDay(date: string): string {
  let day = dayNumber(date);
  while (isWeekend(day)) day++;
  return fromDayNumber(day);
}
