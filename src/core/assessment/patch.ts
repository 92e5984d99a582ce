import type { Score } from '../framework/schema';
import type { Answer, Assessment, Evidence } from './schema';

/** A change to one answer. Keys left out are left as they were. */
export interface AnswerPatch {
  /** null clears the score. */
  readonly score?: Score | null;
  /** Empty or blank notes remove the notes. */
  readonly notes?: string;
  /** null removes stored evidence (e.g. the user changed a suggested score by hand). */
  readonly evidence?: Evidence | null;
}

/**
 * The one rule for changing an answer, shared by the store (what is written) and the webview (the live
 * score before the host echoes): null removes a key, blank notes are no notes, and an answer left with no
 * keys is no answer. Keys a person added by hand are kept.
 */
export function patchAnswer(before: Answer | undefined, patch: AnswerPatch): Answer | undefined {
  const next: Record<string, unknown> = { ...(before ?? {}) };
  if (patch.score === null) delete next.score;
  else if (patch.score !== undefined) next.score = patch.score;
  if (patch.notes !== undefined) {
    if (patch.notes.trim() === '') delete next.notes;
    else next.notes = patch.notes;
  }
  if (patch.evidence === null) delete next.evidence;
  else if (patch.evidence !== undefined) next.evidence = patch.evidence;
  return Object.keys(next).length > 0 ? next : undefined;
}

export function ownAnswer(assessment: Pick<Assessment, 'answers'>, questionId: string): Answer | undefined {
  return Object.prototype.hasOwnProperty.call(assessment.answers, questionId)
    ? assessment.answers[questionId]
    : undefined;
}

/** The answers with one replaced or removed. Built from entries, so no id can reach a prototype. */
export function withAnswer(
  answers: Assessment['answers'],
  questionId: string,
  answer: Answer | undefined,
): Assessment['answers'] {
  const entries = Object.entries(answers).filter(([id]) => id !== questionId);
  return Object.fromEntries(answer ? [...entries, [questionId, answer]] : entries);
}
