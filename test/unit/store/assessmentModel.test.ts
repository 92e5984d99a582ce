import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { serializeAssessment } from '../../../src/core/assessment/serialize';
import { nodeFileIo } from '../../../src/store/fileIo';
import {
  answersOnDisk,
  assessment,
  eventually,
  filesIn,
  FRAMEWORK,
  loaded,
  openModel,
  read,
  tempDir,
  writeAssessment,
} from './helpers';

describe('the assessment file store', () => {
  let dir: string;
  let file: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    file = path.join(dir, '2026-03-01-test.json');
  });
  afterEach(() => cleanup());

  describe('loading', () => {
    it('reads the assessment and the framework it names', async () => {
      writeAssessment(file, assessment({ f1: { score: 3 } }));
      const { model } = openModel(file);
      await model.load();
      const state = loaded(model.state);
      assert.equal(state.framework.id, 'test');
      assert.deepEqual(state.assessment.answers, { f1: { score: 3 } });
    });

    it('reports a file that does not parse with its line and column', async () => {
      writeFileSync(file, '{\n  "version": 1\n  "title": "missing comma above"\n}\n');
      const { model } = openModel(file);
      await model.load();
      assert.equal(model.state.kind, 'error');
      const [problem] = model.state.problems;
      assert.ok(problem);
      assert.equal(problem.line, 3);
      assert.ok((problem.column ?? 0) > 1, `expected a column, got ${String(problem.column)}`);
    });

    it('names an unknown framework id in the error instead of guessing', async () => {
      writeAssessment(file, { ...assessment(), framework: { id: 'gone', version: '1' } });
      const { model } = openModel(file);
      await model.load();
      assert.equal(model.state.kind, 'error');
      assert.match(model.state.problems[0]!.message, /"gone"/);
    });

    it('says the file is missing when there is none', async () => {
      const { model } = openModel(file);
      await model.load();
      assert.equal(model.state.kind, 'missing');
    });
  });

  describe('saving answers', () => {
    it('shows an answer at once but writes it only after the debounce or a flush', async () => {
      const original = writeAssessment(file, assessment());
      const { model, io } = openModel(file);
      await model.load();
      model.setAnswer('f1', { score: 4 });
      assert.equal(loaded(model.state).assessment.answers['f1']?.score, 4);
      assert.equal(read(file), original);
      await model.flush();
      assert.equal(io.writes.length, 1);
      assert.deepEqual(answersOnDisk(file), { f1: { score: 4 } });
    });

    it('writes by itself once the debounce delay has passed', async () => {
      writeAssessment(file, assessment());
      const { model, io } = openModel(file, { delayMs: 20 });
      await model.load();
      model.setAnswer('c1', { notes: 'on call rota exists' });
      await eventually(() => io.writes.length === 1, 'the debounced write');
      assert.equal(answersOnDisk(file)['c1']?.notes, 'on call rota exists');
    });

    it('gathers answers given in quick succession into one write', async () => {
      writeAssessment(file, assessment());
      const { model, io } = openModel(file);
      await model.load();
      model.setAnswer('f1', { score: 2 });
      model.setAnswer('f2', { score: 5 });
      model.setAnswer('f1', { notes: 'weekly releases' });
      await model.flush();
      assert.equal(io.writes.length, 1);
      assert.deepEqual(answersOnDisk(file), {
        f1: { score: 2, notes: 'weekly releases' },
        f2: { score: 5 },
      });
    });

    it('writes the stable serialization, with updatedAt set to the moment of the answer', async () => {
      writeAssessment(file, assessment());
      const { model } = openModel(file);
      await model.load();
      model.setAnswer('f2', { score: 1 });
      await model.flush();
      const expected = { ...assessment({ f2: { score: 1 } }), updatedAt: '2026-03-02T10:30:00.000Z' };
      assert.equal(read(file), serializeAssessment(expected, FRAMEWORK));
    });

    it('neither writes nor bumps updatedAt when an answer is given again unchanged', async () => {
      const original = writeAssessment(file, assessment({ f1: { score: 3 } }));
      const { model, io, states } = openModel(file);
      await model.load();
      const published = states.length;
      model.setAnswer('f1', { score: 3 });
      await model.flush();
      assert.equal(io.writes.length, 0);
      assert.equal(states.length, published);
      assert.equal(read(file), original);
    });

    it('leaves a hand-formatted file byte for byte as it is when nothing was answered', async () => {
      const handFormatted = JSON.stringify(assessment({ c2: { score: 2 } }));
      writeFileSync(file, handFormatted);
      const { model, io } = openModel(file);
      await model.load();
      await model.dispose();
      assert.equal(io.writes.length, 0);
      assert.equal(read(file), handFormatted);
    });

    it('clears a score with null and drops an answer left empty', async () => {
      writeAssessment(file, assessment({ f1: { score: 3 }, f2: { score: 4, notes: 'keep me' } }));
      const { model } = openModel(file);
      await model.load();
      model.setAnswer('f1', { score: null });
      model.setAnswer('f2', { score: null });
      await model.flush();
      assert.deepEqual(answersOnDisk(file), { f2: { notes: 'keep me' } });
    });

    it('refuses an answer to a question the framework does not have', async () => {
      writeAssessment(file, assessment());
      const { model, io } = openModel(file);
      await model.load();
      const outcome = model.setAnswer('nope', { score: 2 });
      await model.flush();
      assert.equal(outcome.applied, false);
      assert.match(outcome.reason ?? '', /no question "nope"/);
      assert.equal(io.writes.length, 0);
    });

    it('refuses a score outside 0 to 5', async () => {
      writeAssessment(file, assessment());
      const { model } = openModel(file);
      await model.load();
      const outcome = model.setAnswer('f1', { score: 7 as 5 });
      assert.equal(outcome.applied, false);
      assert.equal(loaded(model.state).assessment.answers['f1'], undefined);
    });

    it('leaves no temporary file behind', async () => {
      writeAssessment(file, assessment());
      const { model } = openModel(file);
      await model.load();
      model.setAnswer('f1', { score: 1 });
      await model.flush();
      assert.deepEqual(filesIn(dir), [path.basename(file)]);
    });

    it('flushes pending answers when disposed', async () => {
      writeAssessment(file, assessment());
      const { model } = openModel(file);
      await model.load();
      model.setAnswer('c1', { score: 0 });
      await model.dispose();
      assert.deepEqual(answersOnDisk(file), { c1: { score: 0 } });
    });
  });

  describe('orphaned answers', () => {
    it('keeps answers to questions the framework no longer has when another answer is saved', async () => {
      writeAssessment(file, assessment({ retired: { score: 2, notes: 'old question' } }));
      const { model } = openModel(file);
      await model.load();
      model.setAnswer('f1', { score: 5 });
      await model.flush();
      assert.deepEqual(answersOnDisk(file), {
        f1: { score: 5 },
        retired: { score: 2, notes: 'old question' },
      });
    });

    it('lets an orphaned answer be removed', async () => {
      writeAssessment(file, assessment({ retired: { score: 2 } }));
      const { model } = openModel(file);
      await model.load();
      model.setAnswer('retired', { score: null });
      await model.flush();
      assert.deepEqual(answersOnDisk(file), {});
    });
  });

  describe('changes on disk', () => {
    it('reloads an external edit and publishes it', async () => {
      writeAssessment(file, assessment());
      const { model, states } = openModel(file);
      await model.load();
      writeAssessment(file, assessment({ c1: { score: 4 } }));
      await model.diskChanged();
      assert.equal(loaded(model.state).assessment.answers['c1']?.score, 4);
      assert.equal(states.length, 2);
    });

    it('ignores the watcher event caused by its own write', async () => {
      writeAssessment(file, assessment());
      const { model, states } = openModel(file);
      await model.load();
      model.setAnswer('f1', { score: 3 });
      await model.flush();
      const published = states.length;
      await model.diskChanged();
      assert.equal(states.length, published);
    });

    it('keeps an answer given just before an external edit and writes it over the edited file', async () => {
      writeAssessment(file, assessment());
      const { model } = openModel(file);
      await model.load();
      model.setAnswer('f1', { score: 2 });
      writeAssessment(file, assessment({ c2: { score: 5 } }));
      await model.diskChanged();
      assert.deepEqual(loaded(model.state).assessment.answers, { c2: { score: 5 }, f1: { score: 2 } });
      await model.flush();
      assert.deepEqual(answersOnDisk(file), { f1: { score: 2 }, c2: { score: 5 } });
    });

    it('merges an external edit the watcher has not reported yet instead of writing over it', async () => {
      writeAssessment(file, assessment());
      const { model } = openModel(file);
      await model.load();
      model.setAnswer('f3', { score: 1 });
      writeAssessment(file, assessment({ c1: { notes: 'from a pull' } }));
      await model.flush();
      assert.deepEqual(answersOnDisk(file), { f3: { score: 1 }, c1: { notes: 'from a pull' } });
    });
  });

  describe('a file that no longer parses', () => {
    it('is never written over, even with answers pending', async () => {
      writeAssessment(file, assessment());
      const { model, io } = openModel(file);
      await model.load();
      model.setAnswer('f1', { score: 4 });
      const broken = '{ "version": 1, <<<<<<< HEAD\n';
      writeFileSync(file, broken);
      await model.diskChanged();
      assert.equal(model.state.kind, 'error');
      assert.equal(model.setAnswer('f2', { score: 1 }).applied, false);
      await model.dispose();
      assert.equal(io.writes.length, 0);
      assert.equal(read(file), broken);
    });

    it('gets the pending answer once the file is fixed', async () => {
      writeAssessment(file, assessment());
      const { model } = openModel(file);
      await model.load();
      model.setAnswer('f1', { score: 4 });
      writeFileSync(file, '{ not json');
      await model.diskChanged();
      writeAssessment(file, assessment({ c1: { score: 1 } }));
      await model.diskChanged();
      assert.deepEqual(loaded(model.state).assessment.answers, { c1: { score: 1 }, f1: { score: 4 } });
      await model.flush();
      assert.deepEqual(answersOnDisk(file), { f1: { score: 4 }, c1: { score: 1 } });
    });

    it('is not written when its framework is unknown', async () => {
      const text = writeAssessment(file, {
        ...assessment({ f1: { score: 1 } }),
        framework: { id: 'custom', version: '2' },
      });
      const { model, io } = openModel(file);
      await model.load();
      model.setAnswer('f1', { score: 5 });
      await model.dispose();
      assert.equal(io.writes.length, 0);
      assert.equal(read(file), text);
    });
  });

  it('keeps answers pending when a write fails, and writes them on the next flush', async () => {
    writeAssessment(file, assessment());
    const failures: unknown[] = [];
    let failNext = true;
    const { model } = openModel(file, {
      onWriteError: (error) => failures.push(error),
      io: {
        read: (f) => nodeFileIo.read(f),
        async writeAtomic(f, text, root) {
          if (failNext) {
            failNext = false;
            throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          }
          await nodeFileIo.writeAtomic(f, text, root);
        },
      },
    });
    await model.load();
    model.setAnswer('f1', { score: 3 });
    await model.flush();
    assert.equal(failures.length, 1);
    assert.equal(model.dirty, true);
    await model.flush();
    assert.equal(model.dirty, false);
    assert.deepEqual(answersOnDisk(file), { f1: { score: 3 } });
  });
});
