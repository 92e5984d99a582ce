import * as assert from 'node:assert/strict';
import { ledgerCommitSchema, ledgerDeploymentSchema } from '../../../src/core/explain/schema';
import { runCliInProcess } from './cliProcess';
import type { FixtureRepo } from '../git/fixtureRepo';
import { change, plusDays, weeklyReleases } from '../git/heuristicsFixture';

const cli = (args: string[], cwd: string) =>
  runCliInProcess(['metrics', '--explain', ...args], cwd, '2024-03-20T00:00:00Z');

describe('dora-assess metrics --explain', () => {
  let repo: FixtureRepo;
  before(() => {
    repo = weeklyReleases(8, (repo, week, release, nextTag) => {
      if (week !== 4) return;
      change(repo, 'Fix crash on login \u001b[31mred\u001b[0m', plusDays(release, 2, -2));
      repo.annotatedTag(nextTag(), plusDays(release, 2));
    });
  });
  after(() => repo.dispose());

  it('lists the deployments in the window as a table', async () => {
    const run = await cli(['deployments', '--repo', repo.dir], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines[0], '9 deployments in the window');
    assert.match(lines[1] ?? '', /^Deployment +Packages +Time +Commits +Classification$/);
    assert.match(lines[2] ?? '', /^v2\.0\.0 +2024-01-01T10:00:00Z +1$/);
    assert.match(lines.find((l) => l.startsWith('v2.0.4')) ?? '', /failed$/);
  });

  it('lists lead-time commits shortest first, escaping control characters in subjects', async () => {
    const run = await cli(['lead-time', '--repo', repo.dir], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^9 commits in lead time, shortest first$/m);
    assert.match(run.stdout, /median/);
    assert.match(run.stdout, /Fix crash on login \\u001b\[31mred/);
    assert.ok(!run.stdout.includes('\u001b'), 'no raw escape character reaches the terminal');
  });

  it('names the rule behind every classified deployment', async () => {
    const run = await cli(['failures', '--repo', repo.dir], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^2 classified deployments in the window$/m);
    assert.match(run.stdout, /^v2\.0\.4 \(failed\): .+/m);
    assert.match(run.stdout, /^v2\.0\.5 \(hotfix\): .+/m);
  });

  it('prints a list as JSON with --json, rows as the panel gets them', async () => {
    const deployments = await cli(['deployments', '--json', '--repo', repo.dir], repo.dir);
    const parsed = JSON.parse(deployments.stdout) as { list: string; total: number; rows: unknown[] };
    assert.deepEqual([parsed.list, parsed.total], ['deployments', 9]);
    for (const row of parsed.rows) ledgerDeploymentSchema.parse(row);
    const commits = JSON.parse((await cli(['lead-time', '--json', '--repo', repo.dir], repo.dir)).stdout) as {
      rows: unknown[];
    };
    assert.equal(commits.rows.length, 9);
    for (const row of commits.rows) ledgerCommitSchema.parse(row);
  });

  it('refuses a list it does not know, naming the ones it does', async () => {
    const run = await cli(['everything', '--repo', repo.dir], repo.dir);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /--explain must be deployments, lead-time, failures or excluded, not "everything"/);
  });
});
