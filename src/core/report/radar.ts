import { formatPercent } from '../scoring/score';
import { xmlText } from './escape';

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

/**
 * Colours that hold on light and dark pages alike: the chart draws its own white card, so GitHub's
 * dark theme and VS Code's dark preview show the same picture as the light ones.
 */
const INK = '#1f2328';
const MUTED = '#59636e';
const GRID = '#d1d9e0';
const CURRENT = '#0969da';
const PREVIOUS = '#bc4c00';
const FONT = 'font-family="-apple-system, \'Segoe UI\', Helvetica, Arial, sans-serif"';

/** Fixed decimals keep the bytes stable; "-0.0" (a cosine a hair below zero) reads as "0.0". */
const n = (value: number) => {
  const text = value.toFixed(1);
  return text === '-0.0' ? '0.0' : text;
};

/** A radar of the domain percents, or horizontal bars when there are too few domains for a polygon. */
export function renderChart(input: ChartInput): string {
  return input.axes.length >= 3 ? radarSvg(input) : barSvg(input);
}

function svgOpen(width: number, height: number, input: ChartInput): string[] {
  const summary = input.axes.map((axis, i) => `${axis} ${valueLabel(input.current.values[i])}`).join(', ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc">`,
    `  <title id="chart-title">${xmlText(input.title)}</title>`,
    `  <desc id="chart-desc">${xmlText(summary)}</desc>`,
    `  <rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="8" fill="#ffffff" stroke="${GRID}"/>`,
  ];
}

function legend(input: ChartInput, x: number, y: number): string[] {
  const lines = [
    `  <g ${FONT} font-size="13" fill="${INK}">`,
    `    <rect x="${x}" y="${y - 10}" width="14" height="10" fill="${CURRENT}" fill-opacity="0.25" stroke="${CURRENT}" stroke-width="2"/>`,
    `    <text x="${x + 20}" y="${y}">${xmlText(input.currentLabel)}</text>`,
  ];
  if (input.previous) {
    lines.push(
      `    <line x1="${x}" y1="${y + 15}" x2="${x + 14}" y2="${y + 15}" stroke="${PREVIOUS}" stroke-width="2" stroke-dasharray="4 2"/>`,
      `    <text x="${x + 20}" y="${y + 20}">${xmlText(input.previous.label)}</text>`,
    );
  }
  lines.push('  </g>');
  return lines;
}

/** Splits a label into lines of about `width` characters, at most three, so long domain names fit. */
export function wrapLabel(label: string, width = 18): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length > 3)
    return [
      ...lines.slice(0, 2),
      `${lines
        .slice(2)
        .join(' ')
        .slice(0, width - 1)}…`,
    ];
  return lines;
}

function radarSvg(input: ChartInput): string {
  const width = 720;
  const height = 560;
  const cx = 360;
  const cy = 300;
  const radius = 170;
  const count = input.axes.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / count;
  const point = (i: number, percent: number) => {
    const r = (radius * Math.max(0, Math.min(100, percent))) / 100;
    return `${n(cx + r * Math.cos(angle(i)))},${n(cy + r * Math.sin(angle(i)))}`;
  };
  const ring = (percent: number) => input.axes.map((_, i) => point(i, percent)).join(' ');
  const polygon = (series: ChartSeries) => series.values.map((v, i) => point(i, v ?? 0)).join(' ');

  const out = svgOpen(width, height, input);
  out.push(`  <g fill="none" stroke="${GRID}" stroke-width="1">`);
  // Rings at the level boundaries, so the bands can be read off the chart.
  for (const percent of [20, 40, 60, 80, 100]) out.push(`    <polygon points="${ring(percent)}"/>`);
  for (let i = 0; i < count; i++)
    out.push(`    <line x1="${cx}" y1="${cy}" x2="${point(i, 100).replace(',', '" y2="')}"/>`);
  out.push('  </g>');
  // A white halo keeps the ring labels readable where an outline crosses them.
  out.push(`  <g ${FONT} font-size="11" fill="${MUTED}" stroke="#ffffff" stroke-width="3" paint-order="stroke">`);
  for (const percent of [20, 40, 60, 80, 100]) {
    out.push(`    <text x="${n(cx + 5)}" y="${n(cy - (radius * percent) / 100 + 12)}">${percent}%</text>`);
  }
  out.push('  </g>');
  if (input.previous) {
    out.push(
      `  <polygon points="${polygon(input.previous)}" fill="none" stroke="${PREVIOUS}" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
  }
  out.push(
    `  <polygon points="${polygon(input.current)}" fill="${CURRENT}" fill-opacity="0.22" stroke="${CURRENT}" stroke-width="2.5" stroke-linejoin="round"/>`,
  );
  out.push(`  <g fill="${CURRENT}">`);
  input.current.values.forEach((v, i) => {
    if (v !== undefined) out.push(`    <circle cx="${point(i, v).replace(',', '" cy="')}" r="3.5"/>`);
  });
  out.push('  </g>');
  out.push(`  <g ${FONT} font-size="13" fill="${INK}">`);
  input.axes.forEach((axis, i) => {
    const cos = Math.cos(angle(i));
    const sin = Math.sin(angle(i));
    const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
    const lines = [...wrapLabel(axis), valueLabel(input.current.values[i])];
    const x = cx + (radius + 18) * cos;
    // Labels above the centre grow upwards, below it downwards, so none overlaps the polygon.
    const top =
      cy +
      (radius + 18) * sin +
      (sin < -0.3 ? -(lines.length - 1) * 16 : sin > 0.3 ? 12 : -((lines.length - 1) * 16) / 2 + 4);
    out.push(`    <text x="${n(x)}" y="${n(top)}" text-anchor="${anchor}">`);
    lines.forEach((line, l) => {
      const weight = l === lines.length - 1 ? ' font-weight="bold"' : '';
      out.push(`      <tspan x="${n(x)}" dy="${l === 0 ? 0 : 16}"${weight}>${xmlText(line)}</tspan>`);
    });
    out.push('    </text>');
  });
  out.push('  </g>');
  if (input.current.values.every((v) => v === undefined)) {
    out.push(
      `  <text x="${cx}" y="${cy + 4}" text-anchor="middle" ${FONT} font-size="14" fill="${INK}" stroke="#ffffff" stroke-width="4" paint-order="stroke">No domain scored yet</text>`,
    );
  }
  out.push(...legend(input, 20, 30), '</svg>', '');
  return out.join('\n');
}

function valueLabel(value: number | undefined): string {
  return value === undefined ? 'not scored' : formatPercent(value);
}

function barSvg(input: ChartInput): string {
  const width = 720;
  const rowHeight = 56;
  const top = input.previous ? 70 : 56;
  const height = top + rowHeight * input.axes.length + 30;
  const left = 220;
  const barWidth = 420;
  const out = svgOpen(width, height, input);
  out.push(`  <g stroke="${GRID}" stroke-width="1">`);
  for (const percent of [0, 20, 40, 60, 80, 100]) {
    const x = n(left + (barWidth * percent) / 100);
    out.push(`    <line x1="${x}" y1="${top - 8}" x2="${x}" y2="${top + rowHeight * input.axes.length}"/>`);
  }
  out.push('  </g>');
  out.push(`  <g ${FONT} font-size="13" fill="${INK}">`);
  input.axes.forEach((axis, i) => {
    const y = top + rowHeight * i;
    const value = input.current.values[i];
    out.push(`    <text x="${left - 12}" y="${y + 22}" text-anchor="end">${xmlText(axis)}</text>`);
    out.push(
      `    <rect x="${left}" y="${y + 8}" width="${n((barWidth * (value ?? 0)) / 100)}" height="20" fill="${CURRENT}" fill-opacity="0.8"/>`,
    );
    out.push(
      `    <text x="${n(left + (barWidth * (value ?? 0)) / 100 + 6)}" y="${y + 23}" font-weight="bold">${xmlText(valueLabel(value))}</text>`,
    );
    const before = input.previous?.values[i];
    if (before !== undefined) {
      const x = n(left + (barWidth * before) / 100);
      out.push(
        `    <line x1="${x}" y1="${y + 2}" x2="${x}" y2="${y + 34}" stroke="${PREVIOUS}" stroke-width="2" stroke-dasharray="4 2"/>`,
      );
    }
  });
  out.push('  </g>');
  out.push(`  <g ${FONT} font-size="11" fill="${MUTED}">`);
  for (const percent of [0, 20, 40, 60, 80, 100]) {
    out.push(
      `    <text x="${n(left + (barWidth * percent) / 100)}" y="${top + rowHeight * input.axes.length + 16}" text-anchor="middle">${percent}%</text>`,
    );
  }
  out.push('  </g>');
  out.push(...legend(input, 20, 26), '</svg>', '');
  return out.join('\n');
}
