import * as assert from 'node:assert/strict';
import { SharedRuns } from '../../../src/services/sharedRuns';
import type { CancelSignal } from '../../../src/services/sharedRuns';

/** A cancellation token a test can fire, shaped like VS Code's. */
function token(): CancelSignal & { cancel(): void } {
  const listeners = new Set<() => void>();
  let requested = false;
  return {
    get isCancellationRequested() {
      return requested;
    },
    onCancellationRequested(listener) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    cancel() {
      requested = true;
      for (const listener of [...listeners]) listener();
    },
  };
}

/** Work that finishes when the test says so, and records whether it was aborted. */
function work() {
  let finish: (value: string) => void = () => undefined;
  const state = { starts: 0, aborted: false };
  const start = (signal: AbortSignal) => {
    state.starts++;
    signal.addEventListener('abort', () => {
      state.aborted = true;
      finish('aborted');
    });
    return new Promise<string>((resolve) => (finish = resolve));
  };
  return { start, state, finish: (value: string) => finish(value) };
}

describe('work shared by several callers', () => {
  it('runs once for callers that ask at the same time', async () => {
    const runs = new SharedRuns<string>();
    const w = work();
    const first = runs.join('repo', w.start, { cancelled: 'cancelled' });
    const second = runs.join('repo', w.start, { cancelled: 'cancelled' });
    w.finish('figures');
    assert.deepEqual(await Promise.all([first, second]), ['figures', 'figures']);
    assert.equal(w.state.starts, 1);
    assert.equal(runs.size, 0);
  });

  it('keeps running for the others when one caller cancels', async () => {
    const runs = new SharedRuns<string>();
    const w = work();
    const leaving = token();
    const first = runs.join('repo', w.start, { token: leaving, cancelled: 'cancelled' });
    const second = runs.join('repo', w.start, { token: token(), cancelled: 'cancelled' });
    leaving.cancel();
    assert.equal(await first, 'cancelled');
    assert.equal(w.state.aborted, false);
    w.finish('figures');
    assert.equal(await second, 'figures');
  });

  it('stops the work when the last caller cancels, and starts afresh for the next one', async () => {
    const runs = new SharedRuns<string>();
    const w = work();
    const only = token();
    const first = runs.join('repo', w.start, { token: only, cancelled: 'cancelled' });
    only.cancel();
    assert.equal(await first, 'cancelled');
    assert.equal(w.state.aborted, true);
    const again = work();
    const next = runs.join('repo', again.start, { cancelled: 'cancelled' });
    again.finish('fresh figures');
    assert.equal(await next, 'fresh figures');
    assert.equal(again.state.starts, 1);
  });

  it('never aborts work that a caller without a token waits for', async () => {
    const runs = new SharedRuns<string>();
    const w = work();
    const leaving = token();
    const patient = runs.join('repo', w.start, { cancelled: 'cancelled' });
    void runs.join('repo', w.start, { token: leaving, cancelled: 'cancelled' });
    leaving.cancel();
    assert.equal(w.state.aborted, false);
    w.finish('figures');
    assert.equal(await patient, 'figures');
  });

  it('starts a new run when asked for a fresh one', async () => {
    const runs = new SharedRuns<string>();
    const older = work();
    const newer = work();
    const first = runs.join('repo', older.start, { cancelled: 'cancelled' });
    const second = runs.join('repo', newer.start, { fresh: true, cancelled: 'cancelled' });
    older.finish('old');
    newer.finish('new');
    assert.deepEqual(await Promise.all([first, second]), ['old', 'new']);
  });
});
