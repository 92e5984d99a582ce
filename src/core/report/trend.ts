import type { Assessment } from '../assessment/schema';
import type { Score } from '../framework/schema';
import { scoreAssessment } from '../scoring/score';
import { formatNumber } from '../vocabulary/format';
import type { AssessmentScore } from '../scoring/score';
import type { QuestionFact, ReportFacts } from './facts';

export interface DomainChange {
  readonly name: string;
  readonly before: number | undefined;
  readonly now: number | undefined;
  /** Percentage points, rounded to one decimal; undefined unless both sides have a percent. */
  readonly delta: number | undefined;
}

export interface QuestionChange {
  readonly fact: QuestionFact;
  readonly before: Score | undefined;
  readonly now: Score | undefined;
}

export interface Trend {
  readonly previous: Assessment;
  readonly previousScore: AssessmentScore;
  readonly overall: DomainChange;
  readonly domains: readonly DomainChange[];
  /** Only the questions whose score changed (answered, cleared, or moved), in framework order. */
  readonly questions: readonly QuestionChange[];
  readonly unchanged: number;
}

/**
 * What moved since the previous assessment. Both are scored against the current framework, so a
 * question the framework dropped is left out rather than compared with nothing.
 */
export function compareWithPrevious(facts: ReportFacts, previous: Assessment): Trend {
  const previousScore = scoreAssessment(facts.framework, previous);
  const domains = facts.score.domains.map((d, i) => change(d.name, previousScore.domains[i]?.percent, d.percent));
  const questions: QuestionChange[] = [];
  let unchanged = 0;
  for (const fact of facts.questions) {
    const before = previous.answers[fact.question.id]?.score as Score | undefined;
    if (before === fact.score) unchanged++;
    else questions.push({ fact, before, now: fact.score });
  }
  return {
    previous,
    previousScore,
    overall: change('Overall', previousScore.percent, facts.score.percent),
    domains,
    questions,
    unchanged,
  };
}

function change(name: string, before: number | undefined, now: number | undefined): DomainChange {
  const delta = before !== undefined && now !== undefined ? Math.round((now - before) * 10) / 10 : undefined;
  return { name, before, now, delta };
}

/** `+12.5 pts`, `−3 pts`, `no change`, or `new` / `—` when one side has no percent. */
export function formatDelta(change: Pick<DomainChange, 'before' | 'now' | 'delta'>): string {
  if (change.delta === undefined) {
    if (change.before === undefined && change.now !== undefined) return 'newly scored';
    if (change.before !== undefined && change.now === undefined) return 'no longer scored';
    return '—';
  }
  if (change.delta === 0) return 'no change';
  return `${change.delta > 0 ? '+' : '−'}${formatNumber(Math.abs(change.delta))} pts`;
}
