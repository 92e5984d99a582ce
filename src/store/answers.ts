import { evidenceSchema } from '../core/assessment/schema';
import type { Assessment } from '../core/assessment/schema';
import { BENCHMARK_KEY, ownAnswer, patchAssessment } from '../core/assessment/patch';
import { benchmarkChoiceSchema } from '../core/quickcheck/benchmarks';
import type { AnswerPatch } from '../core/assessment/patch';
import { scoreSchema } from '../core/framework/schema';

/** A patch not yet on disk, with the moment it was given (it becomes `updatedAt`). */
export interface PendingPatch {
  readonly patch: AnswerPatch;
  readonly at: Date;
}

/** Later keys win; keys a patch does not mention are left as they were. */
export function mergePatches(first: AnswerPatch, second: AnswerPatch): AnswerPatch {
  return { ...first, ...definedKeys(second) };
}

/** Why a patch cannot be applied, or undefined when it is well-formed. Checked here as well as at the protocol, since the file is what lasts. */
export function patchProblem(patch: AnswerPatch): string | undefined {
  if (patch.score !== undefined && patch.score !== null && !scoreSchema.safeParse(patch.score).success)
    return `score ${String(patch.score)} is not a whole number from 0 to 5`;
  if (patch.notes !== undefined && typeof patch.notes !== 'string') return 'notes must be text';
  if (patch.evidence !== undefined && patch.evidence !== null && !evidenceSchema.safeParse(patch.evidence).success)
    return 'evidence does not have the shape of a git suggestion';
  if (patch.benchmark !== undefined && !benchmarkChoiceSchema.safeParse(patch.benchmark).success)
    return 'benchmark must name an edition, "industry" or "organizationSize", and a group';
  return undefined;
}

/**
 * The assessment with one answer changed, or undefined when the patch changes nothing (so an unchanged
 * answer neither bumps `updatedAt` nor causes a write). Empty notes remove the key; an answer left with no
 * keys at all is removed. Keys a person added by hand to an answer are kept.
 */
export function applyPatch(
  assessment: Assessment,
  questionId: string,
  patch: AnswerPatch,
  at: Date,
): Assessment | undefined {
  const before = questionId === BENCHMARK_KEY ? undefined : ownAnswer(assessment, questionId);
  const next = patchAssessment(assessment, questionId, patch);
  const unchanged =
    questionId === BENCHMARK_KEY
      ? sameJson((assessment as { benchmark?: unknown }).benchmark, (next as { benchmark?: unknown }).benchmark)
      : sameJson(before, ownAnswer(next, questionId));
  if (unchanged) return undefined;
  return { ...next, updatedAt: laterStamp(assessment.updatedAt, at) };
}

/** Applies patches in order, keeping only those that change something. */
export function applyPending(assessment: Assessment, pending: ReadonlyMap<string, PendingPatch>): Assessment {
  let current = assessment;
  for (const [id, { patch, at }] of pending) current = applyPatch(current, id, patch, at) ?? current;
  return current;
}

/** `updatedAt` never moves backwards, even when a clock is behind the one that wrote the file. */
function laterStamp(previous: string, at: Date): string {
  const stamp = at.toISOString();
  return Date.parse(previous) > at.getTime() ? previous : stamp;
}

function definedKeys(patch: AnswerPatch): AnswerPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
