import * as assert from 'node:assert/strict';
import { DEFAULT_TAG_PATTERN } from '../../../src/core/metrics/patterns';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { runCliInProcess } from './cliProcess';
import { metricsResultSchema } from '../../../src/core/metrics/result';
import { ALL_MEASURES, suggestingFramework } from '../core/metrics/suggestFramework';
import { FixtureRepo } from '../git/fixtureRepo';
import { releaseHistory } from '../git/releaseFixture';

const cli = (args: string[], cwd: string) => runCliInProcess(['metrics', ...args], cwd, '2024-03-09T00:00:00Z');

describe('dora-assess metrics', () => {
  let repo: FixtureRepo;
  let frameworkFile: string;
  before(() => {
    repo = releaseHistory().repo;
    frameworkFile = path.join(repo.dir, 'fixture-framework.yaml');
    writeFileSync(frameworkFile, stringify(suggestingFramework(ALL_MEASURES)));
  });
  after(() => repo.dispose());

  it('prints one JSON object with the window, deployments, lead time, heuristics, suggestions and warnings', async () => {
    const run = await cli(
      [
        '--repo',
        repo.dir,
        '--tag-pattern',
        DEFAULT_TAG_PATTERN,
        '--days',
        '7',
        '--framework-file',
        frameworkFile,
        '--json',
      ],
      repo.dir,
    );
    assert.equal(run.code, 0, run.stderr);
    const result = metricsResultSchema.parse(JSON.parse(run.stdout));
    assert.deepEqual(Object.keys(result).slice(1, 10), [
      'window',
      'deployments',
      'leadTime',
      'changeFailure',
      'recovery',
      'rework',
      'suggestions',
      'warnings',
      'history',
    ]);
    assert.deepEqual(
      [result.deployments.count, result.leadTime.medianHours, result.changeFailure.percent],
      [6, 18, 16.67],
    );
    assert.deepEqual(result.suggestions.find((s) => s.questionId === 'df-count')?.score, 4);
  });

  it('takes --until as epoch seconds or an ISO date, and reads --repo relative to the working folder', async () => {
    const epoch = await cli(
      ['--repo', '.', '--until', String(Date.parse('2024-03-08T00:00:00Z') / 1000), '--days', '7', '--json'],
      repo.dir,
    );
    const iso = await cli(
      ['--repo', path.basename(repo.dir), '--until', '2024-03-08T00:00:00Z', '--days', '7', '--json'],
      path.dirname(repo.dir),
    );
    assert.equal(epoch.code, 0, epoch.stderr);
    assert.deepEqual((JSON.parse(epoch.stdout) as { window: unknown }).window, {
      since: '2024-03-01T00:00:00.000Z',
      until: '2024-03-08T00:00:00.000Z',
      days: 7,
    });
    assert.deepEqual(JSON.parse(iso.stdout), JSON.parse(epoch.stdout));
  });

  it('prints a readable summary without --json', async () => {
    const run = await cli(
      ['--tag-pattern', DEFAULT_TAG_PATTERN, '--days', '7', '--framework-file', frameworkFile],
      repo.dir,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Deployment frequency {13}6 a week \(6 deployments in 7 days\) {2}\[DORA 2024: High\]$/m);
    assert.match(
      run.stdout,
      /^Change lead time {17}18 h \(median of 6 commits; p90 2 days\) {2}\[DORA 2024: Elite\]$/m,
    );
    assert.match(
      run.stdout,
      /^Change failure rate {14}16\.7% \(1 of 6 deployments\) {2}\[DORA 2024: Medium\] {2}heuristic$/m,
    );
    assert.match(
      run.stdout,
      /^Deployments are tags matching .*; 5 deploy days a week; lead time from the author time\.$/m,
    );
    assert.match(
      run.stdout,
      /^ {2}cfr: 3 {2}1 of 6 deployments in 7 days followed by a revert or hotfix \(16\.67 %\); 16\.67 ≤ 30 gives score 3 \(heuristic\)\.$/m,
    );
  });

  it('forces merges as deployments with --source merges', async () => {
    const run = await cli(['--days', '7', '--source', 'merges', '--json'], repo.dir);
    assert.deepEqual((JSON.parse(run.stdout) as { deployments: { source: string } }).deployments.source, 'merges');
  });

  it('exits 1 with one line when the folder is not a repository', async () => {
    const plain = FixtureRepo.emptyFolder();
    try {
      const run = await cli([], plain.dir);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /^dora-assess metrics: .* is not a git repository/);
      assert.equal(run.stderr.split('\n').length, 1);
    } finally {
      plain.dispose();
    }
  });

  it('exits 2 on a bad option value, naming it', async () => {
    assert.deepEqual(await cli(['--source', 'releases'], repo.dir), {
      code: 2,
      stdout: '',
      stderr: '--source must be auto, tags, commits or merges, not "releases"',
    });
    assert.equal((await cli(['--until', 'next tuesday'], repo.dir)).code, 2);
    assert.equal((await cli(['--days', 'ninety'], repo.dir)).code, 2);
  });

  it('exits 1 with the reason when the tag pattern is not a valid regular expression', async () => {
    const run = await cli(['--tag-pattern', '[v'], repo.dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /The tag pattern "\[v" is not a valid regular expression/);
  });
});
