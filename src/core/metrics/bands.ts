import type { Band } from './result';

/**
 * DORA performance bands, as fixed numeric cut-offs (see docs/metrics.md). Bands describe the data; the
 * score a question suggests comes from that question's `suggest` thresholds in YAML, not from here.
 */

/**
 * Deployment frequency from a count over a window of `days`, compared as exact ratios so that, say,
 * 3 deployments in 90 days is exactly "monthly" and not a rounding error either side of it.
 * Elite: at least one a day on average (on demand). High: at least weekly. Medium: at least once per
 * 30 days. Low: less often. Null only when the history has no deployment at all.
 */
export function frequencyBand(count: number, days: number, anyDeployment: boolean): Band | null {
  if (!anyDeployment) return null;
  if (count >= days) return 'Elite';
  if (count * 7 >= days) return 'High';
  if (count * 30 >= days) return 'Medium';
  return 'Low';
}

/** Median lead time. Elite: under a day. High: under a week. Medium: under 30 days. Low: longer. */
export function leadTimeBand(medianHours: number | null): Band | null {
  if (medianHours === null) return null;
  if (medianHours < 24) return 'Elite';
  if (medianHours < 24 * 7) return 'High';
  if (medianHours < 24 * 30) return 'Medium';
  return 'Low';
}

/** Change failure rate. Elite: at most 5 %. High: at most 15 %. Medium: at most 30 %. Low: above. */
export function changeFailureBand(percent: number | null): Band | null {
  if (percent === null) return null;
  if (percent <= 5) return 'Elite';
  if (percent <= 15) return 'High';
  if (percent <= 30) return 'Medium';
  return 'Low';
}

/** Median recovery time. Elite: under an hour. High: under a day. Medium: under a week. Low: longer. */
export function recoveryBand(medianHours: number | null): Band | null {
  if (medianHours === null) return null;
  if (medianHours < 1) return 'Elite';
  if (medianHours < 24) return 'High';
  if (medianHours < 24 * 7) return 'Medium';
  return 'Low';
}
