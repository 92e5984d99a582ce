import { frameworkSchema } from '../../../../src/core/framework/schema';
import type { Framework, Measure, MetricKey, Threshold } from '../../../../src/core/framework/schema';

export interface SuggestingQuestion {
  readonly id: string;
  readonly metric: MetricKey;
  readonly measure: Measure;
  readonly thresholds: readonly Threshold[];
}

const guidance = Object.fromEntries([0, 1, 2, 3, 4, 5].map((n) => [n, { text: `Score ${n}.` }]));

/** A one-domain framework whose questions suggest from the given measures, plus one that suggests nothing. */
export function suggestingFramework(questions: readonly SuggestingQuestion[]): Framework {
  return frameworkSchema.parse({
    id: 'fixture',
    name: 'Fixture',
    version: '1',
    description: 'Built in a test.',
    domains: [
      {
        id: 'delivery',
        name: 'Delivery',
        weight: 100,
        questions: [
          ...questions.map((q) => ({
            id: q.id,
            text: `${q.id}?`,
            help: 'Help.',
            guidance,
            suggest: { metric: q.metric, measure: q.measure, thresholds: q.thresholds },
          })),
          { id: 'by-hand', text: 'Answered by hand?', help: 'Help.', guidance },
        ],
      },
    ],
  });
}

/** DORA-like thresholds, as a framework's YAML would give them. */
export const FREQUENCY: Threshold[] = [
  { score: 5, atLeast: 7 },
  { score: 4, atLeast: 1 },
  { score: 3, atLeast: 0.23 },
  { score: 1, atLeast: 0 },
];
export const HOURS_LEAD: Threshold[] = [
  { score: 5, atMost: 24 },
  { score: 4, atMost: 168 },
  { score: 3, atMost: 720 },
  { score: 1, atLeast: 0 },
];
export const PERCENT_FAIL: Threshold[] = [
  { score: 5, atMost: 5 },
  { score: 4, atMost: 15 },
  { score: 3, atMost: 30 },
  { score: 1, atLeast: 0 },
];
export const HOURS_RECOVERY: Threshold[] = [
  { score: 5, atMost: 1 },
  { score: 4, atMost: 24 },
  { score: 3, atMost: 168 },
  { score: 1, atLeast: 0 },
];

export const ALL_MEASURES: SuggestingQuestion[] = [
  { id: 'df-count', metric: 'deploymentFrequency', measure: 'deploymentsPerWeek', thresholds: FREQUENCY },
  { id: 'df-days', metric: 'deploymentFrequency', measure: 'deployDaysPerWeek', thresholds: FREQUENCY },
  { id: 'lt-median', metric: 'leadTime', measure: 'leadTimeMedianHours', thresholds: HOURS_LEAD },
  { id: 'lt-p90', metric: 'leadTime', measure: 'leadTimeP90Hours', thresholds: HOURS_LEAD },
  { id: 'cfr', metric: 'changeFailureRate', measure: 'changeFailurePercent', thresholds: PERCENT_FAIL },
  { id: 'rework', metric: 'changeFailureRate', measure: 'reworkPercent', thresholds: PERCENT_FAIL },
  { id: 'mttr', metric: 'recoveryTime', measure: 'recoveryMedianHours', thresholds: HOURS_RECOVERY },
];
