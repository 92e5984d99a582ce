import * as assert from 'node:assert/strict';
import { analyzeRepository } from '../../../src/git/analyze';
import type { AnalysisProgress, AnalyzeOptions } from '../../../src/git/analyze';
import { HistoryCache } from '../../../src/git/cache';
import { GitAnalysisError } from '../../../src/git/errors';
import type { FixtureRepo } from './fixtureRepo';
import { EXACT, releaseHistory } from './releaseFixture';

const READING = 'Reading the history';

describe('the history cache', () => {
  let repo: FixtureRepo;
  beforeEach(() => {
    repo = releaseHistory().repo;
  });
  afterEach(() => repo.dispose());

  async function run(cache: HistoryCache, options: Partial<AnalyzeOptions> = {}) {
    const messages: string[] = [];
    const result = await analyzeRepository({
      repo: repo.dir,
      ...EXACT,
      cache,
      onProgress: (p) => messages.push(p.message),
      ...options,
    });
    return { result, readGit: messages.includes(READING) };
  }

  it('answers a second analysis of an unchanged repository without reading the history again', async () => {
    const cache = new HistoryCache();
    const first = await run(cache);
    const second = await run(cache);
    assert.deepEqual([first.readGit, second.readGit], [true, false]);
    assert.deepEqual(second.result, first.result);
  });

  it('answers another window or clock from the cache, with the figures for that window', async () => {
    const cache = new HistoryCache();
    await run(cache);
    const wider = await run(cache, { until: new Date('2024-03-08T23:59:59Z') });
    assert.deepEqual([wider.readGit, wider.result.leadTime.commits], [false, 8]);
  });

  it('reads again when a tag is added', async () => {
    const cache = new HistoryCache();
    await run(cache);
    repo.annotatedTag('v1.5.0', '2024-03-08T18:00:00Z');
    const after = await run(cache);
    assert.deepEqual([after.readGit, after.result.deployments.count], [true, 7]);
  });

  it('reads again when HEAD moves', async () => {
    const cache = new HistoryCache();
    await run(cache);
    repo.commit('feat: c7', '2024-03-08T06:00:00Z');
    assert.equal((await run(cache)).readGit, true);
  });

  it('reads again when the tag pattern changes, or when asked to refresh', async () => {
    const cache = new HistoryCache();
    await run(cache);
    assert.equal((await run(cache, { tagPattern: '^v' })).readGit, true);
    assert.equal((await run(cache, { tagPattern: '^v', refresh: true })).readGit, true);
  });

  it('keeps at most its limit of repositories, dropping the least recently used', async () => {
    const other = releaseHistory().repo;
    try {
      const cache = new HistoryCache(1);
      await run(cache);
      await analyzeRepository({ repo: other.dir, ...EXACT, cache });
      assert.equal((await run(cache)).readGit, true);
    } finally {
      other.dispose();
    }
  });
});

describe('progress and cancellation', () => {
  let repo: FixtureRepo;
  before(() => {
    repo = releaseHistory().repo;
  });
  after(() => repo.dispose());

  it('reports each step, with fractions that only grow, ending at 1', async () => {
    const progress: AnalysisProgress[] = [];
    await analyzeRepository({ repo: repo.dir, ...EXACT, cache: null, onProgress: (p) => progress.push(p) });
    const fractions = progress.flatMap((p) => (p.fraction === undefined ? [] : [p.fraction]));
    assert.deepEqual(
      fractions,
      [...fractions].sort((a, b) => a - b),
    );
    assert.equal(fractions.at(-1), 1);
    assert.ok(progress.some((p) => p.message === READING));
  });

  it('stops with a "cancelled" error when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      analyzeRepository({ repo: repo.dir, cache: null, signal: controller.signal }),
      (e: unknown) => e instanceof GitAnalysisError && e.code === 'cancelled',
    );
  });

  it('stops with a "cancelled" error when aborted after the analysis has started', async () => {
    const controller = new AbortController();
    const analysis = analyzeRepository({
      repo: repo.dir,
      cache: null,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.message === READING) controller.abort();
      },
    });
    await assert.rejects(analysis, (e: unknown) => e instanceof GitAnalysisError && e.code === 'cancelled');
  });
});
