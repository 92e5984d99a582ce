import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadFramework } from '../../../src/core/framework/load';
import { loadCatalog } from '../../../src/frameworks/catalog';
import { fromSnapshot, readSnapshot, SNAPSHOT_FILE, snapshotText } from '../../../src/frameworks/snapshot';

const ROOT = path.resolve(__dirname, '../../..');
const BUNDLED = ['dora.yaml', 'calms.yaml'].map((name) => {
  const file = path.join(ROOT, 'frameworks', name);
  return { name, file, text: readFileSync(file, 'utf8') };
});

describe('the bundled frameworks snapshot (CLI start-up)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dora-snapshot-'));
    for (const { name, text } of BUNDLED) writeFileSync(path.join(dir, name), text);
    writeFileSync(path.join(dir, SNAPSHOT_FILE), snapshotText(BUNDLED));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives exactly what parsing the YAML gives, for every bundled framework', () => {
    const snapshot = readSnapshot(dir);
    for (const { file, text } of BUNDLED) {
      const parsed = loadFramework(text, file);
      assert.ok(parsed.ok);
      assert.deepStrictEqual(fromSnapshot(snapshot, file, text), { ok: true, value: parsed.value, warnings: [] });
    }
  });

  it('is not used for a framework whose text changed: that one is parsed, with its problems positioned', () => {
    const broken = BUNDLED[0]!.text.replace(/^id: .*$/m, 'id: [unclosed');
    writeFileSync(path.join(dir, 'dora.yaml'), broken);
    assert.equal(fromSnapshot(readSnapshot(dir), path.join(dir, 'dora.yaml'), broken), undefined);
    const [dora, calms] = loadCatalog([{ dir, source: 'bundled' }]);
    assert.ok(dora && !dora.result.ok);
    assert.ok(dora.result.problems.some((p) => p.line !== undefined && p.file === path.join(dir, 'dora.yaml')));
    assert.ok(calms?.result.ok);
  });

  it('is ignored when missing, unreadable or of another version, and the YAML is parsed instead', () => {
    writeFileSync(path.join(dir, SNAPSHOT_FILE), '{"version": 1, "frameworks":');
    assert.equal(readSnapshot(dir), null);
    writeFileSync(path.join(dir, SNAPSHOT_FILE), '{"version": 0, "frameworks": {}}');
    assert.equal(readSnapshot(dir), null);
    rmSync(path.join(dir, SNAPSHOT_FILE));
    assert.equal(readSnapshot(dir), null);
    const entries = loadCatalog([{ dir, source: 'bundled' }]);
    assert.deepEqual(
      entries.map((e) => e.result.ok && e.result.value.id),
      ['dora', 'calms'],
    );
  });

  it('is never read for workspace frameworks, which are always parsed', () => {
    const edited = BUNDLED[1]!.text.replace(/^name: .*$/m, 'name: Edited CALMS');
    writeFileSync(path.join(dir, 'calms.yaml'), edited);
    const [, calms] = loadCatalog([{ dir, source: 'workspace' }]);
    assert.ok(calms?.result.ok);
    assert.equal(calms.result.value.name, 'Edited CALMS');
  });
});
