import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isInside, resolveAssessmentsFolder } from '../../../src/workspace/paths';
import { checkFolderInside, WriteRefused } from '../../../src/store/atomicWrite';

describe('keeping writes inside the assessments folder', () => {
  const root = path.resolve('/work/space');

  it('resolves the assessments folder setting inside the workspace folder', () => {
    assert.deepEqual(resolveAssessmentsFolder(root, 'docs/assessments'), {
      ok: true,
      dir: path.join(root, 'docs/assessments'),
    });
    assert.deepEqual(resolveAssessmentsFolder(root, '  '), { ok: true, dir: path.join(root, '.dora') });
  });

  it('refuses a folder setting that climbs out of the workspace', () => {
    const result = resolveAssessmentsFolder(root, '../elsewhere');
    assert.equal(result.ok, false);
    assert.match(result.message, /outside the workspace folder/);
  });

  it('refuses an absolute folder setting', () => {
    assert.equal(resolveAssessmentsFolder(root, '/tmp').ok, false);
    assert.equal(resolveAssessmentsFolder(root, 'C:\\temp').ok, false);
  });

  it('tells a sibling folder with a common prefix from a subfolder', () => {
    assert.equal(isInside('/a/dora', '/a/dora/x.json'), true);
    assert.equal(isInside('/a/dora', '/a/dora-old/x.json'), false);
  });

  describe('with symbolic links', () => {
    let base: string;
    beforeEach(() => {
      base = mkdtempSync(path.join(tmpdir(), 'dora-paths-'));
      mkdirSync(path.join(base, 'ws', '.dora'), { recursive: true });
      mkdirSync(path.join(base, 'outside'));
      symlinkSync(path.join(base, 'outside'), path.join(base, 'ws', '.dora', 'link'));
    });
    afterEach(() => rmSync(base, { recursive: true, force: true }));

    it('accepts a folder that is really inside the workspace', async () => {
      await checkFolderInside(path.join(base, 'ws'), path.join(base, 'ws', '.dora'));
    });

    it('refuses a folder that is a link to somewhere else, naming both paths', async () => {
      await assert.rejects(
        checkFolderInside(path.join(base, 'ws'), path.join(base, 'ws', '.dora', 'link')),
        (error: unknown) => error instanceof WriteRefused && error.message.includes(path.join(base, 'outside')),
      );
    });
  });
});
