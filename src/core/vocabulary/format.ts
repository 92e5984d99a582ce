/**
 * The one set of number formatters. The panel, the CLI, the output channel and the report all print
 * figures through these, so "8%" never stands beside "8 %", nor "23.32 h" beside "23.3 h".
 */

/** At most `decimals` decimals, trailing zeros trimmed: 2.50 → "2.5", 3.00 → "3". Non-finite → "—". */
export function formatNumber(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return '—';
  const text = value.toFixed(decimals);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

/** A percentage with one decimal at most and no space: "8%", "12.5%"; "—" when there is none. */
export function formatPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  return `${formatNumber(percent)}%`;
}

/** A duration in hours, as people say it: "45 min", "18.5 h", "3.2 days"; "—" when there is none. */
export function formatDuration(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return '—';
  if (hours < 1) return `${formatNumber(hours * 60, 0)} min`;
  if (hours < 48) return `${formatNumber(hours)} h`;
  return `${formatNumber(hours / 24)} days`;
}

/** A rate per week: "1.9 a week", "0.2 a week". */
export function formatPerWeek(perWeek: number): string {
  return `${formatNumber(perWeek)} a week`;
}

/** `1 deployment`, `3 deployments`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
