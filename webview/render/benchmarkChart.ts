import { svg } from 'lit';
import type { SVGTemplateResult } from 'lit';
import { formatNumber } from '../../src/core/vocabulary/format';
import type { Spread } from '../../src/core/quickcheck/benchmarks';

/** One row of the chart: a figure on the 0–10 scale (10 best) against the benchmark's mean ± one sd. */
export interface ChartRow {
  readonly label: string;
  readonly score: number | undefined;
  readonly spread: Spread | undefined;
}

const WIDTH = 250;
const LEFT = 8;
const RIGHT = 8;
const ROW = 38;
const TOP = 6;
const AXIS = 22;

const x = (value: number) => LEFT + (Math.max(0, Math.min(10, value)) / 10) * (WIDTH - LEFT - RIGHT);

/**
 * The team against the benchmark, as DORA's Quick Check draws it: per row a shaded band from mean − sd to
 * mean + sd, a tick at the mean, and the team's mark. Colours are theme variables (see media/panel/quickcheck.css);
 * the shapes differ too (band, line, diamond), so the chart reads in high contrast and without colour.
 */
export function benchmarkChart(rows: readonly ChartRow[], description: string): SVGTemplateResult {
  const height = TOP + rows.length * ROW + AXIS;
  return svg`<svg
    class="qc-chart"
    viewBox="0 0 ${WIDTH} ${height}"
    width="100%"
    role="img"
    aria-label=${description}
    data-testid="benchmark-chart"
  >
    ${rows.map((row, index) => chartRow(row, TOP + index * ROW))}
    ${axis(TOP + rows.length * ROW)}
  </svg>`;
}

function chartRow(row: ChartRow, top: number): SVGTemplateResult {
  const y = top + 22;
  const { spread, score } = row;
  const low = spread ? x(spread.mean - spread.std) : 0;
  const high = spread ? x(spread.mean + spread.std) : 0;
  const value = score === undefined ? '—' : formatNumber(score);
  return svg`<g class="qc-chart-row">
    <text class="qc-chart-label" x=${LEFT} y=${top + 10}>${row.label}</text>
    <text class="qc-chart-value" x=${WIDTH - RIGHT} y=${top + 10} text-anchor="end">${value}</text>
    <line class="qc-chart-track" x1=${x(0)} x2=${x(10)} y1=${y} y2=${y}></line>
    ${
      spread
        ? svg`<rect class="qc-chart-spread" x=${low} y=${y - 7} width=${Math.max(1, high - low)} height="14" rx="3"></rect>
          <line class="qc-chart-mean" x1=${x(spread.mean)} x2=${x(spread.mean)} y1=${y - 9} y2=${y + 9}></line>`
        : svg``
    }
    ${
      score === undefined
        ? svg``
        : svg`<path class="qc-chart-team" d="M ${x(score)} ${y - 7} l 7 7 l -7 7 l -7 -7 z"></path>`
    }
  </g>`;
}

function axis(top: number): SVGTemplateResult {
  const ticks = [0, 2, 4, 6, 8, 10];
  return svg`<g class="qc-chart-axis">
    ${ticks.map(
      (tick) =>
        svg`<text x=${x(tick)} y=${top + 14} text-anchor=${tick === 0 ? 'start' : tick === 10 ? 'end' : 'middle'}>${tick}</text>`,
    )}
  </g>`;
}
