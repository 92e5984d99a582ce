/**
 * What an action on a question means for its answer, as the `setAnswer` message to send. Pure, so the rules
 * (a suggestion never overwrites silently; a score changed by hand drops the git evidence) live in one place.
 */
import { ownAnswer, patchAssessment } from '../src/core/assessment/patch';
import type { Answer, Assessment } from '../src/core/assessment/schema';
import type { Score } from '../src/core/framework/schema';
import type { MetricSuggestion } from '../src/core/metrics/result';
import type { SetAnswerMessage } from '../src/core/protocol';

/** A change to one answer, as the page decides it; the model numbers it (`seq`) when it is sent. */
export type SetAnswer = Omit<SetAnswerMessage, 'seq'>;

export const answerOf = ownAnswer;

/** A score given by hand. Evidence from an earlier suggestion no longer explains the answer, so it goes. */
export function chooseScore(answer: Answer | undefined, questionId: string, score: Score): SetAnswer | undefined {
  if (answer?.score === score) return undefined;
  return { type: 'setAnswer', questionId, score, ...(answer?.evidence ? { evidence: null } : {}) };
}

export function clearScore(answer: Answer | undefined, questionId: string): SetAnswer | undefined {
  if (answer?.score === undefined && !answer?.evidence) return undefined;
  return { type: 'setAnswer', questionId, score: null, ...(answer.evidence ? { evidence: null } : {}) };
}

/** Accepting a suggestion stores its evidence with the score, so a reviewer can see where the number came from. */
export function acceptSuggestion(answer: Answer | undefined, suggestion: MetricSuggestion): SetAnswer | undefined {
  if (answer?.score === suggestion.score && answer.evidence && sameJson(answer.evidence, suggestion.evidence))
    return undefined;
  return {
    type: 'setAnswer',
    questionId: suggestion.questionId,
    score: suggestion.score as Score,
    evidence: suggestion.evidence,
  };
}

/** The answers as the host will have them once it applies the message, for the live score before it acknowledges. */
export function applyLocally(assessment: Assessment, message: SetAnswer): Assessment {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type is the envelope, not the patch
  const { type, questionId, ...patch } = message;
  return patchAssessment(assessment, questionId, patch);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
