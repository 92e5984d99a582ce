import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { newAssessment, serializeAssessment } from '../../../src/core/assessment/serialize';
import type { Assessment } from '../../../src/core/assessment/schema';
import type { Framework } from '../../../src/core/framework/schema';
import type { AssessmentState } from '../../../src/contracts/seams';
import { AssessmentModel } from '../../../src/store/assessmentModel';
import type { AssessmentModelOptions } from '../../../src/store/assessmentModel';
import { nodeFileIo } from '../../../src/store/fileIo';
import type { FileIo } from '../../../src/store/fileIo';
import { framework, TWO_DOMAINS } from '../builders/framework';

export const FRAMEWORK: Framework = framework(TWO_DOMAINS, 'test');
export const CREATED = new Date('2026-03-01T09:00:00.000Z');

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dora-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function assessment(answers: Assessment['answers'] = {}): Assessment {
  return { ...newAssessment({ framework: FRAMEWORK, title: 'Platform team, spring', now: CREATED }), answers };
}

export function writeAssessment(file: string, value: Assessment): string {
  const text = serializeAssessment(value, FRAMEWORK);
  writeFileSync(file, text);
  return text;
}

export const read = (file: string) => readFileSync(file, 'utf8');
/** The answers as written to disk, read back as plain JSON. */
export const answersOnDisk = (file: string): Assessment['answers'] => (JSON.parse(read(file)) as Assessment).answers;
export const filesIn = (dir: string) => readdirSync(dir).sort();

/** The real file system, counting the writes that reach it. */
export function countingIo(): FileIo & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    read: (file) => nodeFileIo.read(file),
    async writeAtomic(file, data, root) {
      await nodeFileIo.writeAtomic(file, data, root);
      writes.push(Buffer.from(data).toString('utf8'));
    },
  };
}

/** A model over `file` that knows only the test framework, with every state it publishes recorded. */
export function openModel(file: string, options: Partial<AssessmentModelOptions> = {}) {
  const states: AssessmentState[] = [];
  const io = countingIo();
  const model = new AssessmentModel({
    file,
    io,
    delayMs: 10_000,
    now: () => new Date('2026-03-02T10:30:00.000Z'),
    resolveFramework: (id) =>
      Promise.resolve(
        id === FRAMEWORK.id
          ? { ok: true, framework: FRAMEWORK }
          : { ok: false, message: `framework "${id}" is not known` },
      ),
    onState: (state) => states.push(state),
    ...options,
  });
  return { model, states, io };
}

export function loaded(state: AssessmentState): Extract<AssessmentState, { kind: 'loaded' }> {
  if (state.kind !== 'loaded') throw new Error(`expected a loaded state, got ${JSON.stringify(state)}`);
  return state;
}

/** Resolves once `check` holds, polling; fails with `what` if it never does. */
export async function eventually(check: () => boolean, what: string, limitMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > limitMs) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
