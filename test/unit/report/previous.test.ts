import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Assessment } from '../../../src/core/assessment/schema';
import { serializeAssessment } from '../../../src/core/assessment/serialize';
import { findPreviousAssessment } from '../../../src/report/previous';

function assessment(framework: string, updatedAt: string): Assessment {
  return {
    version: 1,
    framework: { id: framework, version: '1.0.0' },
    title: `${framework} ${updatedAt}`,
    createdAt: updatedAt,
    updatedAt,
    answers: {},
  };
}

function folder(files: Record<string, Assessment | string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dora-previous-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : serializeAssessment(content));
  return dir;
}

describe('finding the previous assessment', () => {
  it('takes the newest file of the same framework that was updated before this one', async () => {
    const current = assessment('dora', '2026-11-20T10:00:00Z');
    const dir = folder({
      'current.json': current,
      'older.json': assessment('dora', '2026-05-01T10:00:00Z'),
      'newest-older.json': assessment('dora', '2026-08-14T10:00:00Z'),
      'later.json': assessment('dora', '2026-12-01T10:00:00Z'),
      'other-framework.json': assessment('calms', '2026-11-01T10:00:00Z'),
    });
    assert.equal(
      path.basename((await findPreviousAssessment(path.join(dir, 'current.json'), current))?.file ?? ''),
      'newest-older.json',
    );
  });

  it('reads "older" from the files’ own dates, not from when they were written to disk', async () => {
    const current = assessment('dora', '2026-11-20T10:00:00Z');
    // Written after the current file, but its updatedAt is earlier.
    const dir = folder({ 'current.json': current });
    writeFileSync(path.join(dir, 'z-restored.json'), serializeAssessment(assessment('dora', '2026-02-01T00:00:00Z')));
    assert.equal(
      path.basename((await findPreviousAssessment(path.join(dir, 'current.json'), current))?.file ?? ''),
      'z-restored.json',
    );
  });

  it('compares instants, so a timestamp with an offset sorts where it belongs', async () => {
    const current = assessment('dora', '2026-11-20T10:00:00+02:00');
    const dir = folder({
      'current.json': current,
      'same-instant.json': assessment('dora', '2026-11-20T08:00:00Z'),
      'earlier.json': assessment('dora', '2026-11-20T07:59:00Z'),
    });
    assert.equal(
      path.basename((await findPreviousAssessment(path.join(dir, 'current.json'), current))?.file ?? ''),
      'earlier.json',
    );
  });

  it('passes over files that are not assessments', async () => {
    const current = assessment('dora', '2026-11-20T10:00:00Z');
    const dir = folder({
      'current.json': current,
      'settings.json': '{"editor": true}',
      'broken.json': '{ not json',
      'notes.md': '# hi',
    });
    assert.equal(await findPreviousAssessment(path.join(dir, 'current.json'), current), undefined);
  });

  it('finds nothing for the first assessment in a folder', async () => {
    const current = assessment('dora', '2026-11-20T10:00:00Z');
    const dir = folder({ 'current.json': current });
    assert.equal(await findPreviousAssessment(path.join(dir, 'current.json'), current), undefined);
  });
});
