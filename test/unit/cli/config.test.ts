import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCliInProcess } from './cliProcess';
import { loadTeamConfig } from '../../../src/core/config/load';
import { metricsResultSchema } from '../../../src/core/metrics/result';
import type { FixtureRepo } from '../git/fixtureRepo';
import { releaseHistory } from '../git/releaseFixture';

const cli = (args: string[], cwd: string) => runCliInProcess([...args], cwd, '2024-03-09T00:00:00Z');

describe('the team configuration in the CLI (init, then metrics reads it)', () => {
  let repo: FixtureRepo;
  let file: string;
  const metrics = async (...flags: string[]) => {
    const run = await cli(['metrics', '--json', ...flags], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    return metricsResultSchema.parse(JSON.parse(run.stdout));
  };
  beforeEach(() => {
    repo = releaseHistory().repo;
    file = path.join(repo.dir, '.dora', 'config.yaml');
  });
  afterEach(() => repo.dispose());

  it('init writes what detection found, as a valid file with a comment for every choice', async () => {
    const run = await cli(['init'], repo.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      'Wrote .dora/config.yaml: deployments are detected release tags: vx.y.z, x.y.z. Review it, then commit it so the editor and CI measure the same way.',
    );
    const text = readFileSync(file, 'utf8');
    const loaded = loadTeamConfig(text, file);
    assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.problems));
    assert.deepEqual(loaded.value.config, {
      source: 'tags',
      defaultBranch: 'main',
      windowDays: 90,
      leadTimeClock: 'author',
      failureDays: 7,
      excludeBots: false,
      capacity: 2,
    });
    assert.match(text, /^# yaml-language-server: \$schema=.*config\.schema\.json$/m);
    assert.match(text, /^# Releases: 6 tags vx\.y\.z and 1 tag x\.y\.z in 90 days, grouped into 5 release events\./m);
    assert.match(text, /^# tagPattern:\n# {3}- '\^v\\d\+\\\.\\d\+\\\.\\d\+\$'\n# {3}- '\^\\d\+/m);
  });

  it('init never replaces an existing file', async () => {
    assert.equal((await cli(['init'], repo.dir)).code, 0);
    writeFileSync(file, 'windowDays: 7\n');
    const again = await cli(['init'], repo.dir);
    assert.deepEqual(again, {
      code: 1,
      stdout: '',
      stderr: '.dora/config.yaml already exists; edit it, or delete it to write a new one',
    });
    assert.equal(readFileSync(file, 'utf8'), 'windowDays: 7\n');
  });

  it('metrics measures as the committed file says and names where each choice came from', async () => {
    const detected = await metrics('--days', '7');
    assert.equal((await cli(['init'], repo.dir)).code, 0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('windowDays: 90', 'windowDays: 7'));
    const result = await metrics();
    assert.equal(result.window.days, 7);
    // The file init wrote measures exactly what detection measured.
    assert.deepEqual([result.deployments, result.leadTime], [detected.deployments, detected.leadTime]);
    assert.equal(result.deployments.count, 4);
    assert.ok(result.settings);
    assert.equal(result.settings.configFile, path.join('.dora', 'config.yaml'));
    assert.deepEqual(result.settings.choices['windowDays'], { value: 7, from: 'config' });
    assert.deepEqual(result.settings.choices['defaultBranch'], { value: 'main', from: 'config' });
    assert.deepEqual(result.settings.choices['failureDays'], { value: 7, from: 'config' });

    const flagged = await metrics('--days', '3');
    assert.equal(flagged.window.days, 3);
    assert.deepEqual(flagged.settings?.choices['windowDays'], { value: 3, from: 'flag' });

    const text = await cli(['metrics', '--days', '3'], repo.dir);
    assert.match(text.stdout, /^ {2}Window \(days\) +3 {2}\(command-line flag\)$/m);
    assert.match(text.stdout, /^ {2}Default branch +main {2}\(\.dora\/config\.yaml\)$/m);
  });

  it("passes the file's bot list to the analysis: every commit here is by Ada, so none is left", async () => {
    const kept = await metrics('--days', '7');
    mkdirSync(path.dirname(file));
    writeFileSync(file, 'windowDays: 7\nexcludeBots: true\nbots: [ada@example.com]\n');
    const result = await metrics();
    assert.ok(kept.leadTime.commits > 0);
    assert.equal(result.leadTime.commits, 0);
    assert.ok(result.settings);
    assert.deepEqual(result.settings.choices['bots'], { value: ['ada@example.com'], from: 'config' });
    assert.deepEqual(result.settings.choices['excludeBots'], { value: true, from: 'config' });
  });

  it('without a file, says which choices are defaults and which were detected', async () => {
    const result = await metrics('--days', '7');
    assert.ok(result.settings);
    assert.equal(result.settings.configFile, undefined);
    assert.deepEqual(result.settings.choices['tagPattern'], {
      value: 'detected release tags: vx.y.z, x.y.z',
      from: 'detected',
    });
    assert.deepEqual(result.settings.choices['failureDays'], { value: 7, from: 'default' });
    assert.deepEqual(result.settings.choices['source'], { value: 'tags', from: 'detected' });
    assert.deepEqual(result.settings.choices['defaultBranch'], { value: 'main', from: 'detected' });
  });
});

describe('choices in the config file that cannot work', () => {
  let repo: FixtureRepo;
  let file: string;
  beforeEach(() => {
    repo = releaseHistory().repo;
    file = path.join(repo.dir, '.dora', 'config.yaml');
  });
  afterEach(() => repo.dispose());

  const metricsWith = async (config: string, ...flags: string[]) => {
    await cli(['init'], repo.dir);
    writeFileSync(file, config);
    return cli(['metrics', '--json', ...flags], repo.dir);
  };

  it('a tag pattern that matches nothing is a warning at its line', async () => {
    const run = await metricsWith("windowDays: 7\ntagPattern: '^release-\\d+$'\n");
    assert.equal(run.code, 0, run.stderr);
    const { warnings } = metricsResultSchema.parse(JSON.parse(run.stdout));
    assert.equal(
      warnings[0],
      '.dora/config.yaml:2:13: warning: the tag pattern ^release-\\d+$ matches no tag in the history; run "git tag" to see how releases are named and change the pattern, or leave it out to detect it (at tagPattern)',
    );
  });

  it('a branch that does not exist is a warning at its line while tags are deployments', async () => {
    const run = await metricsWith('windowDays: 7\ndefaultBranch: trunk\n');
    assert.equal(run.code, 0, run.stderr);
    const { warnings } = metricsResultSchema.parse(JSON.parse(run.stdout));
    assert.equal(
      warnings[0],
      '.dora/config.yaml:2:16: warning: the branch "trunk" does not exist, locally or on a remote; use the branch your changes land on, or leave it out to detect it (at defaultBranch)',
    );
  });

  it('a branch that does not exist stops a merge-based analysis with its line', async () => {
    const run = await metricsWith('source: merges\ndefaultBranch: trunk\n');
    assert.deepEqual(run, {
      code: 1,
      stdout: '',
      stderr:
        'dora-assess metrics: .dora/config.yaml:2:16: the branch "trunk" does not exist, locally or on a remote; use the branch your changes land on, or leave it out to detect it (at defaultBranch)',
    });
  });

  it('a package with no release tags stops the analysis with its line', async () => {
    const run = await metricsWith('windowDays: 7\npackage: web\n');
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /^dora-assess metrics: \.dora\/config\.yaml:2:10: No release tag belongs to the package "web"\..* \(at package\)$/,
    );
  });

  it('a file that does not parse stops metrics with file:line:col, exit 1', async () => {
    const run = await metricsWith('windowDays: "ninety"\n');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /config\.yaml:1:13: .*number.* \(at windowDays\)$/);
  });
});

describe('dora-assess validate on a team configuration', () => {
  it('prints file:line:col for each problem and exits 1, or ok', async () => {
    const repo = releaseHistory().repo;
    try {
      mkdirSync(path.join(repo.dir, '.dora'));
      const file = path.join('.dora', 'config.yaml');
      writeFileSync(path.join(repo.dir, file), "source: tag\ntagPattern: '^(v'\n");
      const broken = await cli(['validate', file], repo.dir);
      assert.equal(broken.code, 1);
      assert.match(broken.stderr, /^\.dora\/config\.yaml:1:9: .*"tags".* \(at source\)$/);
      writeFileSync(path.join(repo.dir, file), "source: tags\ntagPattern: '^(v'\n");
      const pattern = await cli(['validate', file], repo.dir);
      assert.equal(pattern.code, 1);
      assert.match(pattern.stderr, /^\.dora\/config\.yaml:2:13: The pattern "\^\(v" is not a valid regular expression/);
      writeFileSync(path.join(repo.dir, file), 'source: tags\n');
      assert.deepEqual(await cli(['validate', file], repo.dir), {
        code: 0,
        stdout: '.dora/config.yaml: ok',
        stderr: '',
      });
    } finally {
      repo.dispose();
    }
  });
});
