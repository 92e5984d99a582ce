import type { MetricsResult } from '../metrics/result';
import { METRIC_IDS, METRICS, metricFacts } from '../vocabulary/metrics';
import type { MetricFact, MetricId } from '../vocabulary/metrics';
import type { DomainFact, ReportFacts } from './facts';

/** The edition of the bands the measured figures are placed in; named wherever a band is shown. */
export const BENCHMARK_EDITION = 'DORA 2024 performance clusters';

/** One of DORA's five key metrics, as the questionnaire answered it and as git measured it. */
export interface KeyMetric {
  readonly id: MetricId;
  readonly name: string;
  /** The domains the framework binds to this metric; none for rework rate in most frameworks. */
  readonly domains: readonly DomainFact[];
  /** Practice maturity of those domains, weighted by domain weight; undefined when none is scored. */
  readonly percent: number | undefined;
  readonly answered: number;
  readonly total: number;
  /** Undefined without a git analysis. */
  readonly measured: MetricFact | undefined;
}

export function keyMetrics(facts: ReportFacts, metrics: MetricsResult | undefined): KeyMetric[] {
  const measured = metrics ? new Map(metricFacts(metrics).map((m) => [m.id, m])) : undefined;
  return METRIC_IDS.map((id): KeyMetric => {
    const domains = facts.domains.filter((d) => d.domain.metric === id);
    return {
      id,
      name: METRICS[id].name,
      domains,
      percent: weightedPercent(domains),
      answered: domains.reduce((sum, d) => sum + d.score.answered, 0),
      total: domains.reduce((sum, d) => sum + d.score.total, 0),
      measured: measured?.get(id),
    };
  });
}

function weightedPercent(domains: readonly DomainFact[]): number | undefined {
  const rated = domains.flatMap((d) =>
    d.score.percent === undefined ? [] : [{ weight: d.domain.weight, percent: d.score.percent }],
  );
  const weight = rated.reduce((sum, d) => sum + d.weight, 0);
  if (weight === 0) return undefined;
  const mean = rated.reduce((sum, d) => sum + d.weight * d.percent, 0) / weight;
  return Number.isFinite(mean) ? Math.round(mean * 10) / 10 : undefined;
}

/** What each DORA 2024 band means for a metric, worst to best; rework rate has no band. */
export const BAND_THRESHOLDS: Readonly<Record<MetricId, readonly [string, string, string, string] | undefined>> = {
  deploymentFrequency: ['less than monthly', 'monthly', 'weekly', 'daily or more'],
  leadTime: ['30 days or more', 'under 30 days', 'under a week', 'under a day'],
  recoveryTime: ['a week or more', 'under a week', 'under a day', 'under an hour'],
  changeFailureRate: ['over 30%', '30% or less', '15% or less', '5% or less'],
  reworkRate: undefined,
};
