import type { Framework, Question, Suggest, Threshold } from './schema';

/**
 * The first threshold rule that holds for a measured value, or undefined when none holds or the value
 * is not a finite number, so nothing is suggested on bad data.
 */
export function matchingThreshold(suggest: Suggest, value: number): Threshold | undefined {
  if (!Number.isFinite(value)) return undefined;
  return suggest.thresholds.find(
    (rule) =>
      (rule.atLeast !== undefined && value >= rule.atLeast) ||
      (rule.atMost !== undefined && value <= rule.atMost) ||
      (rule.above !== undefined && value > rule.above) ||
      (rule.below !== undefined && value < rule.below),
  );
}

/** The score a measured value earns under a question's `suggest` thresholds: the first rule that holds. */
export function scoreFromThresholds(suggest: Suggest, value: number): number | undefined {
  return matchingThreshold(suggest, value)?.score;
}

/** A rule's comparison as people read it, e.g. "≥ 7" or "< 24". */
export function describeThreshold(rule: Threshold, format: (n: number) => string = String): string {
  if (rule.atLeast !== undefined) return `≥ ${format(rule.atLeast)}`;
  if (rule.atMost !== undefined) return `≤ ${format(rule.atMost)}`;
  if (rule.above !== undefined) return `> ${format(rule.above)}`;
  return `< ${format(rule.below ?? 0)}`;
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
