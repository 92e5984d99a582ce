/**
 * Work that several callers wait on at once, e.g. one git analysis for a panel, a command and the report.
 * A caller that cancels only stops waiting; the work itself is aborted when no caller is left waiting,
 * so one panel reloading never cancels the analysis another caller still needs.
 */
export interface CancelSignal {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

interface Run<T> {
  readonly promise: Promise<T>;
  readonly abort: AbortController;
  waiters: number;
}

export class SharedRuns<T> {
  private readonly runs = new Map<string, Run<T>>();

  /**
   * Waits for the run under `key`, starting it when there is none (or when `fresh` asks for a new one).
   * Resolves with `cancelled` for a caller whose token fires first.
   */
  join(
    key: string,
    start: (signal: AbortSignal) => Promise<T>,
    options: { fresh?: boolean | undefined; token?: CancelSignal | undefined; cancelled: T },
  ): Promise<T> {
    let run = options.fresh ? undefined : this.runs.get(key);
    if (!run) {
      const abort = new AbortController();
      const promise = start(abort.signal).finally(() => {
        if (this.runs.get(key) === created) this.runs.delete(key);
      });
      const created: Run<T> = { promise, abort, waiters: 0 };
      this.runs.set(key, created);
      run = created;
    }
    return this.wait(key, run, options.token, options.cancelled);
  }

  /** Runs under way, for tests and logs. */
  get size(): number {
    return this.runs.size;
  }

  private wait(key: string, run: Run<T>, token: CancelSignal | undefined, cancelled: T): Promise<T> {
    run.waiters++;
    // A caller that cannot cancel waits for good, so the run is never aborted under it.
    if (!token) return run.promise;
    if (token.isCancellationRequested) {
      this.leave(key, run);
      return Promise.resolve(cancelled);
    }
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const subscription = token.onCancellationRequested(() => {
        if (settled) return;
        settled = true;
        subscription.dispose();
        this.leave(key, run);
        resolve(cancelled);
      });
      run.promise.then(
        (value) => {
          if (settled) return;
          settled = true;
          subscription.dispose();
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          subscription.dispose();
          // The run's own rejection, passed on unchanged so every caller sees what the run threw.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          reject(error);
        },
      );
    });
  }

  private leave(key: string, run: Run<T>): void {
    run.waiters--;
    if (run.waiters > 0) return;
    run.abort.abort();
    // A caller arriving now starts afresh rather than joining work that is being stopped.
    if (this.runs.get(key) === run) this.runs.delete(key);
  }
}
