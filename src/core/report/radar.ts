import { formatPercent } from '../vocabulary/format';
import { xmlText } from './escape';
import { CHART_WIDTH, heading, n, SMALL_FONT_SIZE, svgDocument, text, wrapWords } from './svg';

export interface ChartSeries {
  /** One percent per axis, in axis order; undefined where the domain has no score. */
  readonly values: readonly (number | undefined)[];
}

export interface ChartInput {
  readonly title: string;
  readonly axes: readonly string[];
  readonly current: ChartSeries;
  readonly previous?: ChartSeries & { readonly label: string };
  readonly currentLabel: string;
}

const LABEL_CHARS = 18;
const LINE = 16;

/** A radar of the domain percents, or horizontal bars when there are too few domains for a polygon. */
export function renderChart(input: ChartInput): string {
  return input.axes.length >= 3 ? radarSvg(input) : barSvg(input);
}

function description(input: ChartInput): string {
  return input.axes.map((axis, i) => `${axis} ${valueLabel(input.current.values[i])}`).join(', ');
}

function valueLabel(value: number | undefined): string {
  return value === undefined ? 'not scored' : formatPercent(value);
}

function legend(input: ChartInput, y: number): string[] {
  const out = [
    `<rect class="area" x="20" y="${y - 10}" width="14" height="10" stroke-width="2"/>`,
    text(40, y, input.currentLabel),
  ];
  if (input.previous)
    out.push(
      `<line class="previous" x1="20" y1="${y + 13}" x2="34" y2="${y + 13}" stroke-width="2" stroke-dasharray="4 2"/>`,
      text(40, y + 18, input.previous.label),
    );
  return out;
}

function unscoredNote(input: ChartInput, y: number): string[] {
  const missing = input.axes.filter((_, i) => input.current.values[i] === undefined);
  if (missing.length === 0) return [];
  const what = missing.length === input.axes.length ? 'No domain is scored yet' : `Not scored: ${missing.join(', ')}`;
  return wrapWords(`${what}. An unscored domain is a gap in the outline, not 0%.`, 80).map((line, i) =>
    text(20, y + i * LINE, line, `class="muted" font-size="${SMALL_FONT_SIZE}"`),
  );
}

/** Runs of neighbouring scored axes: the outline is drawn along each run and broken at an unscored axis. */
function scoredRuns(values: readonly (number | undefined)[]): number[][] {
  const count = values.length;
  if (values.every((v) => v !== undefined)) return [[...values.keys(), 0]];
  const start = values.findIndex((v, i) => v === undefined && values[(i + 1) % count] !== undefined);
  const runs: number[][] = [];
  let run: number[] = [];
  for (let k = 1; k <= count; k++) {
    const i = (start + k) % count;
    if (values[i] === undefined) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push(i);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function radarSvg(input: ChartInput): string {
  const cx = CHART_WIDTH / 2;
  const cy = 270;
  const radius = 150;
  const count = input.axes.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / count;
  const at = (i: number, percent: number) => {
    const r = (radius * Math.max(0, Math.min(100, percent))) / 100;
    return { x: cx + r * Math.cos(angle(i)), y: cy + r * Math.sin(angle(i)) };
  };
  const pt = (i: number, percent: number) => {
    const p = at(i, percent);
    return `${n(p.x)},${n(p.y)}`;
  };
  const ring = (percent: number) => input.axes.map((_, i) => pt(i, percent)).join(' ');
  const body: string[] = [heading(input.title), ...legend(input, 58)];
  body.push('<g class="grid" stroke-width="1">');
  for (const percent of [20, 40, 60, 80, 100]) body.push(`  <polygon points="${ring(percent)}"/>`);
  for (let i = 0; i < count; i++) {
    const end = at(i, 100);
    body.push(`  <line x1="${n(cx)}" y1="${n(cy)}" x2="${n(end.x)}" y2="${n(end.y)}"/>`);
  }
  body.push('</g>');
  body.push(`<g class="muted halo" font-size="${SMALL_FONT_SIZE}" stroke-width="3" paint-order="stroke">`);
  for (const percent of [20, 40, 60, 80, 100])
    body.push(`  ${text(cx + 5, cy - (radius * percent) / 100 + 13, `${percent}%`, '')}`);
  body.push('</g>');
  if (input.previous) body.push(...series(input.previous.values, 'previous', pt, cx, cy));
  body.push(...series(input.current.values, 'current', pt, cx, cy));
  input.current.values.forEach((v, i) => {
    const rim = at(i, 100);
    if (v === undefined)
      body.push(
        `<circle class="gap" cx="${n(rim.x)}" cy="${n(rim.y)}" r="5" stroke-width="2" stroke-dasharray="3 2"/>`,
      );
    else {
      const p = at(i, v);
      body.push(`<circle class="accent" cx="${n(p.x)}" cy="${n(p.y)}" r="3.5"/>`);
    }
  });
  input.axes.forEach((axis, i) => body.push(...axisLabel(axis, input.current.values[i], angle(i), cx, cy, radius)));
  body.push(...unscoredNote(input, cy + radius + 100));
  const height = cy + radius + 100 + (input.current.values.some((v) => v === undefined) ? 36 : 0);
  return svgDocument({ id: 'radar', height, title: input.title, description: description(input) }, body);
}

/** The outline and fill of one series, broken where a domain is unscored. */
function series(
  values: readonly (number | undefined)[],
  kind: 'current' | 'previous',
  pt: (i: number, percent: number) => string,
  cx: number,
  cy: number,
): string[] {
  const out: string[] = [];
  const complete = values.every((v) => v !== undefined);
  for (const run of scoredRuns(values)) {
    const points = run.map((i) => pt(i, values[i] ?? 0)).join(' ');
    if (kind === 'previous') {
      out.push(
        `<polyline class="previous" points="${points}" stroke-width="2" stroke-dasharray="6 4" stroke-linejoin="round"/>`,
      );
      continue;
    }
    // Filled as a wedge from the centre only where the outline is whole, so a gap is never shaded as 0%.
    if (complete) out.push(`<polygon class="area" points="${points}" stroke-width="2.5" stroke-linejoin="round"/>`);
    else {
      if (run.length > 1) out.push(`<polygon class="area" points="${n(cx)},${n(cy)} ${points}" stroke-width="0"/>`);
      out.push(`<polyline class="outline" points="${points}" stroke-width="2.5" stroke-linejoin="round"/>`);
    }
  }
  return out;
}

function axisLabel(
  axis: string,
  value: number | undefined,
  angle: number,
  cx: number,
  cy: number,
  radius: number,
): string[] {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
  const lines = [...wrapWords(axis, LABEL_CHARS), valueLabel(value)];
  const x = cx + (radius + 14) * cos;
  // Labels above the centre grow upwards, below it downwards, so none overlaps the outline.
  const top =
    cy +
    (radius + 14) * sin +
    (sin < -0.3 ? -(lines.length - 1) * LINE : sin > 0.3 ? 12 : -((lines.length - 1) * LINE) / 2 + 4);
  const out = [`<text x="${n(x)}" y="${n(top)}" text-anchor="${anchor}" class="ink" font-size="13">`];
  lines.forEach((line, l) => {
    const last = l === lines.length - 1;
    const style = last ? (value === undefined ? ' class="muted" font-style="italic"' : ' font-weight="bold"') : '';
    out.push(`  <tspan x="${n(x)}" dy="${l === 0 ? 0 : LINE}"${style}>${xmlText(line)}</tspan>`);
  });
  out.push('</text>');
  return out;
}

function barSvg(input: ChartInput): string {
  const rowHeight = 44;
  const top = input.previous ? 100 : 84;
  const left = 200;
  const barWidth = 360;
  const bottom = top + rowHeight * input.axes.length;
  const body: string[] = [heading(input.title), ...legend(input, 58)];
  body.push('<g class="grid" stroke-width="1">');
  for (const percent of [0, 20, 40, 60, 80, 100]) {
    const x = left + (barWidth * percent) / 100;
    body.push(`  <line x1="${n(x)}" y1="${top - 6}" x2="${n(x)}" y2="${bottom}"/>`);
  }
  body.push('</g>');
  input.axes.forEach((axis, i) => {
    const y = top + rowHeight * i;
    const value = input.current.values[i];
    const width = (barWidth * (value ?? 0)) / 100;
    body.push(text(left - 10, y + 22, wrapWords(axis, 26).join(' '), 'class="ink" text-anchor="end"'));
    if (value === undefined)
      body.push(`<rect class="gap" x="${left}" y="${y + 8}" width="${barWidth}" height="20" stroke-dasharray="4 3"/>`);
    else body.push(`<rect class="accent" x="${left}" y="${y + 8}" width="${n(width)}" height="20"/>`);
    const label = valueLabel(value);
    body.push(
      text(
        left + width + 6,
        y + 23,
        label,
        value === undefined ? 'class="muted" font-style="italic"' : 'class="ink" font-weight="bold"',
      ),
    );
    const before = input.previous?.values[i];
    if (before !== undefined) {
      const x = left + (barWidth * before) / 100;
      body.push(
        `<line class="previous" x1="${n(x)}" y1="${y + 2}" x2="${n(x)}" y2="${y + 34}" stroke-width="2" stroke-dasharray="4 2"/>`,
      );
    }
  });
  for (const percent of [0, 20, 40, 60, 80, 100])
    body.push(
      text(
        left + (barWidth * percent) / 100,
        bottom + 16,
        `${percent}%`,
        `class="muted" font-size="${SMALL_FONT_SIZE}" text-anchor="middle"`,
      ),
    );
  body.push(...unscoredNote(input, bottom + 40));
  const height = bottom + 40 + (input.current.values.some((v) => v === undefined) ? 36 : 0);
  return svgDocument({ id: 'radar', height, title: input.title, description: description(input) }, body);
}
