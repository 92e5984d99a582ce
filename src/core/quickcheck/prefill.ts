import type { MetricsResult } from '../metrics/result';
import { formatNumber, plural } from '../vocabulary/format';
import { metricFacts } from '../vocabulary/metrics';
import type { MetricFact, MetricId } from '../vocabulary/metrics';
import { describeAnswer, durationBand, frequencyBandAnswer } from './questions';
import type { Measured } from './schema';

/** A Quick Check answer git suggests, with a plain sentence for the chip and the evidence for the file. */
export interface QuickCheckSuggestion {
  readonly id: MetricId;
  /** Band 1–6 or whole percentage. */
  readonly value: number;
  /** "About 2 releases a week (25 in 90 days) → Between once a day and once a week". */
  readonly chip: string;
  readonly measured: Measured;
}

/** What git measured, turned into Quick Check answers; metrics git could not measure are left out. */
export function quickCheckSuggestions(result: MetricsResult): QuickCheckSuggestion[] {
  // metricFacts gives all five metrics, measured or not.
  const facts = Object.fromEntries(metricFacts(result).map((fact) => [fact.id, fact])) as Record<MetricId, MetricFact>;
  const { deployments: dep, leadTime, recovery, changeFailure, rework } = result;
  const days = result.window.days;
  const values: Partial<Record<MetricId, { value: number; said: string }>> = {};
  if (dep.count > 0) {
    const noun = dep.source === 'tags' ? 'release' : 'merge';
    values.deploymentFrequency = {
      value: frequencyBandAnswer(dep.count, days),
      said: `${aboutPerWeek(dep.perWeek, noun)} (${dep.count} in ${plural(days, 'day')})`,
    };
  }
  if (leadTime.medianHours !== null)
    values.leadTime = {
      value: durationBand(leadTime.medianHours),
      said: `Median lead time ${facts.leadTime.value}`,
    };
  if (recovery.medianHours !== null)
    values.recoveryTime = {
      value: durationBand(recovery.medianHours),
      said: `Median recovery ${facts.recoveryTime.value} (${plural(recovery.incidents, 'failed deployment')})`,
    };
  if (changeFailure.percent !== null && changeFailure.deployments > 0)
    values.changeFailureRate = {
      value: Math.round(changeFailure.percent),
      said: `${changeFailure.failed} of ${plural(changeFailure.deployments, 'deployment')} failed`,
    };
  if (rework.percent !== null && rework.deployments > 0)
    values.reworkRate = {
      value: Math.round(rework.percent),
      said: `${rework.rework} of ${plural(rework.deployments, 'deployment')} were unplanned fixes`,
    };
  return Object.entries(values).map(([key, { value, said }]) => {
    const id = key as MetricId;
    const fact = facts[id];
    return {
      id,
      value,
      chip: `${said} → ${describeAnswer(id, value)}`,
      measured: {
        source: 'git',
        value: fact.value,
        summary: fact.detail,
        method: fact.method,
        suggested: value,
        window: result.window,
        heuristic: fact.heuristic,
      },
    };
  });
}

/** "About 2 releases a week", "About 1 merge a day", "About 1 release a month". */
export function aboutPerWeek(perWeek: number, noun: string): string {
  if (perWeek >= 7) return `About ${plural(Math.round(perWeek / 7), noun)} a day`;
  if (perWeek >= 1) return `About ${plural(Math.round(perWeek), noun)} a week`;
  const perMonth = (perWeek * 30) / 7;
  if (perMonth >= 1) return `About ${plural(Math.round(perMonth), noun)} a month`;
  return `${formatNumber(perMonth * 6)} ${noun}s in six months`;
}
