import { workingDaysEnd } from './dates';
import type { Plan } from './roadmap';
import { CHART_WIDTH, heading, n, SMALL_FONT_SIZE, svgDocument, text, wrapWords } from './svg';

const LABEL_X = 20;
const LABEL_CHARS = 28;
const CHART_LEFT = 260;
const CHART_RIGHT = CHART_WIDTH - 50;
const LINE = 16;
const TOP = 96;

/**
 * The roadmap as a timeline: one bar per improvement, from the day work starts to the day it is
 * ready, in working days. The critical path is the only thing drawn in the warning colour, so the
 * eye goes to the chain that decides the finish date. Titles wrap; none is cut.
 */
export function timelineSvg(plan: Plan, title: string): string {
  const span = Math.max(plan.totalDays, 1);
  const x = (day: number) => CHART_LEFT + ((CHART_RIGHT - CHART_LEFT) * day) / span;
  const body: string[] = [heading(title), ...legend()];
  const rows = plan.items.map((item) => ({ item, lines: wrapWords(`${item.id} ${item.roadmap.title}`, LABEL_CHARS) }));
  let y = TOP;
  const bars: string[] = [];
  for (const { item, lines } of rows) {
    const height = lines.length * LINE + 10;
    lines.forEach((line, l) => bars.push(text(LABEL_X, y + 17 + l * LINE, line)));
    const left = x(item.startDay);
    const width = Math.max(x(item.readyDay) - left, 2);
    bars.push(
      `<rect class="${item.critical ? 'critical' : 'bar'}" x="${n(left)}" y="${n(y + 6)}" width="${n(width)}" height="14" rx="2"/>`,
    );
    const days = `${item.roadmap.days} d`;
    const after = left + width + 4;
    bars.push(
      after + 34 <= CHART_WIDTH - 6
        ? text(after, y + 18, days, `class="muted" font-size="${SMALL_FONT_SIZE}"`)
        : text(left - 4, y + 18, days, `class="muted" font-size="${SMALL_FONT_SIZE}" text-anchor="end"`),
    );
    y += height;
  }
  body.push(...axis(plan, span, x, y), ...bars);
  const description = plan.items
    .map((i) => `${i.id} ${i.roadmap.title}: ${i.start} to ${i.ready}${i.critical ? ', critical path' : ''}`)
    .join('; ');
  return svgDocument({ id: 'roadmap', height: y + 40, title, description }, body);
}

function legend(): string[] {
  return [
    `<rect class="bar" x="20" y="50" width="14" height="10" rx="2"/>`,
    text(40, 59, 'Improvement'),
    `<rect class="critical" x="140" y="50" width="14" height="10" rx="2"/>`,
    text(160, 59, 'Critical path: a delay here moves the finish'),
  ];
}

/** Vertical rules with dates, about six of them, on whole weeks of working days. */
function axis(plan: Plan, span: number, x: (day: number) => number, bottom: number): string[] {
  const weeks = Math.max(1, Math.ceil(span / 5 / 6));
  const step = weeks * 5;
  const out = ['<g class="grid" stroke-width="1">'];
  const labels: string[] = [];
  for (let day = 0; day <= span; day += step) {
    out.push(`  <line x1="${n(x(day))}" y1="${TOP - 6}" x2="${n(x(day))}" y2="${bottom}"/>`);
    const date = day === 0 ? plan.startDate : workingDaysEnd(plan.startDate, day);
    labels.push(
      text(x(day), TOP - 12, date.slice(5), `class="muted" font-size="${SMALL_FONT_SIZE}" text-anchor="middle"`),
    );
  }
  out.push('</g>');
  const finish = plan.finish ?? plan.startDate;
  labels.push(
    text(
      CHART_RIGHT,
      bottom + 22,
      `Ready by ${finish}`,
      `class="ink" font-size="${SMALL_FONT_SIZE}" text-anchor="end"`,
    ),
    text(CHART_LEFT, bottom + 22, `Starts ${plan.startDate}`, `class="muted" font-size="${SMALL_FONT_SIZE}"`),
  );
  return [...out, ...labels];
}
