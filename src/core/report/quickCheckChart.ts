import { describeBenchmark } from '../quickcheck/benchmarks';
import type { Spread } from '../quickcheck/benchmarks';
import type { QuickCheckResult } from '../quickcheck/score';
import { formatNumber } from '../vocabulary/format';
import { CHART_WIDTH, heading, n, SMALL_FONT_SIZE, svgDocument, text, wrapWords } from './svg';

const LEFT = 180;
const RIGHT = CHART_WIDTH - 60;
const ROW = 44;
const TOP = 96;

/**
 * Each key metric's 0–10 score against the benchmark: the shaded band is the group's mean ± one
 * standard deviation, the tick its mean, the dot the team. The overall score closes the chart.
 */
export function quickCheckSvg(result: QuickCheckResult, title: string): string {
  const x = (score: number) => LEFT + ((RIGHT - LEFT) * Math.max(0, Math.min(10, score))) / 10;
  const rows = [
    ...result.metrics.map((m) => ({ name: m.name, score: m.score, spread: m.benchmark, note: rowNote(m) })),
    { name: 'Overall', score: result.overall, spread: result.benchmark.overall, note: undefined },
  ];
  const bottom = TOP + rows.length * ROW;
  const body: string[] = [
    heading(title),
    text(
      20,
      54,
      `Shaded: ${describeBenchmark(result.benchmark)}, mean ± one standard deviation.`,
      `class="muted" font-size="${SMALL_FONT_SIZE}"`,
    ),
    `<rect class="area" x="20" y="66" width="14" height="10" stroke-width="0"/>`,
    text(40, 75, 'Benchmark range'),
    `<circle class="accent" cx="177" cy="71" r="5"/>`,
    text(188, 75, 'This team'),
  ];
  body.push('<g class="grid" stroke-width="1">');
  for (let tick = 0; tick <= 10; tick += 2)
    body.push(`  <line x1="${n(x(tick))}" y1="${TOP - 4}" x2="${n(x(tick))}" y2="${bottom}"/>`);
  body.push('</g>');
  for (let tick = 0; tick <= 10; tick += 2)
    body.push(
      text(x(tick), bottom + 16, String(tick), `class="muted" font-size="${SMALL_FONT_SIZE}" text-anchor="middle"`),
    );
  rows.forEach((row, r) => {
    const y = TOP + r * ROW;
    const mid = y + ROW / 2;
    const bold = row.name === 'Overall' ? ' font-weight="bold"' : '';
    wrapWords(row.name, 22).forEach((line, l, lines) =>
      body.push(text(20, mid + 5 + (l - (lines.length - 1) / 2) * 15, line, `class="ink"${bold}`)),
    );
    if (row.spread) body.push(...range(row.spread, mid, x));
    if (row.score === undefined) {
      body.push(
        text(
          (LEFT + RIGHT) / 2,
          mid + 5,
          row.note ?? 'not answered',
          'class="muted" font-style="italic" text-anchor="middle"',
        ),
      );
      return;
    }
    body.push(`<circle class="accent" cx="${n(x(row.score))}" cy="${n(mid)}" r="6"/>`);
    body.push(
      text(
        x(row.score) + (row.score > 8.5 ? -10 : 10),
        mid - 8,
        formatNumber(row.score),
        `class="ink" font-weight="bold"${row.score > 8.5 ? ' text-anchor="end"' : ''}`,
      ),
    );
  });
  const description = rows
    .map((row) => `${row.name}: ${row.score === undefined ? 'not answered' : `${formatNumber(row.score)} of 10`}`)
    .join('; ');
  return svgDocument({ id: 'quickcheck', height: bottom + 30, title, description }, body);
}

function range(spread: Spread, mid: number, x: (score: number) => number): string[] {
  const from = x(spread.mean - spread.std);
  const to = x(spread.mean + spread.std);
  return [
    `<rect class="area" x="${n(from)}" y="${n(mid - 9)}" width="${n(Math.max(to - from, 1))}" height="18" rx="3" stroke-width="0"/>`,
    `<line class="outline" x1="${n(x(spread.mean))}" y1="${n(mid - 12)}" x2="${n(x(spread.mean))}" y2="${n(mid + 12)}" stroke-width="2"/>`,
  ];
}

function rowNote(metric: QuickCheckResult['metrics'][number]): string | undefined {
  if (!metric.inEdition) return 'not surveyed in this edition';
  return undefined;
}
