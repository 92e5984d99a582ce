import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeRepository } from '../../../src/git/analyze';
import { DiskHistoryCache } from '../../../src/git/diskCache';
import type { FixtureRepo } from './fixtureRepo';
import { EXACT, releaseHistory } from './releaseFixture';

describe('the on-disk history cache', () => {
  let repo: FixtureRepo;
  let dir: string;
  beforeEach(() => {
    repo = releaseHistory().repo;
    dir = mkdtempSync(path.join(tmpdir(), 'dora-disk-cache-'));
  });
  afterEach(() => {
    repo.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh DiskHistoryCache each time and no memory cache, as after a restart. */
  async function run() {
    const messages: string[] = [];
    const result = await analyzeRepository({
      repo: repo.dir,
      ...EXACT,
      cache: null,
      diskCache: new DiskHistoryCache(dir),
      onProgress: (p) => messages.push(p.message),
    });
    return { result, readGit: messages.includes('Reading the history') };
  }

  it('answers after a restart without reading the history, with the same figures', async () => {
    const first = await run();
    const second = await run();
    assert.deepEqual([first.readGit, second.readGit], [true, false]);
    assert.deepEqual(second.result, first.result);
  });

  it('treats a damaged file as a miss, reads git and writes the file again', async () => {
    await run();
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file!), '{"format":1,"key":"x","history":');
    const again = await run();
    assert.deepEqual([again.readGit, again.result.deployments.count], [true, 6]);
    assert.equal((await run()).readGit, false);
  });

  it('reads git again when the repository changed', async () => {
    await run();
    repo.annotatedTag('v1.5.0', '2024-03-08T18:00:00Z');
    const after = await run();
    assert.deepEqual([after.readGit, after.result.deployments.count], [true, 7]);
  });
});
