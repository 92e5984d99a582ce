import * as assert from 'node:assert/strict';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { WriteRefused } from '../../../src/store/atomicWrite';
import { filesIn, loaded, openModel, tempDir } from '../store/helpers';

/** Lines of a file's bytes (split on LF, so a CR stays part of its line), as latin1 so every byte shows. */
const linesOf = (bytes: Buffer) => bytes.toString('latin1').split('\n');

function differingLines(before: Buffer, after: Buffer): string[] {
  const a = linesOf(before);
  const b = linesOf(after);
  assert.equal(b.length, a.length, 'no line was added or removed');
  return b.filter((line, i) => line !== a[i]);
}

const HAND_WRITTEN = [
  '{',
  '  "$schema": "https://example.org/s.json",',
  '  "version": 1,',
  '  "framework": { "id": "test", "version": "1.0.0" },',
  '  "title": "Platform team, spring",',
  '  "createdAt": "2026-03-01T09:00:00.000Z",',
  '  "updatedAt": "2026-03-01T09:00:00.000Z",',
  '  "__proto__": { "reviewedBy": "Ana" },',
  '  "constructor": "kept",',
  '  "answers": {',
  '    "f1": { "score": 2, "notes": "NOTES" },',
  '    "c1": { "score": 4, "constructor": 1 }',
  '  }',
  '}',
  '',
];

describe('saves keep what the user wrote', () => {
  let dir: string;
  let file: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    file = path.join(dir, 'a.json');
  });
  afterEach(() => cleanup());

  async function changeOneScore(bytes: Buffer): Promise<Buffer> {
    writeFileSync(file, bytes);
    const { model } = openModel(file, { root: dir });
    await model.load();
    loaded(model.state);
    assert.deepEqual(model.setAnswer('c1', { score: 5 }), { applied: true });
    await model.flush();
    return readFileSync(file);
  }

  it('keeps CRLF line endings, and changes only the answer and updatedAt lines', async () => {
    const before = Buffer.from(HAND_WRITTEN.join('\r\n').replace('NOTES', 'n'));
    const after = await changeOneScore(before);
    assert.deepEqual(differingLines(before, after), [
      '  "updatedAt": "2026-03-02T10:30:00.000Z",\r',
      '    "c1": { "score": 5, "constructor": 1 }\r',
    ]);
  });

  it('keeps hand-added "__proto__" and "constructor" keys where they were', async () => {
    const before = Buffer.from(HAND_WRITTEN.join('\n').replace('NOTES', 'n'));
    const text = (await changeOneScore(before)).toString('utf8');
    assert.match(text, /\n {2}"__proto__": \{ "reviewedBy": "Ana" \},\n {2}"constructor": "kept",\n/);
    assert.match(text, /"c1": \{ "score": 5, "constructor": 1 \}/);
  });

  it("keeps bytes that are not valid UTF-8 in another answer's notes", async () => {
    const [head, tail] = HAND_WRITTEN.join('\n').split('NOTES') as [string, string];
    const before = Buffer.concat([Buffer.from(head), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0xff]), Buffer.from(tail)]);
    const after = await changeOneScore(before);
    assert.ok(after.includes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0xff, 0x22])), 'the raw bytes are still there');
    assert.equal(differingLines(before, after).length, 2);
  });

  it("keeps the file's mode", async () => {
    writeFileSync(file, HAND_WRITTEN.join('\n'));
    chmodSync(file, 0o640);
    await changeOneScore(readFileSync(file));
    assert.equal(statSync(file).mode & 0o777, 0o640);
  });

  it('does not write a read-only file, says so, and keeps the answer pending', async () => {
    const before = Buffer.from(HAND_WRITTEN.join('\n'));
    writeFileSync(file, before);
    chmodSync(file, 0o444);
    const failures: unknown[] = [];
    const { model } = openModel(file, { root: dir, onWriteError: (error) => failures.push(error) });
    await model.load();
    model.setAnswer('c1', { score: 5 });
    await model.flush();
    assert.ok(failures[0] instanceof WriteRefused);
    assert.match(failures[0].message, /a\.json: the file is read-only\. Make it writable/);
    assert.deepEqual(readFileSync(file), before);
    assert.equal(statSync(file).mode & 0o777, 0o444);
    assert.equal(model.dirty, true);
    assert.deepEqual(filesIn(dir), ['a.json'], 'no temp file is left behind');
  });
});
