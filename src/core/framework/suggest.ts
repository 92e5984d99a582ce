import type { Framework, Measure, Question, Suggest } from './schema';

/**
 * The score a measured value earns under a question's `suggest` thresholds: the first rule that holds.
 * Undefined when no rule holds or the value is not a finite number, so nothing is suggested on bad data.
 */
export function scoreFromThresholds(suggest: Suggest, value: number): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  for (const rule of suggest.thresholds) {
    if (rule.atLeast !== undefined && value >= rule.atLeast) return rule.score;
    if (rule.atMost !== undefined && value <= rule.atMost) return rule.score;
    if (rule.above !== undefined && value > rule.above) return rule.score;
    if (rule.below !== undefined && value < rule.below) return rule.score;
  }
  return undefined;
}

/** Every question that can be suggested from a given measure, in framework order. */
export function questionsForMeasure(framework: Framework, measure: Measure): Question[] {
  return framework.domains.flatMap((d) => d.questions.filter((q) => q.suggest?.measure === measure));
}

export function allQuestions(framework: Framework): Question[] {
  return framework.domains.flatMap((d) => d.questions);
}

export function findQuestion(framework: Framework, id: string): Question | undefined {
  for (const domain of framework.domains) {
    const question = domain.questions.find((q) => q.id === id);
    if (question) return question;
  }
  return undefined;
}
