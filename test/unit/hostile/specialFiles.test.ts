import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { serializeAssessment } from '../../../src/core/assessment/serialize';
import { loadCatalog, loadCatalogAsync } from '../../../src/frameworks/catalog';
import { findPreviousAssessment } from '../../../src/report/previous';
import { summariseFolder } from '../../../src/services/assessmentSummary';
import { readBounded, readBoundedSync } from '../../../src/store/boundedRead';
import { listFiles } from '../../../src/store/listFiles';
import { ensureCliBuilt, runCli } from '../cli/cliProcess';
import { assessment, FRAMEWORK } from '../store/helpers';

/**
 * A repository whose `.dora/` a stranger controls: links to /dev/zero and FIFOs named like assessments
 * and frameworks. Each must be refused or skipped at once, never read without a bound, never waited on.
 */
describe('hostile files: devices and pipes', function () {
  this.timeout(20_000);
  let root: string;
  let dora: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'dora-hostile-'));
    dora = path.join(root, '.dora');
    mkdirSync(path.join(dora, 'frameworks'), { recursive: true });
    symlinkSync('/dev/zero', path.join(dora, 'zzz.json'));
    symlinkSync('/dev/zero', path.join(dora, 'frameworks', 'x.yaml'));
    execFileSync('mkfifo', [path.join(dora, 'fifo.json')]);
    execFileSync('mkfifo', [path.join(dora, 'frameworks', 'fifo.yaml')]);
    writeFileSync(path.join(dora, 'real.json'), serializeAssessment(assessment({ f1: { score: 2 } }), FRAMEWORK));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a link to /dev/zero and a FIFO on open, with a clear message', async () => {
    for (const name of ['zzz.json', 'fifo.json']) {
      for (const read of [await readBounded(path.join(dora, name)), readBoundedSync(path.join(dora, name))]) {
        assert.equal(read.kind, 'error');
        assert.match(read.problem.message, /is not a regular file/);
      }
    }
  });

  it('skips them with a warning in a folder scan', async () => {
    const { files, skipped } = await listFiles(dora, (name) => name.endsWith('.json'));
    assert.deepEqual(
      files.map((f) => path.basename(f)),
      ['real.json'],
    );
    assert.deepEqual(skipped.map((p) => path.basename(p.file ?? '')).sort(), ['fifo.json', 'zzz.json']);
    assert.ok(skipped.every((p) => p.severity === 'warning' && /not a regular file/.test(p.message)));
  });

  it('lists the real assessment for the Assessments view and reports the others as skipped', async () => {
    const resolve = () => Promise.resolve({ ok: true as const, framework: FRAMEWORK });
    const { summaries, skipped } = await summariseFolder(dora, resolve);
    assert.deepEqual(
      summaries.map((s) => path.basename(s.file)),
      ['real.json'],
    );
    assert.equal(skipped.length, 2);
  });

  it('passes over them when looking for the previous assessment of a report', async () => {
    const current = { ...assessment(), updatedAt: '2027-01-01T00:00:00.000Z' };
    const previous = await findPreviousAssessment(path.join(dora, 'current.json'), current);
    assert.equal(path.basename(previous?.file ?? ''), 'real.json');
  });

  it('lists framework links to devices and pipes as frameworks that do not load, saying why', async () => {
    for (const entries of [
      loadCatalog([{ dir: path.join(dora, 'frameworks'), source: 'workspace' }]),
      await loadCatalogAsync([{ dir: path.join(dora, 'frameworks'), source: 'workspace' }]),
    ]) {
      assert.equal(entries.length, 2);
      for (const entry of entries) {
        assert.equal(entry.result.ok, false);
        assert.match(entry.result.problems[0]!.message, /not a regular file/);
      }
    }
  });

  it('the CLI refuses them in one line instead of reading forever', () => {
    ensureCliBuilt();
    for (const name of ['zzz.json', 'fifo.json']) {
      const run = runCli(['score', path.join(dora, name)], root);
      assert.equal(run.code, 1);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, /is not a regular file/);
    }
  });
});
