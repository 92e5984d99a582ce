import type { Framework } from '../core/framework/schema';
import type { HeaderResult, ScoreDigest } from '../services/assessmentParser';
import type { Assessment } from '../core/assessment/schema';
import type { LoadResult, Problem } from '../core/problems';
import type { CheckedFileKind } from '../workspace/assessmentFiles';

/**
 * Messages between the host and the assessment worker (src/workers/assessmentWorker.ts). Both ends are
 * this extension's own code in one process, so the messages are typed, not validated.
 */
export type ParseRequest =
  /** Parse and validate; with `keep`, the worker keeps the assessment under that number for a `score`. */
  | { readonly kind: 'parse'; readonly file: string; readonly bytes: Uint8Array; readonly keep?: number }
  /**
   * Score the assessment kept under `keep`, or parse the bytes again if this worker does not hold it (it was
   * replaced in between). The framework travels once per worker, then by its number.
   */
  | {
      readonly kind: 'score';
      readonly keep: number;
      readonly file: string;
      readonly bytes: Uint8Array;
      readonly ref: number;
      readonly framework?: Framework;
    }
  | { readonly kind: 'load'; readonly file: string; readonly bytes: Uint8Array }
  | { readonly kind: 'framework'; readonly file: string; readonly bytes: Uint8Array }
  | { readonly kind: 'check'; readonly file: string; readonly bytes: Uint8Array; readonly as: CheckedFileKind };

export interface ParseReplies {
  readonly parse: HeaderResult;
  readonly score: ScoreDigest;
  readonly load: LoadResult<Assessment>;
  readonly check: readonly Problem[];
  readonly framework: LoadResult<Framework>;
}

export type ParseReply = { readonly id: number } & (
  | { readonly ok: true; readonly value: ParseReplies[ParseRequest['kind']] }
  | { readonly ok: false; readonly error: string }
);

/** Sent once the worker listens, so a budget never counts its start-up. */
export const WORKER_READY = 'ready';
