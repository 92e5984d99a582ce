import * as assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { serializeAssessment } from '../../../src/core/assessment/serialize';
import { ReportError, writeReport } from '../../../src/report/writeReport';
import { cleanStaleTemps, WriteRefused, writeFileAtomic } from '../../../src/store/atomicWrite';
import { ensureCliBuilt, runCli } from '../cli/cliProcess';
import { fixtureAssessment, fixtureFramework } from '../core/report/fixtures';
import { assessment, FRAMEWORK, openModel } from '../store/helpers';

/** Symlinks planted in a repository to carry a write outside the workspace. */
describe('hostile files: writes stay inside the workspace', () => {
  let base: string;
  let ws: string;
  let outside: string;
  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'dora-escape-'));
    ws = path.join(base, 'ws');
    outside = path.join(base, 'outside');
    mkdirSync(path.join(ws, '.dora'), { recursive: true });
    mkdirSync(outside);
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('refuses a report when .dora/reports links outside, naming the path', async () => {
    const file = path.join(ws, '.dora', 'a.json');
    writeFileSync(file, serializeAssessment(fixtureAssessment('complete')));
    symlinkSync(outside, path.join(ws, '.dora', 'reports'));
    await assert.rejects(
      writeReport({
        assessmentFile: file,
        assessment: fixtureAssessment('complete'),
        framework: fixtureFramework(),
        previous: null,
        root: ws,
      }),
      (error: unknown) => error instanceof ReportError && error.message.includes(`it is ${outside}`),
    );
    assert.deepEqual(readdirSync(outside), []);
  });

  it('refuses to save an assessment whose .dora is a link to a folder outside the workspace', async () => {
    rmSync(path.join(ws, '.dora'), { recursive: true });
    symlinkSync(outside, path.join(ws, '.dora'));
    const file = path.join(ws, '.dora', 'a.json');
    const text = serializeAssessment(assessment(), FRAMEWORK);
    writeFileSync(file, text);
    const failures: unknown[] = [];
    const { model } = openModel(file, { root: ws, onWriteError: (error) => failures.push(error) });
    await model.load();
    model.setAnswer('f1', { score: 3 });
    await model.flush();
    assert.ok(failures[0] instanceof WriteRefused, String(failures[0]));
    assert.match(failures[0].message, /leads outside/);
    assert.equal(readFileSync(path.join(outside, 'a.json'), 'utf8'), text);
  });

  it('never writes through a link at the target, nor through links at predictable temp names', async () => {
    const target = path.join(ws, '.dora', 'r.md');
    const victim = path.join(outside, 'victim.txt');
    writeFileSync(victim, 'untouched');
    // The names the old writers used: `<name>.<pid>.tmp` and `.<name>.<pid>.<hex>.tmp`.
    symlinkSync(victim, `${target}.${process.pid}.tmp`);
    await writeFileAtomic(target, 'report', { root: ws });
    assert.equal(readFileSync(target, 'utf8'), 'report');
    assert.equal(readFileSync(victim, 'utf8'), 'untouched');
    const link = path.join(ws, '.dora', 'link.md');
    symlinkSync(victim, link);
    await assert.rejects(writeFileAtomic(link, 'x', { root: ws }), /link\.md: it is a symbolic link/);
    assert.equal(readFileSync(victim, 'utf8'), 'untouched');
  });

  it('the CLI does not create the target of a dangling link given to new -o', () => {
    ensureCliBuilt();
    const target = path.join(outside, 'created.json');
    symlinkSync(target, path.join(ws, 'new.json'));
    for (const args of [[], ['--force']]) {
      const run = runCli(['new', '--framework', 'dora', '-o', 'new.json', ...args], ws);
      assert.notEqual(run.code, 0);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    }
    assert.equal(existsSync(target), false);
  });

  it("removes this product's temp files once they are a minute old, and nothing else", async () => {
    const dir = path.join(ws, '.dora');
    const stale = path.join(dir, `.a.json.${'ab'.repeat(12)}.dora-tmp`);
    const fresh = path.join(dir, `.b.json.${'cd'.repeat(12)}.dora-tmp`);
    const other = path.join(dir, '.c.json.tmp');
    for (const file of [stale, fresh, other]) writeFileSync(file, 'x');
    const old = new Date(Date.now() - 120_000);
    utimesSync(stale, old, old);
    utimesSync(other, old, old);
    assert.equal(await cleanStaleTemps(dir), 1);
    assert.deepEqual(readdirSync(dir).sort(), ['.b.json.cdcdcdcdcdcdcdcdcdcdcdcd.dora-tmp', '.c.json.tmp']);
    assert.ok(existsSync(fresh));
  });
});
