import type { Band } from '../metrics/result';
import { formatNumber } from '../vocabulary/format';
import { METRICS } from '../vocabulary/metrics';
import type { MetricGroup, MetricId } from '../vocabulary/metrics';
import { EDITION_METRICS, resolveBenchmark } from './benchmarks';
import type { Benchmark, BenchmarkChoice, Spread } from './benchmarks';
import { isProvisional } from './figures';
import { cluster2024, describeAnswer, QUICK_CHECK_QUESTIONS } from './questions';
import type { QuickCheckKey } from './questions';
import { answerValue, readQuickCheck } from './schema';
import type { QuickCheckAnswers } from './schema';

/** Where a score falls against the benchmark: more than one sd below its mean, within, or above. */
export type Position = 'below' | 'within' | 'above';

export interface QuickCheckMetricScore {
  readonly id: MetricId;
  /** The question's id in the file. */
  readonly key: QuickCheckKey;
  readonly name: string;
  readonly group: MetricGroup;
  /** The band (1–6) or percentage answered; undefined while unanswered. */
  readonly answer: number | undefined;
  /** "Less than one day", "12%"; undefined while unanswered. */
  readonly answerText: string | undefined;
  /** 0–10, 10 best, as the Quick Check computes it. */
  readonly score: number | undefined;
  /** The group's mean ± sd for this metric; undefined when the edition did not survey it (rework in 2024). */
  readonly benchmark: Spread | undefined;
  readonly position: Position | undefined;
  /** DORA 2024's cluster for this answer; null when the metric had none (rework rate). */
  readonly cluster2024: Band | null | undefined;
  /** Whether the chosen edition scores this metric (rework rate is not in 2024). */
  readonly inEdition: boolean;
}

export interface QuickCheckResult {
  readonly benchmark: Benchmark;
  readonly metrics: readonly QuickCheckMetricScore[];
  /** Mean of the answered metrics of the edition, 0–10; undefined when none is answered. */
  readonly overall: number | undefined;
  readonly overallPosition: Position | undefined;
  /** Mean of the answered throughput scores, 0–10, higher is better. */
  readonly throughput: number | undefined;
  /** Mean of the answered instability figures (percent ÷ 10), 0–10, higher is worse. */
  readonly instability: number | undefined;
  readonly answered: number;
  /** The edition's metrics: five in 2025, four in 2024. */
  readonly total: number;
  readonly provisional: boolean;
}

/** Band 1…6 → 0…10; a percentage 0…100 → 10…0. Out-of-range input is clamped, as the Quick Check does. */
export function metricScore(id: MetricId, value: number): number {
  const kind = QUICK_CHECK_QUESTIONS.find((q) => q.id === id)?.kind;
  if (kind === 'band') return ((clamp(value, 1, 6) - 1) / 5) * 10;
  return 10 - clamp(value, 0, 100) / 10;
}

export function positionOf(score: number, spread: Spread): Position {
  if (score < spread.mean - spread.std) return 'below';
  if (score > spread.mean + spread.std) return 'above';
  return 'within';
}

/**
 * The one Quick Check scoring engine, for the panel's live result, the host's figures, the CLI and the
 * report. A group missing from the chosen edition falls back to that edition's "all".
 */
export function scoreQuickCheck(answers: QuickCheckAnswers, choice: BenchmarkChoice): QuickCheckResult {
  const benchmark = resolveBenchmark(choice);
  const edition = EDITION_METRICS[choice.edition];
  const metrics = QUICK_CHECK_QUESTIONS.map(({ id, key }): QuickCheckMetricScore => {
    const answer = answerValue(id, answers[key]);
    const score = answer === undefined ? undefined : metricScore(id, answer);
    const spread = benchmark.metrics[id];
    return {
      id,
      key,
      name: METRICS[id].name,
      group: METRICS[id].group,
      answer,
      answerText: answer === undefined ? undefined : describeAnswer(id, answer),
      score,
      benchmark: spread,
      position: score === undefined || !spread ? undefined : positionOf(score, spread),
      cluster2024: answer === undefined ? undefined : cluster2024(id, answer),
      inEdition: edition.includes(id),
    };
  });
  const scored = metrics.flatMap((m) => (m.inEdition && m.score !== undefined ? [{ ...m, score: m.score }] : []));
  const overall = mean(scored.map((m) => m.score));
  return {
    benchmark,
    metrics,
    overall,
    overallPosition: overall === undefined ? undefined : positionOf(overall, benchmark.overall),
    throughput: mean(scored.filter((m) => m.group === 'throughput').map((m) => m.score)),
    instability: mean(scored.filter((m) => m.group === 'instability').map((m) => 10 - m.score)),
    answered: scored.length,
    total: edition.length,
    provisional: isProvisional({ answered: scored.length, total: edition.length }),
  };
}

/** "6.4 / 10"; "—" when nothing is answered. */
export function formatOutOfTen(score: number | undefined): string {
  return score === undefined ? '—' : `${formatNumber(score)} / 10`;
}

const POSITION_WORDS: Readonly<Record<Position, string>> = {
  below: 'below the benchmark range',
  within: 'within the benchmark range',
  above: 'above the benchmark range',
};

/** "above the benchmark range (mean 5.5 ± 2.4)". */
export function describePosition(position: Position, spread: Spread): string {
  return `${POSITION_WORDS[position]} (mean ${formatNumber(spread.mean)} ± ${formatNumber(spread.std)})`;
}

function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** The result of a Quick Check file (its answers against its own benchmark choice). */
export function scoreQuickCheckFile(assessment: Parameters<typeof readQuickCheck>[0]): QuickCheckResult {
  const { answers, benchmark } = readQuickCheck(assessment);
  return scoreQuickCheck(answers, benchmark);
}
