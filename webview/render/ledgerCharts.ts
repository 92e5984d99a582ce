import { svg, html } from 'lit';
import type { TemplateResult } from 'lit';
import type { LedgerSummary } from '../../src/core/explain/summary';

const WIDTH = 560;
const HEIGHT = 140;
const AXIS = 24;

/** Deployments per week over the window, the failed ones stacked on top in the error colour. */
export function timelineChart(summary: LedgerSummary): TemplateResult {
  const weeks = summary.weeks;
  const peak = Math.max(1, ...weeks.map((w) => w.deployments));
  const slot = WIDTH / Math.max(1, weeks.length);
  const bar = Math.max(2, slot * 0.7);
  const scale = (n: number) => (n / peak) * (HEIGHT - AXIS - 8);
  const failedWeeks = weeks.filter((w) => w.failed > 0).length;
  return html`<figure class="ledger-chart">
    <svg
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      role="img"
      aria-label=${`Deployments per week: ${weeks.map((w) => w.deployments).join(', ')}; ${failedWeeks} weeks with a failed deployment`}
    >
      ${weeks.map((week, i) => {
        const x = i * slot + (slot - bar) / 2;
        const ok = scale(week.deployments - week.failed);
        const failed = scale(week.failed);
        const base = HEIGHT - AXIS;
        return svg`<g>
          <title>${`Week of ${week.start}: ${week.deployments} deployments, ${week.failed} failed`}</title>
          <rect class="ledger-bar" x=${x} y=${base - ok} width=${bar} height=${ok}></rect>
          <rect class="ledger-bar failed" x=${x} y=${base - ok - failed} width=${bar} height=${failed}></rect>
        </g>`;
      })}
      <line class="ledger-axis" x1="0" x2=${WIDTH} y1=${HEIGHT - AXIS} y2=${HEIGHT - AXIS}></line>
      <text class="ledger-label" x="0" y=${HEIGHT - 6}>${weeks[0]?.start ?? ''}</text>
      <text class="ledger-label" x=${WIDTH} y=${HEIGHT - 6} text-anchor="end">${weeks.at(-1)?.start ?? ''}</text>
      <text class="ledger-label" x="0" y="12">${peak} a week</text>
    </svg>
    <figcaption class="muted">Deployments per week; failed deployments in the error colour.</figcaption>
  </figure>`;
}

/** How lead times spread, by bucket, with the median's and p90's buckets named under their bars. */
export function histogramChart(summary: LedgerSummary): TemplateResult {
  const buckets = summary.buckets;
  const peak = Math.max(1, ...buckets.map((b) => b.commits));
  const slot = WIDTH / buckets.length;
  const bar = slot * 0.7;
  const base = HEIGHT - 2 * AXIS;
  return html`<figure class="ledger-chart">
    <svg
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      role="img"
      aria-label=${`Lead times: ${buckets.map((b) => `${b.label} ${b.commits}`).join(', ')}`}
    >
      ${buckets.map((bucket, i) => {
        const x = i * slot + (slot - bar) / 2;
        const height = (bucket.commits / peak) * (base - 14);
        const marks = [bucket.median ? 'median' : '', bucket.p90 ? 'p90' : ''].filter(Boolean).join(' · ');
        return svg`<g>
          <title>${`${bucket.label}: ${bucket.commits} commits`}</title>
          <rect class=${marks ? 'ledger-bar marked' : 'ledger-bar'} x=${x} y=${base - height} width=${bar} height=${height}></rect>
          <text class="ledger-label" x=${x + bar / 2} y=${base - height - 3} text-anchor="middle">${bucket.commits || ''}</text>
          <text class="ledger-label" x=${x + bar / 2} y=${base + 14} text-anchor="middle">${bucket.label}</text>
          <text class="ledger-label mark" x=${x + bar / 2} y=${base + 30} text-anchor="middle">${marks}</text>
        </g>`;
      })}
      <line class="ledger-axis" x1="0" x2=${WIDTH} y1=${base} y2=${base}></line>
    </svg>
    <figcaption class="muted">
      Commits by lead time; the buckets holding the median and the 90th percentile are marked.
    </figcaption>
  </figure>`;
}
