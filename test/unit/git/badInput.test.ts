import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeRepository } from '../../../src/git/analyze';
import type { AnalyzeOptions } from '../../../src/git/analyze';
import { GitAnalysisError } from '../../../src/git/errors';
import type { GitAnalysisErrorCode } from '../../../src/git/errors';
import { FixtureRepo } from './fixtureRepo';
import { EXACT, releaseHistory } from './releaseFixture';

async function failure(options: AnalyzeOptions): Promise<{ code: GitAnalysisErrorCode; message: string }> {
  try {
    await analyzeRepository({ cache: null, ...options });
  } catch (error) {
    assert.ok(error instanceof GitAnalysisError, `expected a GitAnalysisError, got ${String(error)}`);
    return { code: error.code, message: error.message };
  }
  assert.fail('expected the analysis to fail');
}

describe('analysing bad input', () => {
  const made: FixtureRepo[] = [];
  const track = (repo: FixtureRepo) => (made.push(repo), repo);
  after(() => made.forEach((repo) => repo.dispose()));

  let release: FixtureRepo;
  before(() => {
    release = track(releaseHistory().repo);
  });
  const analyze = (dir: string, options: Partial<AnalyzeOptions> = {}) =>
    analyzeRepository({ repo: dir, ...EXACT, cache: null, ...options });

  it('says a folder is not a git repository', async () => {
    const plain = track(FixtureRepo.emptyFolder());
    const { code, message } = await failure({ repo: plain.dir });
    assert.equal(code, 'not-a-repository');
    assert.match(message, /is not a git repository .* run "git init" there/);
  });

  it('says a folder does not exist', async () => {
    assert.equal((await failure({ repo: path.join(release.dir, 'no-such-folder') })).code, 'not-found');
  });

  it('says git is not installed when the git executable cannot be found', async () => {
    const { code, message } = await failure({ repo: release.dir, gitPath: path.join(release.dir, 'no-git-here') });
    assert.equal(code, 'git-missing');
    assert.match(message, /Install git/);
  });

  it('says a repository without commits has nothing to measure yet', async () => {
    const empty = track(FixtureRepo.create());
    const { code, message } = await failure({ repo: empty.dir });
    assert.equal(code, 'empty-repository');
    assert.match(message, /has no commits yet/);
  });

  it('names the option when the tag pattern is not a valid regular expression', async () => {
    const { code, message } = await failure({ repo: release.dir, tagPattern: 'v(' });
    assert.equal(code, 'invalid-option');
    assert.match(message, /^The tag pattern "v\(" is not a valid regular expression/);
  });

  it('refuses a window that is not a positive number of days, or an invalid date', async () => {
    assert.equal((await failure({ repo: release.dir, days: 0 })).code, 'invalid-option');
    assert.equal((await failure({ repo: release.dir, until: new Date('not a date') })).code, 'invalid-option');
  });

  it('gives a result with a warning when merges are asked for and the history has none', async () => {
    const linear = track(FixtureRepo.create());
    linear.commit('one', '2024-03-05T00:00:00Z');
    linear.commit('two', '2024-03-06T00:00:00Z');
    const result = await analyze(linear.dir, { source: 'merges' });
    assert.deepEqual([result.deployments.count, result.deployments.band, result.leadTime.medianHours], [0, null, null]);
    assert.ok(
      result.warnings.some((w) => w.includes('main has no merge commits to treat as deployments')),
      result.warnings.join('\n'),
    );
    const fallback = await analyze(linear.dir);
    assert.deepEqual([fallback.deployments.source, fallback.deployments.count], ['commits', 2]);
  });

  it('reads a bare clone exactly like its work tree', async () => {
    const bare = path.join(release.dir, '..', `${path.basename(release.dir)}-bare.git`);
    release.git(['clone', '-q', '--bare', release.dir, bare]);
    try {
      const [fromWorkTree, fromBare] = await Promise.all([analyze(release.dir), analyze(bare)]);
      assert.deepEqual({ ...fromBare, repository: '' }, { ...fromWorkTree, repository: '' });
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('reads a detached HEAD, still counting merges and reverts on main', async () => {
    const detached = track(releaseHistory().repo);
    detached.git(['checkout', '-q', '--detach', 'v1.1.0']);
    const [onMain, onDetached] = await Promise.all([analyze(release.dir), analyze(detached.dir)]);
    assert.deepEqual(
      [onDetached.deployments.count, onDetached.changeFailure.failed, onDetached.leadTime.medianHours],
      [onMain.deployments.count, 1, 18],
    );
  });

  it('warns when a detached HEAD is all there is to read merges from', async () => {
    const trunk = track(FixtureRepo.create());
    trunk.git(['checkout', '-q', '-b', 'trunk']);
    trunk.commit('one', '2024-03-05T00:00:00Z');
    trunk.git(['checkout', '-q', '--detach']);
    trunk.git(['branch', '-q', '-D', 'trunk']);
    const result = await analyze(trunk.dir);
    assert.ok(
      result.warnings.some((w) =>
        w.startsWith('HEAD is detached and there is no main, master, trunk or develop branch'),
      ),
      result.warnings.join('\n'),
    );
  });

  it('reads a shallow clone and says lead times are a lower bound', async () => {
    const shallow = path.join(release.dir, '..', `${path.basename(release.dir)}-shallow`);
    release.git(['clone', '-q', '--depth', '2', '--no-single-branch', `file://${release.dir}`, shallow]);
    try {
      const result = await analyze(shallow);
      assert.equal(result.history?.shallow, true);
      assert.ok(result.warnings.some((w) => w.includes('shallow clone') && w.includes('lower bound')));
    } finally {
      rmSync(shallow, { recursive: true, force: true });
    }
  });

  it('leaves out a matching tag that points at a tree, and says so', async () => {
    const odd = track(releaseHistory().repo);
    odd.git(['tag', 'v9.9.9', 'HEAD^{tree}']);
    const result = await analyze(odd.dir);
    assert.equal(result.history?.deployments, 7);
    assert.ok(
      result.warnings.includes(
        '1 tag (^v?\\d+\\.\\d+\\.\\d+$) points at something other than a commit (a tree or a blob) and was left out.',
      ),
      result.warnings.join('\n'),
    );
  });

  it('peels a tag of a tag to its commit', async () => {
    const nested = track(releaseHistory().repo);
    nested.git(['tag', '-a', '-m', 'again', 'v2.0.0', 'v1.2.1'], { committer: '2024-03-08T12:00:00Z' });
    const result = await analyze(nested.dir);
    // v2.0.0 is a deployment at its own tagger date, shipping nothing new.
    assert.deepEqual([result.history?.deployments, result.deployments.count, result.leadTime.commits], [8, 7, 6]);
  });
});
