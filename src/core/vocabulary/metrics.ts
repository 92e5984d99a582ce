import type { Band, MetricsResult } from '../metrics/result';
import { formatDuration, formatPercent, formatPerWeek, plural } from './format';

/**
 * DORA's five key metrics, by their current names (DORA 2024–2025), grouped as the 2025 report groups
 * them. Every surface (panel, CLI, output channel, report) names a metric through this table.
 */
export const METRIC_IDS = [
  'deploymentFrequency',
  'leadTime',
  'recoveryTime',
  'changeFailureRate',
  'reworkRate',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** 2025: throughput is how fast changes flow; instability is how often they go wrong. */
export type MetricGroup = 'throughput' | 'instability';

export interface MetricInfo {
  readonly id: MetricId;
  readonly name: string;
  readonly group: MetricGroup;
  /** One sentence a newcomer understands. */
  readonly definition: string;
}

export const METRICS: Readonly<Record<MetricId, MetricInfo>> = {
  deploymentFrequency: {
    id: 'deploymentFrequency',
    name: 'Deployment frequency',
    group: 'throughput',
    definition: 'How often the team deploys changes to production.',
  },
  leadTime: {
    id: 'leadTime',
    name: 'Change lead time',
    group: 'throughput',
    definition: 'How long a change takes from being committed to running in production.',
  },
  recoveryTime: {
    id: 'recoveryTime',
    name: 'Failed deployment recovery time',
    group: 'throughput',
    definition: 'How long it takes to recover when a deployment fails and needs immediate attention.',
  },
  changeFailureRate: {
    id: 'changeFailureRate',
    name: 'Change failure rate',
    group: 'instability',
    definition: 'The share of deployments that fail and need immediate attention.',
  },
  reworkRate: {
    id: 'reworkRate',
    name: 'Deployment rework rate',
    group: 'instability',
    definition: 'The share of deployments that are unplanned, made to fix a problem in production.',
  },
};

export const GROUP_NAMES: Readonly<Record<MetricGroup, string>> = {
  throughput: 'Throughput',
  instability: 'Instability',
};

export function metricName(id: MetricId): string {
  return METRICS[id].name;
}

/** One measured metric, labelled and formatted: what every renderer prints. */
export interface MetricFact {
  readonly id: MetricId;
  readonly name: string;
  readonly group: MetricGroup;
  /** The headline figure: "1.9 a week", "18.5 h", "8%", or "—" when not measured. */
  readonly value: string;
  /** What the figure rests on: "25 deployments in 90 days", "median of 140 commits; p90 4.2 days". */
  readonly detail: string;
  /** DORA 2024 performance cluster of this figure, when there is data; labelled with its edition where shown. */
  readonly band: Band | null;
  /** True for figures estimated by a heuristic rather than counted by definition. */
  readonly heuristic: boolean;
  /** How it was measured, for the "How this was measured" section. */
  readonly method: string;
}

/** The five key metrics of a git analysis, in DORA's order, as labelled facts. */
export function metricFacts(result: MetricsResult): MetricFact[] {
  const { deployments: dep, leadTime: lead, changeFailure: cfr, recovery, rework } = result;
  const days = plural(result.window.days, 'day');
  const fact = (id: MetricId, rest: Omit<MetricFact, 'id' | 'name' | 'group'> & { name?: string }): MetricFact => ({
    id,
    name: METRICS[id].name,
    group: METRICS[id].group,
    ...rest,
  });
  return [
    fact('deploymentFrequency', {
      value: formatPerWeek(dep.perWeek),
      detail: `${plural(dep.count, 'deployment')} in ${days}`,
      band: dep.band,
      heuristic: false,
      method: dep.method,
    }),
    fact('leadTime', {
      // Squash merges hide when work began: the figure is measured from the merge, and named so.
      ...(lead.kind === 'merge-to-deploy' ? { name: 'Merge to deploy (not DORA lead time)' } : {}),
      value: formatDuration(lead.medianHours),
      detail:
        lead.medianHours === null
          ? 'no change shipped in the window'
          : `median of ${plural(lead.commits, 'commit')}; p90 ${formatDuration(lead.p90Hours)}`,
      band: lead.band,
      heuristic: false,
      method: lead.method,
    }),
    fact('recoveryTime', {
      value: formatDuration(recovery.medianHours),
      detail:
        recovery.medianHours === null
          ? 'no failed deployment was recovered in the window'
          : `median over ${plural(recovery.incidents, 'failed deployment')}${recovery.unresolved ? `; ${recovery.unresolved} not recovered yet` : ''}`,
      band: recovery.band,
      heuristic: true,
      method: recovery.rule,
    }),
    fact('changeFailureRate', {
      value: formatPercent(cfr.percent),
      detail: `${cfr.failed} of ${plural(cfr.deployments, 'deployment')}`,
      band: cfr.band,
      heuristic: true,
      method: cfr.rule,
    }),
    fact('reworkRate', {
      value: formatPercent(rework.percent),
      detail: `${rework.rework} of ${plural(rework.deployments, 'deployment')}`,
      band: null,
      heuristic: true,
      method: rework.rule,
    }),
  ];
}
