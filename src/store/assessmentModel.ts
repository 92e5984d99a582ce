import { answerRefusal } from '../core/assessment/answerRule';
import { loadAssessment } from '../core/assessment/load';
import type { Assessment } from '../core/assessment/schema';
import { serializeAssessment } from '../core/assessment/serialize';
import { editAssessmentBytes } from '../core/assessment/edit';
import type { Framework } from '../core/framework/schema';
import type { Problem } from '../core/problems';
import type { AnswerOutcome, AnswerPatch, AssessmentState } from '../contracts/seams';
import { applyPatch, applyPending, mergePatches, patchProblem } from './answers';
import type { PendingPatch } from './answers';
import { nodeFileIo } from './fileIo';
import type { FileIo } from './fileIo';

export type FrameworkLookup =
  | { readonly ok: true; readonly framework: Framework; readonly warnings?: readonly Problem[] }
  | { readonly ok: false; readonly message: string };

export interface AssessmentModelOptions {
  readonly file: string;
  /** Finds the framework an assessment names; asked again on every reload, so a fixed framework file is picked up. */
  readonly resolveFramework: (id: string, assessment: Assessment) => Promise<FrameworkLookup>;
  readonly onState: (state: AssessmentState) => void;
  readonly onWriteError?: (error: unknown) => void;
  readonly delayMs?: number;
  readonly now?: () => Date;
  readonly io?: FileIo;
  /** The workspace folder the file belongs to: no save may land outside it. Defaults to the file's folder. */
  readonly root?: string | undefined;
}

export const SAVE_DELAY_MS = 300;

/**
 * One assessment file, kept in sync both ways, without vscode (so its rules run in plain unit tests).
 *
 * What is on screen is always "the file as last read, plus the answers given since": patches wait in
 * `pending` until a write that contains them has landed. That is what lets an external change (a pull,
 * a hand edit, another window) be read in without losing an answer typed a moment before, and why a
 * file that stops parsing is simply never written: the patches wait until it parses again.
 */
export class AssessmentModel {
  private current: AssessmentState = { kind: 'missing' };
  /** The exact bytes last read from or written to disk; a watcher event with these bytes is our own write. */
  private diskBytes: Buffer | undefined;
  private disk: { assessment: Assessment; framework: Framework; warnings: readonly Problem[] } | undefined;
  private readonly pending = new Map<string, PendingPatch>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Reads and writes run one at a time, in order, so a reload never interleaves with a save. */
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly io: FileIo;
  private readonly now: () => Date;
  private readonly delayMs: number;

  constructor(private readonly options: AssessmentModelOptions) {
    this.io = options.io ?? nodeFileIo;
    this.now = options.now ?? (() => new Date());
    this.delayMs = options.delayMs ?? SAVE_DELAY_MS;
  }

  get state(): AssessmentState {
    return this.current;
  }

  get file(): string {
    return this.options.file;
  }

  /** True while answers are waiting to be written. */
  get dirty(): boolean {
    return this.pending.size > 0;
  }

  /** Reads the file; `force` re-resolves the framework even when the text did not change. */
  load(force = true): Promise<void> {
    return this.enqueue(() => this.readDisk(force));
  }

  /** Called for every watcher event; a no-op when the text is what we last read or wrote. */
  diskChanged(): Promise<void> {
    return this.enqueue(() => this.readDisk(false));
  }

  /** Applies in memory at once and schedules a debounced write. Ignored unless the file is loaded. */
  setAnswer(questionId: string, patch: AnswerPatch): AnswerOutcome {
    if (this.disposed) return { applied: false, reason: 'the document is closed' };
    const state = this.current;
    const refusal = answerRefusal(state, questionId) ?? patchProblem(patch);
    if (refusal !== undefined || state.kind !== 'loaded')
      return { applied: false, reason: refusal ?? 'the file is not loaded' };
    const at = this.now();
    const next = applyPatch(state.assessment, questionId, patch, at);
    if (!next) return { applied: true };
    const earlier = this.pending.get(questionId);
    // Re-inserting moves the id to the end, so patches replay in the order they were last given.
    this.pending.delete(questionId);
    this.pending.set(questionId, { patch: earlier ? mergePatches(earlier.patch, patch) : patch, at });
    this.publish({ ...state, assessment: next });
    this.schedule();
    return { applied: true };
  }

  /** Writes pending answers now (and waits for any read or write already under way). */
  flush(): Promise<void> {
    this.cancelTimer();
    return this.enqueue(() => this.save());
  }

  /** Flushes, then stops: later watcher events and answers are ignored. */
  async dispose(): Promise<void> {
    await this.flush();
    this.disposed = true;
    this.cancelTimer();
  }

  private schedule(): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.enqueue(() => this.save()).catch((error: unknown) => this.options.onWriteError?.(error));
    }, this.delayMs);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(() => (this.disposed ? undefined : task()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readDisk(force: boolean): Promise<void> {
    const read = await this.io.read(this.options.file);
    if (read.kind === 'text' && this.diskBytes?.equals(read.bytes) && !force) return;
    if (read.kind === 'missing') {
      this.diskBytes = undefined;
      this.disk = undefined;
      this.publish({ kind: 'missing' });
      return;
    }
    if (read.kind === 'error') {
      this.diskBytes = undefined;
      this.disk = undefined;
      this.publish({ kind: 'error', problems: [read.problem] });
      return;
    }
    this.diskBytes = read.bytes;
    this.disk = undefined;
    const parsed = loadAssessment(read.text, this.options.file);
    if (!parsed.ok) {
      this.publish({ kind: 'error', problems: parsed.problems });
      return;
    }
    const lookup = await this.options.resolveFramework(parsed.value.framework.id, parsed.value);
    if (!lookup.ok) {
      this.publish({
        kind: 'error',
        problems: [{ severity: 'error', file: this.options.file, path: 'framework.id', message: lookup.message }],
      });
      return;
    }
    const warnings = [...parsed.warnings, ...(lookup.warnings ?? [])];
    this.disk = { assessment: parsed.value, framework: lookup.framework, warnings };
    const assessment = applyPending(parsed.value, this.pending);
    this.publish({ kind: 'loaded', assessment, framework: lookup.framework, warnings });
    // Answers given before the file changed under us are still owed to the disk.
    if (this.pending.size > 0) this.schedule();
  }

  private async save(): Promise<void> {
    if (this.pending.size === 0) return;
    // Whatever is on disk now must be what we last saw; otherwise read it in first and merge, never clobber.
    const read = await this.io.read(this.options.file);
    if (read.kind !== 'text' || !this.diskBytes?.equals(read.bytes)) {
      await this.readDisk(false);
      if (read.kind !== 'text' || this.current.kind !== 'loaded') return;
    }
    const disk = this.disk;
    const diskBytes = this.diskBytes;
    if (!disk || !diskBytes) return;
    const written = new Map(this.pending);
    const assessment = applyPending(disk.assessment, written);
    const bytes = savedBytes(diskBytes, disk.assessment, assessment, disk.framework);
    if (!bytes.equals(diskBytes)) {
      try {
        await this.io.writeAtomic(this.options.file, bytes, this.options.root);
      } catch (error) {
        // The answers stay pending (and on screen); the next change or flush tries again.
        this.options.onWriteError?.(error);
        return;
      }
      this.diskBytes = bytes;
      this.disk = { ...disk, assessment };
    }
    for (const [id, entry] of written) if (this.pending.get(id) === entry) this.pending.delete(id);
  }

  private publish(state: AssessmentState): void {
    this.current = state;
    this.options.onState(state);
  }
}

/**
 * The file's bytes with the changed answers edited in place. Should the edit not read back as exactly the
 * assessment meant (a key written twice by hand, or with escapes, can send an edit to the other copy), the
 * file is written out whole in the stable order instead: correct data first, small diffs second.
 */
export function savedBytes(disk: Buffer, before: Assessment, after: Assessment, framework: Framework): Buffer {
  try {
    const edited = Buffer.from(editAssessmentBytes(disk.toString('latin1'), before, after, framework), 'latin1');
    const check = loadAssessment(edited.toString('utf8'));
    if (check.ok && canonical(check.value) === canonical(after)) return edited;
  } catch {
    // Falls through to the whole-file write.
  }
  return Buffer.from(serializeAssessment(after, framework), 'utf8');
}

/** JSON with keys sorted at every level, to compare two values whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
