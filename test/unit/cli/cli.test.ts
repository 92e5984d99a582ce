import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { frameworkYaml, TWO_DOMAINS } from '../builders/framework';
import { ensureCliBuilt, ROOT, runCli, runCliHere, tempDir } from './cliProcess';

const DORA = path.join(ROOT, 'frameworks', 'dora.yaml');

describe('dora-assess CLI', () => {
  describe('validate', () => {
    it('exits 0 for the bundled frameworks', async () => {
      const run = await runCliHere(['validate', 'frameworks/dora.yaml', 'frameworks/calms.yaml']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /dora\.yaml: ok/);
    });

    it('exits 1 with file:line:col on a broken copy', async () => {
      const dir = tempDir();
      const broken = path.join(dir, 'broken.yaml');
      const lines = readFileSync(DORA, 'utf8').split('\n');
      const at = lines.findIndex((line) => /^\s+weight: \d+/.test(line));
      lines[at] = lines[at]!.replace(/weight: \d+/, 'weight: [');
      writeFileSync(broken, lines.join('\n'));
      const run = await runCliHere(['validate', broken]);
      assert.equal(run.code, 1);
      assert.match(run.stderr, new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: `, 'm'));
    });

    it('reports an assessment answer to an unknown question as a warning, not a failure', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'a.json');
      assert.equal((await runCliHere(['new', '--framework', 'dora', '-o', file])).code, 0);
      const data = JSON.parse(readFileSync(file, 'utf8')) as { answers: unknown };
      data.answers = { 'no-such-question': { score: 3 } };
      writeFileSync(file, JSON.stringify(data));
      const run = await runCliHere(['validate', file]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /warning: answer to "no-such-question"/);
    });

    it('names a missing file', async () => {
      const run = await runCliHere(['validate', 'nope.json']);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /nope\.json: file not found/);
    });
  });

  describe('new and score', () => {
    it('writes an empty assessment that scores as unanswered', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'q4.json');
      const created = await runCliHere([
        'new',
        '--framework',
        'dora',
        '--title',
        'Q4',
        '--team',
        'Payments',
        '-o',
        file,
      ]);
      assert.equal(created.code, 0, created.stderr);
      const data = JSON.parse(readFileSync(file, 'utf8')) as { title: string; team: string; answers: unknown };
      assert.equal(data.title, 'Q4');
      assert.equal(data.team, 'Payments');
      assert.deepEqual(data.answers, {});
      const scored = await runCliHere(['score', file]);
      assert.equal(scored.code, 0, scored.stderr);
      assert.match(scored.stdout, /no score yet/);
      assert.match(scored.stdout, /Answered 0\/25/);
    });

    it('refuses to overwrite an existing file without --force', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'q4.json');
      assert.equal((await runCliHere(['new', '--framework', 'dora', '-o', file])).code, 0);
      const again = await runCliHere(['new', '--framework', 'dora', '-o', file]);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /already exists; pass --force/);
    });

    it('scores with a workspace framework and prints JSON with orphans', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'a.json');
      writeFileSync(path.join(dir, 'team.yaml'), frameworkYaml(TWO_DOMAINS, 'team'));
      const answers = { f1: { score: 5 }, f2: { score: 5 }, c1: { score: 1 }, c2: { score: 0 }, retired: { score: 4 } };
      writeFileSync(
        file,
        JSON.stringify({
          version: 1,
          framework: { id: 'team', version: '1.0.0' },
          title: 'T',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
          answers,
        }),
      );
      const run = await runCliHere(['score', file, '--json', '--framework-file', path.join(dir, 'team.yaml')]);
      assert.equal(run.code, 0, run.stderr);
      const json = JSON.parse(run.stdout) as {
        percent: number;
        level: { name: string };
        orphans: string[];
        domains: { completeness: unknown }[];
      };
      assert.equal(json.percent, 60);
      assert.equal(json.level.name, 'High');
      assert.deepEqual(json.orphans, ['retired']);
      assert.deepEqual(json.domains[1]?.completeness, { answered: 2, unknown: 1, total: 2 });
    });

    it('finds a framework in the frameworks folder beside the assessment', async () => {
      const dir = tempDir();
      const fw = path.join(dir, 'frameworks');
      mkdirSync(fw);
      writeFileSync(path.join(fw, 'team.yaml'), frameworkYaml(TWO_DOMAINS, 'team'));
      const file = path.join(dir, 'a.json');
      writeFileSync(
        file,
        JSON.stringify({
          version: 1,
          framework: { id: 'team', version: '1' },
          title: 'T',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
          answers: { c1: { score: 4 } },
        }),
      );
      const run = await runCliHere(['score', file]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Practice maturity: 75% — Level 4 High/);
    });

    it('says which framework is missing and how to fix it', async () => {
      const dir = tempDir();
      const file = path.join(dir, 'a.json');
      writeFileSync(
        file,
        JSON.stringify({
          version: 1,
          framework: { id: 'ghost', version: '1' },
          title: 'T',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
          answers: {},
        }),
      );
      const run = await runCliHere(['score', file]);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /framework "ghost" not found.*\.dora\/frameworks/);
    });
  });

  describe('errors', () => {
    it('rejects an unknown command and an unknown option', async () => {
      assert.equal((await runCliHere(['explode'])).code, 2);
      const run = await runCliHere(['score', 'x.json', '--verbose']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /unknown option --verbose/);
    });
  });

  describe('the built CLI, run as a subprocess', () => {
    before(ensureCliBuilt);

    it('prints one line and no stack trace for a broken assessment', () => {
      const dir = tempDir();
      const file = path.join(dir, 'bad.json');
      writeFileSync(file, '{\n  "version": 1,\n  oops\n}');
      const run = runCli(['score', file]);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /bad\.json:3:\d+: not valid JSON/);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    });

    it('lists the bundled frameworks', () => {
      const run = runCli(['frameworks']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^dora\s+.*\(5 domains, 25 questions\)$/m);
      assert.match(run.stdout, /^calms\s+.*\(5 domains, 28 questions\)$/m);
    });
  });
});
