import type { Band } from '../metrics/result';
import { changeFailureBand } from '../metrics/bands';
import type { MetricId } from '../vocabulary/metrics';

/**
 * The Quick Check's five questions. The three time-based metrics are answered with DORA's six bands
 * (1 = worst … 6 = best); change failure rate and rework rate with a whole percentage, as DORA asks them.
 */

export const BANDS = [1, 2, 3, 4, 5, 6] as const;
export type BandAnswer = (typeof BANDS)[number];

export type QuickCheckAnswerKind = 'band' | 'percent';

/** The question ids in a Quick Check file (framework ids are lower-case): one per key metric. */
export const QUICK_CHECK_KEYS = [
  'lead-time',
  'deployment-frequency',
  'recovery-time',
  'change-failure-rate',
  'rework-rate',
] as const;
export type QuickCheckKey = (typeof QUICK_CHECK_KEYS)[number];

export interface QuickCheckQuestion {
  readonly id: MetricId;
  /** Its id in the file. */
  readonly key: QuickCheckKey;
  readonly kind: QuickCheckAnswerKind;
  /** The question as the team reads it. */
  readonly prompt: string;
  /** For band questions: the six answers, worst first (index 0 is band 1). */
  readonly bands: readonly string[];
  /** Short tick labels for a chart axis, worst first. */
  readonly ticks: readonly string[];
}

const DURATION_BANDS = [
  'More than six months',
  'One to six months',
  'One week to one month',
  'One day to one week',
  'Less than one day',
  'Less than one hour',
];
const DURATION_TICKS = ['>6 mo', '1–6 mo', '1 wk–1 mo', '1 d–1 wk', '<1 d', '<1 h'];
const PERCENT_TICKS = ['100%', '80%', '60%', '40%', '20%', '0%'];

export const QUICK_CHECK_QUESTIONS: readonly QuickCheckQuestion[] = [
  {
    id: 'leadTime',
    key: 'lead-time',
    kind: 'band',
    prompt: 'How long does a change take, from being committed to running in production?',
    bands: DURATION_BANDS,
    ticks: DURATION_TICKS,
  },
  {
    id: 'deploymentFrequency',
    key: 'deployment-frequency',
    kind: 'band',
    prompt: 'How often does the team deploy to production or release to its users?',
    bands: [
      'Less than once every six months',
      'Between once a month and once every six months',
      'Between once a week and once a month',
      'Between once a day and once a week',
      'Between once an hour and once a day',
      'On demand, several times a day',
    ],
    ticks: ['<6 mo', '1–6 mo', '1 wk–1 mo', '1 d–1 wk', '1 h–1 d', 'on demand'],
  },
  {
    id: 'recoveryTime',
    key: 'recovery-time',
    kind: 'band',
    prompt: 'When a deployment fails and needs a fix (rollback, hotfix, patch), how long does recovery usually take?',
    bands: DURATION_BANDS,
    ticks: DURATION_TICKS,
  },
  {
    id: 'changeFailureRate',
    key: 'change-failure-rate',
    kind: 'percent',
    prompt: 'About what share of deployments degrade the service and need a fix?',
    bands: [],
    ticks: PERCENT_TICKS,
  },
  {
    id: 'reworkRate',
    key: 'rework-rate',
    kind: 'percent',
    prompt: 'About what share of deployments were unplanned, made to fix a bug users hit?',
    bands: [],
    ticks: PERCENT_TICKS,
  },
];

export function quickCheckQuestion(id: MetricId): QuickCheckQuestion {
  const question = QUICK_CHECK_QUESTIONS.find((q) => q.id === id);
  if (!question) throw new Error(`no Quick Check question for ${id}`);
  return question;
}

/** The answer's text: "Less than one day", "12%". */
export function describeAnswer(id: MetricId, value: number): string {
  const question = quickCheckQuestion(id);
  return question.kind === 'percent' ? `${value}%` : (question.bands[value - 1] ?? String(value));
}

const HOURS = { hour: 1, day: 24, week: 24 * 7, month: 24 * 30, sixMonths: 24 * 182.5 };

/** The band of a duration in hours: under an hour is 6, over six months is 1. */
export function durationBand(hours: number): BandAnswer {
  if (hours < HOURS.hour) return 6;
  if (hours < HOURS.day) return 5;
  if (hours < HOURS.week) return 4;
  if (hours < HOURS.month) return 3;
  if (hours < HOURS.sixMonths) return 2;
  return 1;
}

/**
 * The band of a deployment count over `days`, compared as exact ratios so 7 deployments in 7 days is
 * exactly "once a day". Several a day (at least two a day on average) is on demand.
 */
export function frequencyBandAnswer(count: number, days: number): BandAnswer {
  if (count >= 2 * days) return 6;
  if (count >= days) return 5;
  if (count * 7 >= days) return 4;
  if (count * 30 >= days) return 3;
  if (count * 182.5 >= days) return 2;
  return 1;
}

/**
 * DORA 2024's performance cluster for one answer, for readers who know the tiers. Cut-offs are the ones the
 * git analysis uses (src/core/metrics/bands.ts); rework rate had no cluster in 2024, so it has none.
 */
export function cluster2024(id: MetricId, value: number): Band | null {
  switch (id) {
    case 'leadTime':
    case 'deploymentFrequency':
      return value >= 5 ? 'Elite' : value === 4 ? 'High' : value === 3 ? 'Medium' : 'Low';
    case 'recoveryTime':
      return value === 6 ? 'Elite' : value === 5 ? 'High' : value === 4 ? 'Medium' : 'Low';
    case 'changeFailureRate':
      return changeFailureBand(value);
    case 'reworkRate':
      return null;
  }
}
