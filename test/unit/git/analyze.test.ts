import * as assert from 'node:assert/strict';
import { analyzeRepository } from '../../../src/git/analyze';
import type { AnalyzeOptions } from '../../../src/git/analyze';
import { metricsResultSchema } from '../../../src/core/metrics/result';
import { ALL_MEASURES, suggestingFramework } from '../core/metrics/suggestFramework';
import type { FixtureRepo } from './fixtureRepo';
import { EXACT, releaseHistory } from './releaseFixture';

describe('analysing a repository', () => {
  let repo: FixtureRepo;
  before(() => {
    repo = releaseHistory().repo;
  });
  after(() => repo.dispose());
  const analyze = (options: Partial<AnalyzeOptions> = {}) =>
    analyzeRepository({ repo: repo.dir, ...EXACT, cache: null, ...options });

  describe('deployments', () => {
    it('are the tags matching the pattern in the window, annotated and lightweight, pre-releases left out', async () => {
      const { deployments } = await analyze();
      // v1.1.0, v1.2.0, 1.2.0, v1.2.1, v1.3.0, v1.4.0; v1.0.0 sits exactly at "since" and is out.
      assert.deepEqual(
        [deployments.count, deployments.perWeek, deployments.distinctDays, deployments.deployDaysPerWeek],
        [6, 6, 5, 5],
      );
      assert.deepEqual([deployments.source, deployments.band], ['tags', 'High']);
    });

    it('take in the tag at "since" when the window moves one second earlier, and lose the one at "until"', async () => {
      const { deployments } = await analyze({ until: new Date('2024-03-08T23:59:59Z') });
      assert.equal(deployments.count, 6);
      const { leadTime } = await analyze({ until: new Date('2024-03-08T23:59:59Z') });
      // v1.0.0 now ships c1 (48 h) and c2 (36 h) as well.
      assert.equal(leadTime.commits, 8);
    });

    it('follow a custom tag pattern, rc tags included', async () => {
      const { deployments } = await analyze({ tagPattern: String.raw`^v\d+\.\d+\.\d+(-rc\d+)?$` });
      // v1.1.0-rc1 (03-03 01:00) joins; 1.2.0 (no "v") leaves.
      assert.equal(deployments.count, 6);
      assert.equal(deployments.pattern, String.raw`^v\d+\.\d+\.\d+(-rc\d+)?$`);
    });
  });

  describe('lead time', () => {
    it('measures each non-merge commit from its author time to the earliest deployment that ships it', async () => {
      // c3 6 h (v1.1.0); f1 48 h, f2 24 h (v1.2.0; 1.2.0 ships nothing); c4 30 h, c5 12 h (v1.2.1); c6 0 h (v1.3.0).
      const { leadTime } = await analyze();
      assert.deepEqual(
        [leadTime.commits, leadTime.medianHours, leadTime.p90Hours, leadTime.band],
        [6, 18, 48, 'Elite'],
      );
    });

    it('uses committer time when asked', async () => {
      // c3 0 h, f2 4 h; the others as above: 0, 0, 4, 12, 30, 48.
      const { leadTime } = await analyze({ clock: 'committer' });
      assert.deepEqual([leadTime.medianHours, leadTime.p90Hours, leadTime.clock], [8, 48, 'committer']);
    });
  });

  describe('failure heuristics', () => {
    it('find v1.2.0 failed (f1 reverted, and v1.2.1 patched it) and its recovery by v1.2.1', async () => {
      const { changeFailure, recovery, rework } = await analyze();
      assert.deepEqual(
        [changeFailure.failed, changeFailure.percent, changeFailure.band, changeFailure.failedDeployments],
        [1, 16.67, 'Medium', ['v1.2.0']],
      );
      assert.deepEqual([recovery.incidents, recovery.medianHours, recovery.band], [1, 36, 'Medium']);
      assert.deepEqual([rework.rework, rework.percent, rework.fixDeployments], [1, 16.67, ['v1.2.1']]);
    });
  });

  describe('suggestions', () => {
    it('score each question of the framework from the measured figures', async () => {
      const result = await analyze({ framework: suggestingFramework(ALL_MEASURES) });
      assert.deepEqual(Object.fromEntries(result.suggestions.map((s) => [s.questionId, s.score])), {
        'df-count': 4,
        'df-days': 4,
        'lt-median': 5,
        'lt-p90': 4,
        cfr: 3,
        rework: 3,
        mttr: 3,
      });
    });

    it('are left empty without a framework', async () => {
      assert.deepEqual((await analyze()).suggestions, []);
    });
  });

  it('returns a result the schema accepts, naming the repository and window', async () => {
    const result = await analyze();
    assert.equal(metricsResultSchema.safeParse(result).success, true);
    assert.equal(result.repository, repo.dir);
    assert.deepEqual(result.window, { since: '2024-03-02T00:00:00.000Z', until: '2024-03-09T00:00:00.000Z', days: 7 });
    assert.deepEqual(result.history, { commits: 9, deployments: 7, shallow: false });
  });

  describe('merges as deployments', () => {
    it('are used when forced: first-parent merges on main at their committer time', async () => {
      const { deployments, leadTime } = await analyze({ source: 'merges' });
      // m1 (03-05 12:00) ships c1, c2, c3, f1, f2: 108, 96, 60, 36 and 12 h.
      assert.deepEqual([deployments.count, deployments.source, deployments.defaultBranch], [1, 'merges', 'main']);
      assert.deepEqual([leadTime.commits, leadTime.medianHours, leadTime.p90Hours], [5, 60, 108]);
    });

    it('give way, when no tag matches, to every first-parent commit on main, and the result says so', async () => {
      const result = await analyze({ tagPattern: '^release-' });
      // c3 (03-03 06:00), m1, c4, c5 and c6 land on main in the window; each is a deployment.
      assert.deepEqual([result.deployments.source, result.deployments.count], ['commits', 5]);
      assert.match(
        result.deployments.method,
        /No release tag was taken \(\^release-\), so every change landing on main is treated as a deployment/,
      );
      assert.ok(
        result.warnings.some((w) =>
          w.startsWith('No tag matches ^release-, so every change landing on main is treated as a deployment.'),
        ),
        result.warnings.join('\n'),
      );
    });
  });
});
