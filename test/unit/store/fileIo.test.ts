import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../../src/store/atomicWrite';
import { nodeFileIo } from '../../../src/store/fileIo';
import { filesIn, read, tempDir } from './helpers';

describe('file access for the store', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('replaces a file whole through a temporary file, leaving only the target', async () => {
    const file = path.join(dir, 'a.json');
    writeFileSync(file, 'old\n');
    await writeFileAtomic(file, 'new\n', { root: dir });
    assert.equal(read(file), 'new\n');
    assert.deepEqual(filesIn(dir), ['a.json']);
  });

  it('leaves nothing behind when the write cannot happen', async () => {
    await assert.rejects(writeFileAtomic(path.join(dir, 'no-such-folder', 'a.json'), 'x', { root: dir }));
    assert.deepEqual(filesIn(dir), []);
  });

  it('tells a missing file from an unreadable one', async () => {
    assert.deepEqual(await nodeFileIo.read(path.join(dir, 'none.json')), { kind: 'missing' });
    const outcome = await nodeFileIo.read(dir);
    assert.equal(outcome.kind, 'error');
  });
});
