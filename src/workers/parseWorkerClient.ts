import { Worker } from 'node:worker_threads';
import type { Assessment } from '../core/assessment/schema';
import type { Framework } from '../core/framework/schema';
import type { LoadResult, Problem } from '../core/problems';
import type { AssessmentParser, HeaderResult, Resolve, SummaryParts } from '../services/assessmentParser';
import type { CheckedFileKind } from '../workspace/assessmentFiles';
import { WORKER_READY } from './parseProtocol';
import type { ParseReplies, ParseReply, ParseRequest } from './parseProtocol';

/**
 * How long one step on one file (parsing it, or scoring it) may take in the worker. A 1 MB worst-case
 * file parses in well under a second; ten times that on a slow, busy machine is still a file nobody wrote by hand.
 */
export const PARSE_BUDGET_MS = 5_000;

export interface ParseWorkerOptions {
  /** The bundled worker, dist/assessmentWorker.js. */
  readonly script: string;
  readonly budgetMs?: number;
  /** Told of each file that took too long (the host logs it); the file's summary says so too. */
  readonly onTooSlow?: (problem: Problem) => void;
}

/** Thrown inside a lease when a step ran past the budget; the worker is already ended then. */
class TooSlow extends Error {}

interface Pending {
  readonly id: number;
  /** Only this worker's messages and exit may settle it: an ended worker's exit comes late. */
  readonly worker: Worker;
  readonly settle: (reply: ParseReply | Error) => void;
}

type Call = <K extends ParseRequest['kind']>(request: Extract<ParseRequest, { kind: K }>) => Promise<ParseReplies[K]>;

/**
 * The host's side of the assessment worker: one worker thread, kept alive and reused, doing one file at a
 * time. A file whose parsing or scoring runs past the budget is reported as too slow to read, by name, and
 * the worker is ended and a fresh one started for the next file. The host's thread only reads bytes and
 * receives small results.
 */
export class ParseWorkerClient implements AssessmentParser {
  /** Public so a test can make a file too slow without a timing race; the host keeps the default. */
  budgetMs: number;
  /** How many workers were started, for the tests of replacement. */
  started = 0;
  private worker: Promise<Worker> | undefined;
  private pending: Pending | undefined;
  private sequence = 0;
  /** Frameworks the current worker holds, by object: sent once, then named by number. */
  private sent = new WeakMap<Framework, number>();
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(private readonly options: ParseWorkerOptions) {
    this.budgetMs = options.budgetMs ?? PARSE_BUDGET_MS;
  }

  /**
   * Parse, then resolve the framework, then score: two turns with the worker, and the framework resolved in
   * between with the worker free, because resolving may itself load a framework file in this worker.
   */
  async summarise(file: string, bytes: Uint8Array, resolve: Resolve): Promise<SummaryParts> {
    const problem = (message: string): SummaryParts => ({ kind: 'problem', message });
    const keep = ++this.sequence;
    const parsed = await this.lease(
      file,
      (message) => ({ ok: false, message }) as const,
      (call) => call({ kind: 'parse', file, bytes, keep }),
    );
    if (!parsed.ok) return problem(parsed.message);
    const lookup = await resolve(file, parsed.header);
    if (!lookup.ok) return { kind: 'unresolved', header: parsed.header, message: lookup.message };
    return this.lease(file, problem, async (call) => {
      // The framework's number is taken once the worker is up: a fresh worker holds no framework yet.
      await this.ready();
      const digest = await call({ kind: 'score', keep, file, bytes, ...this.frameworkRef(lookup.framework) });
      return { kind: 'scored', header: parsed.header, framework: lookup.framework, digest };
    });
  }

  header(file: string, bytes: Uint8Array): Promise<HeaderResult> {
    return this.lease(
      file,
      (message) => ({ ok: false, message }),
      (call) => call({ kind: 'parse', file, bytes }),
    );
  }

  load(file: string, bytes: Uint8Array): Promise<LoadResult<Assessment>> {
    return this.lease(
      file,
      (message) => ({ ok: false, problems: [{ severity: 'error', file, message }] }),
      (call) => call({ kind: 'load', file, bytes }),
    );
  }

  check(file: string, bytes: Uint8Array, as: CheckedFileKind): Promise<readonly Problem[]> {
    return this.lease(
      file,
      (message): readonly Problem[] => [{ severity: 'error', file, message }],
      (call) => call({ kind: 'check', file, bytes, as }),
    );
  }

  framework(file: string, bytes: Uint8Array): Promise<LoadResult<Framework>> {
    return this.lease(
      file,
      (message) => ({ ok: false, problems: [{ severity: 'error', file, message }] }),
      (call) => call({ kind: 'framework', file, bytes }),
    );
  }

  dispose(): void {
    this.disposed = true;
    this.pending?.settle(new Error('the extension is shutting down'));
    void this.end();
  }

  /**
   * Runs `work` with the worker to itself, one lease after another. `work` must not wait on anything that
   * takes a lease itself (such as loading a framework), or both wait forever. Any failure becomes the
   * file's problem, never an exception: a list shows the file with the reason instead.
   */
  private lease<T>(file: string, failed: (message: string) => T, work: (call: Call) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      try {
        return await work((request) => this.call(request));
      } catch (error) {
        if (!(error instanceof TooSlow)) return failed(`could not be read (${(error as Error).message})`);
        const problem: Problem = {
          severity: 'error',
          file,
          message: `took longer than ${this.budgetMs / 1000} s to read, so it was skipped. It may be very large or deeply nested: open it in a text editor to check it.`,
        };
        this.options.onTooSlow?.(problem);
        return failed(problem.message);
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result;
    return result;
  }

  private async call<K extends ParseRequest['kind']>(
    request: Extract<ParseRequest, { kind: K }>,
  ): Promise<ParseReplies[K]> {
    const worker = await this.ready();
    const id = ++this.sequence;
    const reply = await new Promise<ParseReply | Error>((settle) => {
      const finish = (value: ParseReply | Error) => {
        clearTimeout(timer);
        if (this.pending?.id === id) this.pending = undefined;
        settle(value);
      };
      const timer = setTimeout(() => {
        finish(new TooSlow());
        void this.end();
      }, this.budgetMs);
      this.pending = { id, worker, settle: finish };
      worker.postMessage({ ...request, id });
    });
    if (reply instanceof Error) throw reply;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as ParseReplies[K];
  }

  private frameworkRef(framework: Framework): { ref: number; framework?: Framework } {
    const known = this.sent.get(framework);
    if (known !== undefined) return { ref: known };
    const ref = ++this.sequence;
    this.sent.set(framework, ref);
    return { ref, framework };
  }

  /** The running worker, or a fresh one once it says it listens. */
  private ready(): Promise<Worker> {
    if (this.disposed) return Promise.reject(new Error('the extension is shutting down'));
    this.worker ??= this.start();
    return this.worker;
  }

  private start(): Promise<Worker> {
    this.started++;
    this.sent = new WeakMap();
    // The heap cap bounds memory the way the size limit bounds bytes: a hostile file cannot swell the host.
    const worker = new Worker(this.options.script, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
    // An idle worker must not keep a process (a test run, the host shutting down) alive.
    worker.unref();
    const current = new Promise<Worker>((resolve, reject) => {
      worker.on('message', (message: ParseReply | typeof WORKER_READY) => {
        if (message === WORKER_READY) resolve(worker);
        else if (this.pending?.worker === worker && this.pending.id === message.id) this.pending.settle(message);
      });
      const stopped = (error: Error) => {
        if (this.worker === current) this.worker = undefined;
        reject(error);
        if (this.pending?.worker === worker) this.pending.settle(error);
      };
      worker.on('error', (error) => stopped(error));
      worker.on('exit', (code) => stopped(new Error(`the reader stopped with code ${code}`)));
    });
    // Nobody may be waiting yet; a failed start is reported to the next caller, not as an unhandled rejection.
    current.catch(() => undefined);
    return current;
  }

  private async end(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    await worker.then((running) => running.terminate()).catch(() => undefined);
  }
}
