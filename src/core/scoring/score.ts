import type { Domain, Framework, MetricKey, Score } from '../framework/schema';
import type { Assessment } from '../assessment/schema';
import { levelFor } from './levels';
import type { Level } from './levels';

export interface Completeness {
  /** Questions with a score, 0 included. */
  readonly answered: number;
  /** Of those, how many were 0 (not applicable / unknown). */
  readonly unknown: number;
  readonly total: number;
}

export interface QuestionScore {
  readonly questionId: string;
  /** Undefined while the question has no score. */
  readonly score: Score | undefined;
  /** (score − 1) / 4 × 100 for 1..5; undefined for 0 and for no answer. */
  readonly percent: number | undefined;
}

export interface DomainScore extends Completeness {
  readonly id: string;
  readonly name: string;
  readonly weight: number;
  readonly metric: MetricKey | undefined;
  /** Undefined when no question of the domain has a score of 1..5. */
  readonly percent: number | undefined;
  readonly level: Level | undefined;
  readonly questions: readonly QuestionScore[];
}

export interface AssessmentScore extends Completeness {
  readonly percent: number | undefined;
  readonly level: Level | undefined;
  readonly domains: readonly DomainScore[];
  /** Answers whose question ids the framework does not have. Kept in the file, never scored. */
  readonly orphans: readonly string[];
}

/**
 * The one scoring engine, used by the webview's live score, the host and the CLI.
 * Pure and deterministic: the same framework and answers always give the same result.
 */
export function scoreAssessment(framework: Framework, assessment: Pick<Assessment, 'answers'>): AssessmentScore {
  const answers = new Map(Object.entries(assessment.answers));
  const known = new Set<string>();
  const domains = framework.domains.map((domain) => {
    for (const question of domain.questions) known.add(question.id);
    return scoreDomain(domain, (id) => answers.get(id)?.score as Score | undefined);
  });

  const rated = domains.filter((d): d is DomainScore & { percent: number } => d.percent !== undefined);
  const weight = rated.reduce((sum, d) => sum + d.weight, 0);
  const percent =
    weight > 0 ? roundPercent(rated.reduce((sum, d) => sum + d.weight * d.percent, 0) / weight) : undefined;
  return {
    percent,
    level: percent === undefined ? undefined : levelFor(percent),
    answered: sum(domains, 'answered'),
    unknown: sum(domains, 'unknown'),
    total: sum(domains, 'total'),
    domains,
    orphans: [...answers.keys()].filter((id) => !known.has(id)).sort(),
  };
}

function scoreDomain(domain: Domain, scoreOf: (id: string) => Score | undefined): DomainScore {
  let answered = 0;
  let unknown = 0;
  let weighted = 0;
  let weights = 0;
  const questions = domain.questions.map((question): QuestionScore => {
    const score = scoreOf(question.id);
    if (score === undefined) return { questionId: question.id, score, percent: undefined };
    answered++;
    if (score === 0) {
      unknown++;
      return { questionId: question.id, score, percent: undefined };
    }
    const percent = questionPercent(score);
    weighted += question.weight * percent;
    weights += question.weight;
    return { questionId: question.id, score, percent };
  });
  const percent = weights > 0 ? roundPercent(weighted / weights) : undefined;
  return {
    id: domain.id,
    name: domain.name,
    weight: domain.weight,
    metric: domain.metric,
    percent,
    level: percent === undefined ? undefined : levelFor(percent),
    answered,
    unknown,
    total: domain.questions.length,
    questions,
  };
}

export function questionPercent(score: Exclude<Score, 0>): number {
  return ((score - 1) / 4) * 100;
}

/** One decimal: enough to rank, and the level is read from the same figure people see. */
function roundPercent(value: number): number {
  return Math.round(value * 10) / 10;
}

function sum(domains: readonly DomainScore[], key: 'answered' | 'unknown' | 'total'): number {
  return domains.reduce((total, d) => total + d[key], 0);
}

export function formatPercent(percent: number | undefined): string {
  if (percent === undefined) return '—';
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}
