import { plural } from '../../text/words';
import type { MetricKey } from '../../framework/schema';
import type { Band, MetricsResult } from '../../metrics/result';
import { formatHours, formatNumber } from '../markdown';

export interface MeasuredMetric {
  /** Plain text; escape before use. */
  readonly value: string;
  readonly band: Band | null;
  /** How it was computed, plain text. */
  readonly method: string;
  readonly heuristic: boolean;
}

/** One line per key metric from the git analysis, in words a reader can check against the repository. */
export function measuredMetric(key: MetricKey, metrics: MetricsResult): MeasuredMetric {
  switch (key) {
    case 'deploymentFrequency': {
      const d = metrics.deployments;
      return {
        value: `${plural(d.count, 'deployment')} in ${formatNumber(metrics.window.days, 0)} days, ${formatNumber(d.perWeek, 2)} a week`,
        band: d.band,
        method: withSentence(d.method, `Counted from ${source(metrics)}.`),
        heuristic: false,
      };
    }
    case 'leadTime': {
      const l = metrics.leadTime;
      const value =
        l.medianHours === null
          ? `no deployed commits in ${formatNumber(metrics.window.days, 0)} days`
          : `median ${formatHours(l.medianHours)}${l.p90Hours === null ? '' : `, 90th percentile ${formatHours(l.p90Hours)}`} over ${plural(l.commits, 'commit')}`;
      return {
        value,
        band: l.band,
        method: withSentence(l.method, `Commit times are ${l.clock} dates.`),
        heuristic: false,
      };
    }
    case 'changeFailureRate': {
      const c = metrics.changeFailure;
      const value =
        c.percent === null
          ? 'no deployments to judge'
          : `${formatNumber(c.percent)}% (${c.failed} of ${plural(c.deployments, 'deployment')} followed by a fix)`;
      return { value, band: c.band, method: c.rule, heuristic: true };
    }
    case 'recoveryTime': {
      const r = metrics.recovery;
      const value =
        r.medianHours === null
          ? r.incidents === 0
            ? 'no incidents found'
            : `${plural(r.incidents, 'incident')}, none with a recovery time`
          : `median ${formatHours(r.medianHours)} over ${plural(r.incidents, 'incident')}`;
      return { value, band: r.band, method: r.rule, heuristic: true };
    }
  }
}

function source(metrics: MetricsResult): string {
  const d = metrics.deployments;
  return d.source === 'tags'
    ? `tags matching ${d.pattern}`
    : `first-parent merges on ${d.defaultBranch ?? 'the default branch'}`;
}

/** Appends a sentence, ending the first text with a full stop if it lacks one. */
export function withSentence(text: string, sentence: string): string {
  const trimmed = text.trim();
  return `${trimmed}${/[.!?]$/.test(trimmed) ? '' : '.'} ${sentence}`;
}
