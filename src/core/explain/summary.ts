import * as z from 'zod/mini';
import type { Ledger } from './ledger';

/**
 * What the ledger's two charts draw, computed once on the host so the webview gets a few dozen numbers,
 * not every row: deployments per week over the window with the failures marked, and how lead times spread.
 */

const count = z.int().check(z.minimum(0));

export const ledgerSummarySchema = z.strictObject({
  /** One entry per week of the window, oldest first; `start` is the week's first day (YYYY-MM-DD, UTC). */
  weeks: z.array(z.strictObject({ start: z.string(), deployments: count, failed: count })),
  /** Lead times by bucket, shortest first; the median's and p90's buckets are marked. */
  buckets: z.array(z.strictObject({ label: z.string(), commits: count, median: z.boolean(), p90: z.boolean() })),
  totals: z.strictObject({ deployments: count, leadTime: count, failures: count, excluded: count }),
});
export type LedgerSummary = z.infer<typeof ledgerSummarySchema>;

const WEEK = 7 * 86_400;

/** Upper bounds in hours, with the label of the bucket below each; the last bucket is open-ended. */
const BUCKETS: readonly (readonly [number, string])[] = [
  [1, '< 1 h'],
  [6, '1–6 h'],
  [24, '6–24 h'],
  [72, '1–3 d'],
  [168, '3–7 d'],
  [720, '1–4 wk'],
  [2160, '1–3 mo'],
  [Number.POSITIVE_INFINITY, '> 3 mo'],
];

export function ledgerSummary(ledger: Ledger): LedgerSummary {
  return {
    weeks: weeksOf(ledger),
    buckets: bucketsOf(ledger),
    totals: {
      deployments: ledger.deployments.length,
      leadTime: ledger.leadTime.length,
      failures: ledger.deployments.filter((d) => d.classifications.length > 0).length,
      excluded: ledger.excluded.length,
    },
  };
}

function weeksOf(ledger: Ledger): LedgerSummary['weeks'] {
  const { since, until } = ledger.window;
  const count = Math.max(1, Math.ceil((until - since) / WEEK));
  const weeks = Array.from({ length: count }, (_, k) => ({
    start: new Date((since + k * WEEK) * 1000).toISOString().slice(0, 10),
    deployments: 0,
    failed: 0,
  }));
  for (const deployment of ledger.deployments) {
    const time = Date.parse(deployment.time) / 1000;
    const week = weeks[Math.min(count - 1, Math.max(0, Math.floor((time - since) / WEEK)))];
    if (!week) continue;
    week.deployments++;
    if (deployment.classifications.some((c) => c.classification === 'failed')) week.failed++;
  }
  return weeks;
}

function bucketsOf(ledger: Ledger): LedgerSummary['buckets'] {
  const buckets = BUCKETS.map(([, label]) => ({ label, commits: 0, median: false, p90: false }));
  const indexOf = (hours: number) => BUCKETS.findIndex(([upper]) => hours < upper);
  for (const row of ledger.leadTime) {
    const bucket = buckets[indexOf(row.hours)];
    if (!bucket) continue;
    bucket.commits++;
    if (row.marks.includes('median')) bucket.median = true;
    if (row.marks.includes('p90')) bucket.p90 = true;
  }
  return buckets;
}
