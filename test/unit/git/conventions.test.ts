import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeRepository } from '../../../src/git/analyze';
import type { AnalyzeOptions } from '../../../src/git/analyze';
import { loadFrameworkFile } from '../../../src/frameworks/catalog';
import { FixtureRepo } from './fixtureRepo';
import { GitAnalysisError } from '../../../src/git/errors';

/**
 * One real repository per release convention, every date fixed, read with no configuration: what a
 * new user of each kind of project sees. All windows end 2026-06-30 and cover 30 days (since 05-31).
 */
const WINDOW = { until: new Date('2026-06-30T00:00:00Z'), days: 30 } as const;
const loaded = loadFrameworkFile(path.resolve(__dirname, '../../../frameworks/dora.yaml'));
if (!loaded.ok) throw new Error('the bundled DORA framework does not load');
const dora = loaded.value;

const repos: FixtureRepo[] = [];
after(() => {
  for (const repo of repos) repo.dispose();
});
function create(): FixtureRepo {
  const repo = FixtureRepo.create();
  repos.push(repo);
  return repo;
}
const analyze = (repo: FixtureRepo, options: Partial<AnalyzeOptions> = {}) =>
  analyzeRepository({ repo: repo.dir, ...WINDOW, cache: null, framework: dora, ...options });
const scores = (result: Awaited<ReturnType<typeof analyze>>) =>
  Object.fromEntries(result.suggestions.map((s) => [s.questionId, s.score]));
const json = (name: string) => `{ "name": "${name}", "version": "0.0.0" }\n`;

describe('release conventions, read with no configuration', () => {
  describe('a changesets monorepo (astro@x.y.z, @astrojs/node@x.y.z) that once tagged v1.x', () => {
    let repo: FixtureRepo;
    before(() => {
      repo = create();
      repo.commitFiles('init', { 'package.json': json('root') }, '2024-01-01T00:00:00Z');
      repo.lightweightTag('v1.0.0');
      const packages = {
        'packages/astro/package.json': json('astro'),
        'packages/node/package.json': json('@astrojs/node'),
      };
      repo.commitFiles('Create packages', packages, '2025-12-01T00:00:00Z');
      repo.lightweightTag('astro@3.0.0');
      repo.lightweightTag('@astrojs/node@7.0.0');
      repo.commitFiles('astro: feature', { 'packages/astro/a.ts': '1' }, '2026-06-01T00:00:00Z');
      repo.commitFiles('node: feature', { 'packages/node/n.ts': '1' }, '2026-06-02T00:00:00Z');
      const bump = {
        'packages/astro/package.json': json('astro') + ' ',
        'packages/node/package.json': json('@astrojs/node') + ' ',
      };
      repo.commitFiles('Version Packages', bump, '2026-06-03T00:00:00Z');
      repo.lightweightTag('astro@4.0.0');
      repo.lightweightTag('@astrojs/node@8.0.0');
      repo.commitFiles('astro: fix', { 'packages/astro/a.ts': '2' }, '2026-06-10T00:00:00Z');
      repo.commitFiles(
        'Version Packages',
        { 'packages/astro/package.json': json('astro') + '  ' },
        '2026-06-11T00:00:00Z',
      );
      repo.lightweightTag('astro@4.0.1');
      repo.commitFiles('node: more', { 'packages/node/n.ts': '2' }, '2026-06-12T00:00:00Z');
      repo.lightweightTag('astro@4.1.0-beta.0');
    });

    it('counts release events, not tags, and says what it detected', async () => {
      const result = await analyze(repo);
      const { deployments, leadTime } = result;
      // 06-03 (astro@4.0.0 + @astrojs/node@8.0.0) and 06-11 (astro@4.0.1); the beta never counts.
      assert.deepEqual([deployments.source, deployments.count, deployments.distinctDays], ['tags', 2, 2]);
      assert.equal(
        deployments.release?.summary,
        'Releases: 2 tags astro@x.y.z and 1 tag @astrojs/*@x.y.z in 30 days, grouped into 2 release events. ' +
          'Not counted: 1 pre-release (rc, beta, alpha, next, canary, dev, nightly…) never count; ' +
          'vx.y.z last released more than 365 days before the window ends, so it does not decide the convention.',
      );
      assert.deepEqual(deployments.packages, [
        { name: 'astro', deployments: 2 },
        { name: '@astrojs/node', deployments: 1 },
      ]);
      // 06-03 ships 48, 24 and 0 h; 06-11 ships 24 and 0 h.
      assert.deepEqual([leadTime.commits, leadTime.medianHours, leadTime.p90Hours], [5, 24, 48]);
      assert.equal(leadTime.kind, 'commit-to-deploy');
      // 2 in 30 days is 0.47 a week; a median of exactly 24 h is not below 24; no revert, no hotfix.
      assert.deepEqual(scores(result), { 'df-frequency': 3, 'lt-commit-to-prod': 4, 'cfr-rate': 5 });
    });

    it('measures one package over the commits that touch its folder only', async () => {
      const { deployments, leadTime } = await analyze(repo, { package: 'astro' });
      assert.deepEqual(
        [deployments.count, deployments.package?.paths, deployments.package?.pathsFrom],
        [2, ['packages/astro'], 'manifest'],
      );
      // The node commit of 06-02 ships with astro@4.0.0 but is not astro's: 48, 0, 24, 0 h.
      assert.deepEqual([leadTime.commits, leadTime.medianHours, leadTime.p90Hours], [4, 12, 48]);
      const node = await analyze(repo, { package: '@astrojs/node' });
      assert.deepEqual([node.deployments.count, node.leadTime.commits, node.leadTime.medianHours], [1, 2, 12]);
    });

    it('refuses a package without release tags, naming the packages that have some', async () => {
      await assert.rejects(
        analyze(repo, { package: 'astor' }),
        /No release tag belongs to the package "astor"\. Packages with release tags: @astrojs\/node, astro\./,
      );
      // ...and hands them over as data, so the panel can offer them to choose from.
      await assert.rejects(analyze(repo, { package: 'astor' }), (error: unknown) => {
        assert.ok(error instanceof GitAnalysisError);
        assert.deepEqual(error.packageWithoutTags, {
          name: 'astor',
          packagesWithTags: ['@astrojs/node', 'astro'],
        });
        return true;
      });
    });

    it('warns when given package paths do not exist', async () => {
      const result = await analyze(repo, { package: 'astro', paths: ['packages/astr0'] });
      assert.equal(result.leadTime.commits, 0);
      assert.ok(
        result.warnings.some((w) => w.startsWith('The package paths packages/astr0 do not exist')),
        result.warnings.join('\n'),
      );
    });

    it('lets a configured pattern win, counting tag by tag, and says so', async () => {
      const { deployments } = await analyze(repo, { tagPattern: '^astro@', origins: { tagPattern: '--tag-pattern' } });
      // astro@4.0.0, astro@4.0.1 and, matched by the pattern as written, astro@4.1.0-beta.0.
      assert.equal(deployments.count, 3);
      assert.match(deployments.release?.summary ?? '', /comes from --tag-pattern, so detection is off\.$/);
      assert.equal(deployments.release?.how, 'configured');
    });
  });

  describe('CalVer', () => {
    it('counts two- and three-part versions (26.1, 26.1.1, 26.2) and skips 26.2b1', async () => {
      const repo = create();
      repo.commit('a', '2026-06-01T00:00:00Z');
      repo.annotatedTag('26.1', '2026-06-05T00:00:00Z');
      repo.commit('b', '2026-06-10T00:00:00Z');
      repo.annotatedTag('26.1.1', '2026-06-12T00:00:00Z');
      repo.commit('c', '2026-06-14T00:00:00Z');
      repo.annotatedTag('26.2b1', '2026-06-15T00:00:00Z');
      repo.commit('d', '2026-06-18T00:00:00Z');
      repo.annotatedTag('26.2', '2026-06-20T00:00:00Z');
      const { deployments, leadTime } = await analyze(repo);
      assert.deepEqual([deployments.count, deployments.perWeek], [3, 0.7]);
      assert.match(
        deployments.release?.summary ?? '',
        /^Releases: 2 tags x\.y and 1 tag x\.y\.z in 30 days, grouped into 3 release events\./,
      );
      // a 96 h; b 48 h; c 144 h and d 48 h ship with 26.2.
      assert.deepEqual([leadTime.commits, leadTime.medianHours, leadTime.p90Hours], [4, 72, 144]);
    });

    it('counts date tags (2026.06.01) as releases', async () => {
      const repo = create();
      for (const day of ['01', '08', '15', '22']) {
        repo.commit(`work ${day}`, `2026-06-${day}T00:00:00Z`);
        repo.annotatedTag(`2026.06.${day}`, `2026-06-${day}T12:00:00Z`);
      }
      const result = await analyze(repo);
      assert.deepEqual([result.deployments.count, result.leadTime.medianHours], [4, 12]);
      assert.match(result.deployments.release?.summary ?? '', /^Releases: 4 tags YYYY\.MM\.DD in 30 days/);
      // 4 in 30 days is 0.93 a week.
      assert.deepEqual([scores(result)['df-frequency'], scores(result)['lt-commit-to-prod']], [3, 5]);
    });
  });

  describe('Go modules (v0.22.0 for the root, gopls/v0.16.0 for a nested module)', () => {
    it('finds a module by its folder and counts only its commits', async () => {
      const repo = create();
      repo.commitFiles(
        'init',
        { 'go.mod': 'module golang.org/x/tools\n', 'gopls/go.mod': 'module golang.org/x/tools/gopls\n' },
        '2026-05-01T00:00:00Z',
      );
      repo.lightweightTag('v0.21.0');
      repo.lightweightTag('gopls/v0.15.0');
      repo.commitFiles('gopls: hover', { 'gopls/hover.go': '1' }, '2026-06-01T00:00:00Z');
      repo.commitFiles('go/analysis: fix', { 'go/analysis/a.go': '1' }, '2026-06-02T00:00:00Z');
      repo.annotatedTag('v0.22.0', '2026-06-03T00:00:00Z');
      repo.annotatedTag('gopls/v0.16.0', '2026-06-04T00:00:00Z');
      const whole = await analyze(repo);
      // Two tags on one commit: one release event at the earlier tag.
      assert.deepEqual([whole.deployments.count, whole.leadTime.commits, whole.leadTime.medianHours], [1, 2, 36]);
      const gopls = await analyze(repo, { package: 'gopls' });
      assert.deepEqual(
        [gopls.deployments.count, gopls.deployments.package?.paths, gopls.leadTime.commits, gopls.leadTime.medianHours],
        [1, ['gopls'], 1, 72],
      );
    });
  });

  describe('no release tags', () => {
    it('treats every squash merge landing on main as a deployment, and calls the lead time merge to deploy', async () => {
      const repo = create();
      for (const [i, day] of ['02', '03', '05', '09', '10', '16'].entries())
        repo.commit(`Change ${i} (#${i + 10})`, `2026-06-${day}T09:00:00Z`);
      const result = await analyze(repo);
      const { deployments, leadTime } = result;
      assert.deepEqual([deployments.source, deployments.count, deployments.perWeek], ['commits', 6, 1.4]);
      assert.match(deployments.method, /every first-parent commit on main/);
      assert.ok(
        result.warnings.some((w) =>
          w.startsWith('The repository has no tags, so every change landing on main is treated as a deployment.'),
        ),
        result.warnings.join('\n'),
      );
      assert.deepEqual([leadTime.kind, leadTime.medianHours], ['merge-to-deploy', 0]);
      // Deployment frequency is scored; a merge-to-deploy time is not scored as DORA's lead time.
      assert.deepEqual(scores(result), { 'df-frequency': 4, 'cfr-rate': 5 });
    });

    it("starts a squash-merged change at its pull request's first commit when the pull-request heads are fetched", async () => {
      const repo = create();
      repo.commit('init', '2026-05-01T00:00:00Z');
      repo.branch('pr-1');
      repo.commit('wip', '2026-06-01T00:00:00Z');
      const head = repo.commit('done', '2026-06-02T00:00:00Z');
      repo.checkout('main');
      repo.git(['update-ref', 'refs/pull/1/head', head]);
      repo.git(['branch', '-q', '-D', 'pr-1']);
      repo.commit('Change A (#1)', '2026-06-03T00:00:00Z');
      repo.commit('Change B (#2)', '2026-06-05T00:00:00Z');
      const result = await analyze(repo);
      // #1 started 06-01, 48 h before it landed; #2 has no fetched head: 0 h.
      assert.deepEqual(
        [result.deployments.count, result.leadTime.kind, result.leadTime.medianHours, result.leadTime.p90Hours],
        [2, 'commit-to-deploy', 24, 48],
      );
      assert.ok(
        result.warnings.some((w) =>
          w.startsWith('1 squash-merged change starts at the first commit of its pull request'),
        ),
        result.warnings.join('\n'),
      );
    });

    it('treats every merge landing on main as a deployment, with lead time from the branch commits', async () => {
      const repo = create();
      repo.commit('init', '2026-05-01T00:00:00Z');
      for (const [i, day] of ['03', '10', '17'].entries()) {
        repo.branch(`feature-${i}`);
        repo.commit(`work ${i}`, `2026-06-${day}T00:00:00Z`);
        repo.checkout('main');
        repo.merge(`feature-${i}`, `Merge pull request #${i} from feature-${i}`, `2026-06-${day}T12:00:00Z`);
      }
      const result = await analyze(repo);
      assert.deepEqual([result.deployments.source, result.deployments.count], ['commits', 3]);
      assert.deepEqual(
        [result.leadTime.kind, result.leadTime.commits, result.leadTime.medianHours],
        ['commit-to-deploy', 3, 12],
      );
      assert.deepEqual(scores(result), { 'df-frequency': 3, 'lt-commit-to-prod': 5, 'cfr-rate': 5 });
    });
  });

  describe('tags in the window that are not releases', () => {
    it('names them, proposes a pattern, and suggests no frequency from the empty window', async () => {
      const repo = create();
      repo.commit('release', '2026-01-10T00:00:00Z');
      repo.lightweightTag('v1.0.0');
      for (const day of ['05', '12', '19']) {
        repo.commit(`deploy ${day}`, `2026-06-${day}T00:00:00Z`);
        repo.lightweightTag(`deploy-202606${day}-1`);
      }
      const result = await analyze(repo);
      assert.deepEqual([result.deployments.count, result.deployments.band], [0, null]);
      assert.deepEqual(result.deployments.release?.untaken, [
        'deploy-20260605-1',
        'deploy-20260612-1',
        'deploy-20260619-1',
      ]);
      assert.ok(
        result.warnings.includes(
          'The window has tags (deploy-20260605-1, deploy-20260612-1, deploy-20260619-1) but none is taken as a release, so no deployment frequency is suggested. If these are your deployments, set the tag pattern to ^deploy-\\d+-\\d+$.',
        ),
        result.warnings.join('\n'),
      );
      assert.equal(scores(result)['df-frequency'], undefined);
      const pinned = await analyze(repo, { tagPattern: String.raw`^deploy-\d+-\d+$` });
      assert.equal(pinned.deployments.count, 3);
    });
  });

  describe('the default branch', () => {
    it("follows the remote's default (origin/HEAD → develop) over a local master, and warns", async () => {
      const upstream = create();
      upstream.commit('init', '2026-05-01T00:00:00Z');
      upstream.branch('master');
      upstream.commit('old line', '2026-06-01T00:00:00Z');
      upstream.checkout('main');
      upstream.git(['branch', '-q', '-m', 'main', 'develop']);
      for (const day of ['05', '06', '07']) upstream.commit(`develop ${day}`, `2026-06-${day}T00:00:00Z`);
      const clone = FixtureRepo.emptyFolder();
      repos.push(clone);
      clone.git(['clone', '-q', upstream.dir, '.']);
      clone.git(['checkout', '-q', 'master']);
      const result = await analyze(clone);
      assert.deepEqual([result.deployments.defaultBranch, result.deployments.count], ['origin/develop', 3]);
      assert.ok(
        result.warnings.includes(
          "The default branch is unclear: master could also be it. Measured origin/develop, the remote's default (origin/HEAD); set the default branch to choose another.",
        ),
        result.warnings.join('\n'),
      );
    });
  });
});
