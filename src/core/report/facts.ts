import type { Answer, Assessment } from '../assessment/schema';
import type { Domain, Framework, Question, Recommendation, Roadmap, Score } from '../framework/schema';
import { scoreAssessment } from '../scoring/score';
import type { AssessmentScore, DomainScore } from '../scoring/score';

/** One question with its answer, in framework order: the unit every report section works from. */
export interface QuestionFact {
  readonly domain: Domain;
  readonly question: Question;
  /** Position in the framework, from 1: a stable tie-breaker for every ranking. */
  readonly order: number;
  readonly answer: Answer | undefined;
  /** Undefined while unanswered; 0 for unknown / not applicable. */
  readonly score: Score | undefined;
}

export interface DomainFact {
  readonly domain: Domain;
  readonly score: DomainScore;
  readonly questions: readonly QuestionFact[];
}

export interface ReportFacts {
  readonly framework: Framework;
  readonly assessment: Assessment;
  readonly score: AssessmentScore;
  readonly domains: readonly DomainFact[];
  readonly questions: readonly QuestionFact[];
}

export function gatherFacts(framework: Framework, assessment: Assessment): ReportFacts {
  const score = scoreAssessment(framework, assessment);
  const answers = new Map(Object.entries(assessment.answers));
  let order = 0;
  const domains = framework.domains.map((domain, d): DomainFact => {
    const questions = domain.questions.map((question): QuestionFact => {
      const answer = answers.get(question.id);
      return { domain, question, order: ++order, answer, score: answer?.score as Score | undefined };
    });
    const domainScore = score.domains[d];
    // scoreAssessment returns one score per framework domain, in the same order.
    if (!domainScore) throw new Error(`no score for domain ${domain.id}`);
    return { domain, score: domainScore, questions };
  });
  return { framework, assessment, score, domains, questions: domains.flatMap((d) => d.questions) };
}

/** Scored 1 to 4: there is room to improve and we know where the team stands. */
export function hasGap(fact: QuestionFact): fact is QuestionFact & { score: 1 | 2 | 3 | 4 } {
  return fact.score !== undefined && fact.score >= 1 && fact.score <= 4;
}

export function isUnknown(fact: QuestionFact): boolean {
  return fact.score === 0;
}

/** The framework's advice written for the score the team gave. */
export function recommendationsFor(question: Question, score: Score | undefined): Recommendation[] {
  if (score === undefined) return [];
  return question.recommendations.filter((r) => r.scores.includes(score));
}

const PRIORITY_WEIGHT: Record<Roadmap['priority'], number> = { high: 3, medium: 2, low: 1 };

export function priorityWeight(priority: Roadmap['priority']): number {
  return PRIORITY_WEIGHT[priority];
}

export interface RankedRecommendation {
  readonly fact: QuestionFact & { score: 1 | 2 | 3 | 4 };
  readonly priority: Roadmap['priority'];
  /** Points still to gain on the 1..5 scale. */
  readonly gap: number;
  readonly rank: number;
  readonly advice: readonly Recommendation[];
}

/**
 * The improvements that matter most: priority weight (high 3, medium 2, low 1) times the gap to a 5.
 * A question without a roadmap entry counts as medium. Ties go to the heavier domain, then to
 * framework order, so the list is stable.
 */
export function rankRecommendations(facts: ReportFacts, limit: number): RankedRecommendation[] {
  const ranked = facts.questions.filter(hasGap).map((fact): RankedRecommendation => {
    const priority = fact.question.roadmap?.priority ?? 'medium';
    const gap = 5 - fact.score;
    return {
      fact,
      priority,
      gap,
      rank: priorityWeight(priority) * gap,
      advice: recommendationsFor(fact.question, fact.score),
    };
  });
  ranked.sort((a, b) => b.rank - a.rank || b.fact.domain.weight - a.fact.domain.weight || a.fact.order - b.fact.order);
  return ranked.slice(0, Math.max(0, limit));
}

export function guidanceFor(question: Question, score: Score): string {
  return question.guidance[score].text;
}
