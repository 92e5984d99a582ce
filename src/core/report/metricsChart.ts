import type { Band } from '../metrics/result';
import { BAND_THRESHOLDS } from './keyMetrics';
import type { KeyMetric } from './keyMetrics';
import { CHART_WIDTH, heading, n, SMALL_FONT_SIZE, svgDocument, text, wrapWords } from './svg';

const BANDS: readonly Band[] = ['Low', 'Medium', 'High', 'Elite'];
const LEFT = 160;
const RIGHT = CHART_WIDTH - 20;
const ROW = 50;
const TOP = 84;

/**
 * The measured key metrics against DORA's bands: one row per metric, one column per band, the
 * band the figure falls in filled and labelled with the figure. Only measured figures are placed:
 * a practice percent is not a delivery performance and is never drawn here.
 */
export function metricsSvg(metrics: readonly KeyMetric[], title: string): string {
  const column = (RIGHT - LEFT) / BANDS.length;
  const body: string[] = [
    heading(title),
    text(
      20,
      54,
      'Filled: the band the figure measured in git falls in.',
      `class="muted" font-size="${SMALL_FONT_SIZE}"`,
    ),
  ];
  BANDS.forEach((band, b) =>
    body.push(text(LEFT + column * (b + 0.5), TOP - 8, band, 'class="ink" font-weight="bold" text-anchor="middle"')),
  );
  metrics.forEach((metric, r) => {
    const y = TOP + r * ROW;
    wrapWords(metric.name, 17).forEach((line, l, lines) =>
      body.push(text(20, y + ROW / 2 + 5 + (l - (lines.length - 1) / 2) * 16, line)),
    );
    const thresholds = BAND_THRESHOLDS[metric.id];
    const band = metric.measured?.band ?? null;
    BANDS.forEach((b, c) => {
      const x = LEFT + column * c;
      const hit = band === b;
      body.push(
        `<rect class="${hit ? 'bar' : 'grid'}" x="${n(x + 2)}" y="${y + 4}" width="${n(column - 4)}" height="${ROW - 8}" rx="4"/>`,
      );
      const centre = x + column / 2;
      if (hit && metric.measured) {
        body.push(text(centre, y + 22, metric.measured.value, 'class="ink" font-weight="bold" text-anchor="middle"'));
        body.push(
          text(
            centre,
            y + 38,
            thresholds?.[c] ?? '',
            `class="ink" font-size="${SMALL_FONT_SIZE}" text-anchor="middle"`,
          ),
        );
      } else if (thresholds) {
        body.push(
          text(
            centre,
            y + 30,
            thresholds[c] ?? '',
            `class="muted" font-size="${SMALL_FONT_SIZE}" text-anchor="middle"`,
          ),
        );
      }
    });
    if (!thresholds || band === null) body.push(...unplaced(metric, y, thresholds === undefined));
  });
  const height = TOP + metrics.length * ROW + 20;
  const description = metrics
    .map((m) => `${m.name}: ${m.measured ? `${m.measured.value}, ${m.measured.band ?? 'no band'}` : 'not measured'}`)
    .join('; ');
  return svgDocument({ id: 'metrics', height, title, description }, body);
}

/** A metric that has no band (rework rate) or no figure: said in words across its row, over a plain card. */
function unplaced(metric: KeyMetric, y: number, noBand: boolean): string[] {
  const what = !metric.measured
    ? 'not measured'
    : noBand
      ? `${metric.measured.value}: DORA gives this metric no band`
      : `${metric.measured.value}: too little data for a band`;
  return [
    `<rect class="card" x="${LEFT + 2}" y="${y + 4}" width="${n(RIGHT - LEFT - 4)}" height="${ROW - 8}" rx="4"/>`,
    text((LEFT + RIGHT) / 2, y + 30, what, 'class="muted" font-style="italic" text-anchor="middle"'),
  ];
}
