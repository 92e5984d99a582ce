import * as assert from 'node:assert/strict';
import { analyzeRepository } from '../../../src/git/analyze';
import type { AnalyzeOptions } from '../../../src/git/analyze';
import { ALL_MEASURES, suggestingFramework } from '../core/metrics/suggestFramework';
import { FixtureRepo } from './fixtureRepo';
import { change, importedHistory, plusDays, revertChange, weeklyReleases } from './heuristicsFixture';

const framework = suggestingFramework(ALL_MEASURES);

function analyze(repo: FixtureRepo, options: Partial<AnalyzeOptions> = {}) {
  return analyzeRepository({
    repo: repo.dir,
    until: new Date('2024-03-20T00:00:00Z'),
    days: 90,
    cache: null,
    framework,
    ...options,
  });
}

const scores = (result: Awaited<ReturnType<typeof analyze>>) =>
  Object.fromEntries(result.suggestions.map((s) => [s.questionId, s.score]));

describe('failure heuristics on real histories', () => {
  const repos: FixtureRepo[] = [];
  const keep = (repo: FixtureRepo) => (repos.push(repo), repo);
  after(() => repos.forEach((repo) => repo.dispose()));

  describe('hotfixes break the release cadence', () => {
    // Twelve weekly patch releases, only read by the specifications that share it.
    let weekly: FixtureRepo;
    before(() => {
      weekly = keep(weeklyReleases(12));
    });

    it('does not call weekly patch releases on schedule failures', async () => {
      const result = await analyze(weekly);
      const { deployments, changeFailure, rework, leadTime } = result;
      assert.deepEqual([deployments.count, changeFailure.failed, changeFailure.percent, rework.percent], [12, 0, 0, 0]);
      assert.deepEqual([leadTime.commits, leadTime.medianHours, leadTime.p90Hours], [12, 24, 24]);
      assert.deepEqual(result.classified, []);
      assert.deepEqual(scores(result), { 'df-count': 3, 'df-days': 3, 'lt-median': 5, 'lt-p90': 5, cfr: 5, rework: 5 });
    });

    it('marks the release a patch follows two days later failed, with the rule, and measures its recovery', async () => {
      const repo = keep(
        weeklyReleases(12, (repo, week, release, nextTag) => {
          if (week !== 6) return;
          change(repo, 'Fix crash on login', plusDays(release, 2, -2));
          repo.annotatedTag(nextTag(), plusDays(release, 2));
        }),
      );
      const result = await analyze(repo);
      const { deployments, changeFailure, recovery, rework, leadTime } = result;
      assert.deepEqual(
        [deployments.count, changeFailure.failedDeployments, changeFailure.percent],
        [13, ['v2.0.6'], 7.69],
      );
      assert.deepEqual(
        [recovery.incidents, recovery.medianHours, rework.fixDeployments, rework.percent],
        [1, 48, ['v2.0.7'], 7.69],
      );
      assert.deepEqual([leadTime.commits, leadTime.medianHours, leadTime.p90Hours], [13, 24, 24]);
      assert.deepEqual(result.classified, [
        {
          deployment: 'v2.0.6',
          classification: 'failed',
          rule: 'followed by hotfix v2.0.7 2 days later, within the failure window of 7 days',
        },
        {
          deployment: 'v2.0.7',
          classification: 'hotfix',
          rule: 'patch release 2 days after v2.0.6, sooner than a third of the usual 7 days between releases (median of the latest intervals before it)',
        },
      ]);
      assert.deepEqual(scores(result), {
        'df-count': 4,
        'df-days': 4,
        'lt-median': 5,
        'lt-p90': 5,
        cfr: 4,
        rework: 4,
        mttr: 3,
      });
    });

    it('counts every patch release as a hotfix only when the team configures that pattern', async () => {
      const { changeFailure } = await analyze(weekly, {
        hotfixPattern: String.raw`^v?\d+\.\d+\.[1-9]\d*$`,
      });
      // Each of v2.0.1 … v2.0.11 fixes its predecessor: v2.0.0 … v2.0.10 failed.
      assert.deepEqual([changeFailure.failed, changeFailure.percent], [11, 91.67]);
    });
  });

  describe('reverts', () => {
    it('recognises GitHub Revert-button reverts of squash-merged pull requests, by pull request and by subject', async () => {
      const repo = keep(FixtureRepo.create());
      const login = change(repo, 'Add login (#12)', '2024-03-01T10:00:00Z', { file: 'src/login.ts' });
      repo.annotatedTag('v1.1.0', '2024-03-01T12:00:00Z');
      const parser = change(repo, 'Tweak parser (#20)', '2024-03-02T09:00:00Z', { file: 'src/parser.ts' });
      repo.annotatedTag('v1.2.0', '2024-03-02T12:00:00Z');
      const byPr = revertChange(
        repo,
        'src/login.ts',
        'Revert "Add login (#12)" (#15)\n\nReverts acme/shop#12',
        '2024-03-03T10:00:00Z',
      );
      const bySubject = revertChange(repo, 'src/parser.ts', 'Revert "Tweak parser"', '2024-03-03T11:00:00Z');
      repo.annotatedTag('v1.2.1', '2024-03-03T12:00:00Z');

      const result = await analyze(repo, { until: new Date('2024-03-10T00:00:00Z'), days: 30 });
      const { changeFailure, recovery, rework } = result;
      assert.deepEqual([changeFailure.failedDeployments, changeFailure.percent], [['v1.1.0', 'v1.2.0'], 66.67]);
      assert.deepEqual(
        [recovery.incidents, recovery.medianHours, rework.fixDeployments, rework.percent],
        [2, 36, ['v1.2.1'], 33.33],
      );
      const short = (hash: string) => hash.slice(0, 12);
      assert.deepEqual(result.classified, [
        {
          deployment: 'v1.1.0',
          classification: 'failed',
          rule: `shipped ${short(login)}, reverted 46 h later by revert ${short(byPr)} ("Reverts owner/repo#N", matched by pull request number), deployed in v1.2.1`,
        },
        {
          deployment: 'v1.2.0',
          classification: 'failed',
          rule: `shipped ${short(parser)}, reverted 23 h later by revert ${short(bySubject)} (Revert "<subject>", matched by subject), deployed in v1.2.1`,
        },
        {
          deployment: 'v1.2.1',
          classification: 'revert',
          rule: `ships revert ${short(byPr)}, which reverts ${short(login)} shipped by v1.1.0`,
        },
        {
          deployment: 'v1.2.1',
          classification: 'revert',
          rule: `ships revert ${short(bySubject)}, which reverts ${short(parser)} shipped by v1.2.0`,
        },
      ]);
      // Squash merges: lead time is merge to deploy, which suggests no lead-time score.
      assert.equal(result.leadTime.kind, 'merge-to-deploy');
      assert.deepEqual(scores(result), { 'df-count': 3, 'df-days': 3, cfr: 1, rework: 1, mttr: 3 });
    });

    it('ignores a revert of CI configuration, a revert of a revert, and a revert of a commit outside the history', async () => {
      const repo = keep(FixtureRepo.create());
      const ci = change(repo, 'Switch CI to Node 20 (#30)', '2024-03-01T10:00:00Z', {
        file: '.github/workflows/ci.yml',
      });
      const search = change(repo, 'Add search (#31)', '2024-03-01T11:00:00Z', { file: 'src/search.ts' });
      repo.annotatedTag('v3.0.0', '2024-03-01T12:00:00Z');
      revertChange(
        repo,
        '.github/workflows/ci.yml',
        `Revert "Switch CI to Node 20 (#30)"\n\nThis reverts commit ${ci}.`,
        '2024-03-02T10:00:00Z',
      );
      const undo = revertChange(
        repo,
        'src/search.ts',
        `Revert "Add search (#31)"\n\nThis reverts commit ${search}.`,
        '2024-03-02T11:00:00Z',
      );
      change(repo, 'Revert "Remove old API"', '2024-03-02T11:30:00Z', {
        file: 'src/api.ts',
        body: 'This reverts commit 0123456789abcdef0123456789abcdef01234567.',
      });
      repo.annotatedTag('v3.0.1', '2024-03-02T12:00:00Z');
      revertChange(
        repo,
        'src/search.ts',
        `Revert "Revert "Add search (#31)""\n\nThis reverts commit ${undo}.`,
        '2024-03-03T10:00:00Z',
      );
      repo.annotatedTag('v3.1.0', '2024-03-03T12:00:00Z');

      const { changeFailure, recovery, rework } = await analyze(repo, {
        until: new Date('2024-03-10T00:00:00Z'),
        days: 30,
      });
      assert.deepEqual([changeFailure.failedDeployments, changeFailure.percent], [['v3.0.0'], 33.33]);
      assert.deepEqual(changeFailure.ignoredReverts, { configOnly: 1, ofRevert: 1, unmatched: 1 });
      assert.deepEqual([recovery.medianHours, rework.fixDeployments], [24, ['v3.0.1']]);
    });
  });
});

describe('lead time counts only the team’s own changes', () => {
  const repos: FixtureRepo[] = [];
  after(() => repos.forEach((repo) => repo.dispose()));

  it('leaves out commits of an unrelated history merged in, and counts them', async () => {
    const { repo, library } = importedHistory(5);
    repos.push(library, repo);

    const { leadTime } = await analyze(repo);
    assert.deepEqual([leadTime.commits, leadTime.medianHours, leadTime.p90Hours, leadTime.imported], [2, 1.5, 2, 5]);
    assert.equal(leadTime.outliers, 0);
  });

  describe('bots', () => {
    let repo: FixtureRepo;
    before(() => {
      repo = FixtureRepo.create();
      repos.push(repo);
      change(repo, 'Bump lodash from 4.17.20 to 4.17.21', '2024-02-20T10:00:00Z', {
        author: 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
      });
      change(repo, 'Update dependency typescript to v5.4', '2024-02-25T10:00:00Z', {
        author: 'Renovate Bot <bot@renovateapp.com>',
      });
      change(repo, 'Finish the 2023 migration', '2023-01-01T10:00:00Z', { committed: '2024-03-03T10:00:00Z' });
      change(repo, 'Add feature', '2024-03-04T10:00:00Z');
      repo.annotatedTag('v1.0.0', '2024-03-04T12:00:00Z');
    });

    it('reports bot commits apart and keeps them in lead time by default, flagging lead times over a year', async () => {
      const { leadTime } = await analyze(repo);
      // 2 h (Add feature), 194 h (renovate), 314 h (dependabot), 10274 h (the 2023 commit: an outlier).
      assert.deepEqual([leadTime.commits, leadTime.medianHours, leadTime.p90Hours], [4, 254, 10274]);
      assert.deepEqual([leadTime.bots, leadTime.outliers], [{ commits: 2, percent: 50, excluded: false }, 1]);
    });

    it('leaves bot commits out of lead time with excludeBots, still showing their share', async () => {
      const { leadTime } = await analyze(repo, { excludeBots: true });
      assert.deepEqual([leadTime.commits, leadTime.medianHours, leadTime.p90Hours], [2, 5138, 10274]);
      assert.deepEqual(leadTime.bots, { commits: 2, percent: 50, excluded: true });
    });

    it('follows a configured list of bot names', async () => {
      const { leadTime } = await analyze(repo, { excludeBots: true, botPatterns: ['renovate'] });
      assert.deepEqual([leadTime.commits, leadTime.bots], [3, { commits: 1, percent: 25, excluded: true }]);
    });
  });
});

describe('a pattern that backtracks catastrophically', () => {
  let repo: FixtureRepo;
  before(() => {
    repo = FixtureRepo.create();
    change(repo, 'Start', '2024-03-01T10:00:00Z');
    for (let n = 20; n < 45; n++) repo.lightweightTag(`${'a'.repeat(n)}!`);
  });
  after(() => repo.dispose());

  it('does not hang the analysis, and says which pattern needed the linear-time engine', async () => {
    const result = await analyze(repo, { tagPattern: '^(a+)+$', hotfixPattern: '(x+x+)+y' });
    assert.equal(result.deployments.source, 'commits');
    const notes = result.warnings.filter((w) => w.includes('linear-time engine'));
    assert.deepEqual(
      notes.map((w) => w.slice(0, w.indexOf('" ') + 1)),
      ['The hotfix pattern "(x+x+)+y"', 'The tag pattern "^(a+)+$"'],
    );
  });
});

describe('the evidence of lead time', () => {
  it('says what was left out or flagged, beside the figure', async () => {
    const repo = FixtureRepo.create();
    try {
      change(repo, 'Bump lodash', '2024-02-20T10:00:00Z', { author: 'dependabot[bot] <bot@example.com>' });
      change(repo, 'Finish the 2023 migration', '2023-01-01T10:00:00Z', { committed: '2024-03-03T10:00:00Z' });
      repo.annotatedTag('v1.0.0', '2024-03-04T12:00:00Z');
      const result = await analyze(repo, { excludeBots: true });
      const lt = result.suggestions.find((s) => s.questionId === 'lt-median');
      assert.equal(
        lt?.evidence.summary,
        'median lead time 10274 h over 1 commit shipped by 1 deployment in 90 days; 1 bot commit (50%), left out; 1 lead time over 365 days, flagged and kept',
      );
    } finally {
      repo.dispose();
    }
  });
});
