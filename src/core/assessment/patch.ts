import type { Score } from '../framework/schema';
import type { Answer, Assessment, Evidence } from './schema';
import type { BenchmarkChoice } from '../quickcheck/benchmarks';
import type { Measured } from '../quickcheck/schema';

/** A change to one answer. Keys left out (or undefined, as a parsed message has them) are left as they were. */
export interface AnswerPatch {
  /** null clears the score. */
  readonly score?: Score | null | undefined;
  /** Empty or blank notes remove the notes. */
  readonly notes?: string | undefined;
  /** null removes stored evidence (e.g. the user changed a suggested score by hand). */
  readonly evidence?: Evidence | null | undefined;
  /** Quick Check: the band chosen (1–6); null clears it. */
  readonly band?: number | null | undefined;
  /** Quick Check: the percentage given (0–100); null clears it. */
  readonly percent?: number | null | undefined;
  /** Quick Check: what git measured when the answer was prefilled; null removes it (changed by hand). */
  readonly measured?: Measured | null | undefined;
  /** Quick Check, under BENCHMARK_KEY only: the benchmark the file is compared with (a top-level field). */
  readonly benchmark?: BenchmarkChoice | undefined;
}

/**
 * The pending-change key of the Quick Check's benchmark choice. It is a field of the file, not an answer,
 * but it waits, merges and is written exactly like one; no question id can start with "$".
 */
export const BENCHMARK_KEY = '$benchmark';

/** The assessment with the patch applied: the benchmark under BENCHMARK_KEY, else one answer. */
export function patchAssessment(assessment: Assessment, questionId: string, patch: AnswerPatch): Assessment {
  if (questionId === BENCHMARK_KEY) return patch.benchmark ? { ...assessment, benchmark: patch.benchmark } : assessment;
  const after = patchAnswer(ownAnswer(assessment, questionId), patch);
  return { ...assessment, answers: withAnswer(assessment.answers, questionId, after) };
}

/** The keys a patch sets or (with null) removes, besides notes, which have their own blank rule. */
const VALUE_KEYS = ['score', 'evidence', 'band', 'percent', 'measured'] as const;

/**
 * The one rule for changing an answer, shared by the store (what is written) and the webview (the live
 * score before the host echoes): null removes a key, blank notes are no notes, and an answer left with no
 * keys is no answer. Keys a person added by hand are kept.
 */
export function patchAnswer(before: Answer | undefined, patch: AnswerPatch): Answer | undefined {
  const removed = new Set<string>(VALUE_KEYS.filter((key) => patch[key] === null));
  if (patch.notes?.trim() === '') removed.add('notes');
  const set = Object.fromEntries(
    [...VALUE_KEYS, 'notes' as const].flatMap((key) => {
      const value = patch[key];
      return value === null || value === undefined || removed.has(key) ? [] : [[key, value]];
    }),
  );
  const kept = Object.entries(before ?? {}).filter(([key]) => !removed.has(key));
  const next: Record<string, unknown> = { ...Object.fromEntries(kept), ...set };
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
