import * as assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { newestFirst, scoreText, summariseFolder } from '../../../src/services/assessmentSummary';
import type { Resolve, SummaryCache } from '../../../src/services/assessmentSummary';
import { QUICK_CHECK_FRAMEWORK } from '../../../src/core/quickcheck/framework';
import { newQuickCheck } from '../../../src/core/quickcheck/schema';
import { assessment, FRAMEWORK, tempDir, writeAssessment } from '../store/helpers';

const resolve: Resolve = async (_file, a) =>
  Promise.resolve(
    a.framework.id === FRAMEWORK.id
      ? { ok: true, framework: FRAMEWORK }
      : { ok: false, message: `framework "${a.framework.id}" is not known` },
  );

/** The host's catalogue finds the built-in Quick Check by id; so does this stand-in. */
const resolveWithQuickCheck: Resolve = async (file, a) =>
  a.framework.id === QUICK_CHECK_FRAMEWORK.id ? { ok: true, framework: QUICK_CHECK_FRAMEWORK } : resolve(file, a);

describe('listing assessments', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('summarises each file with its score and level, newest first', async () => {
    writeAssessment(path.join(dir, 'a.json'), {
      ...assessment({ f1: { score: 5 }, c1: { score: 5 } }),
      title: 'Spring',
      updatedAt: '2026-04-01T00:00:00Z',
    });
    writeAssessment(path.join(dir, 'b.json'), {
      ...assessment({ f1: { score: 1 } }),
      title: 'Summer',
      updatedAt: '2026-07-01T00:00:00Z',
    });
    const list = (await summariseFolder(dir, resolve)).summaries.sort(newestFirst);
    assert.deepEqual(
      list.map((s) => [s.title, scoreText(s)]),
      [
        ['Summer', 'Maturity 0% L1 (provisional)'],
        ['Spring', 'Maturity 100% L5 (provisional)'],
      ],
    );
  });

  it('lists a file that does not load, saying so, instead of hiding it', async () => {
    writeFileSync(path.join(dir, 'broken.json'), '{ "version": 1,');
    const [summary] = (await summariseFolder(dir, resolve)).summaries;
    assert.equal(summary?.title, 'broken.json');
    assert.ok(summary);
    assert.equal(scoreText(summary), 'does not load');
    assert.match(summary.problem ?? '', /not valid JSON/);
  });

  it('says when nothing is scored yet, with how much is answered', async () => {
    writeAssessment(path.join(dir, 'new.json'), assessment({ f1: { score: 0 } }));
    const [summary] = (await summariseFolder(dir, resolve)).summaries;
    assert.equal(scoreText(summary!), 'Maturity: not scored yet (1/5)');
  });

  it('names a Quick Check’s figure as delivery performance, never as a practice percentage', async () => {
    writeAssessment(path.join(dir, 'quick.json'), {
      ...newQuickCheck({ title: 'Quick', now: new Date('2026-11-29T10:00:00Z') }),
      answers: {
        'lead-time': { band: 5 },
        'deployment-frequency': { band: 4 },
        'change-failure-rate': { percent: 10 },
      },
    });
    const [summary] = (await summariseFolder(dir, resolveWithQuickCheck)).summaries;
    assert.equal(scoreText(summary!), 'Delivery 7.7/10');
    assert.equal(summary?.figure?.name, 'Delivery performance');
  });

  it('skips folders, temporary files and other file types', async () => {
    mkdirSync(path.join(dir, 'frameworks.json'));
    writeFileSync(path.join(dir, '.a.json.123.tmp'), '{}');
    writeFileSync(path.join(dir, '.hidden.json'), '{}');
    writeFileSync(path.join(dir, 'notes.md'), '# notes');
    assert.deepEqual((await summariseFolder(dir, resolve)).summaries, []);
  });

  it('returns nothing for a folder that does not exist', async () => {
    assert.deepEqual((await summariseFolder(path.join(dir, 'missing'), resolve)).summaries, []);
  });

  it('re-reads only files whose modification time or size changed', async () => {
    const file = path.join(dir, 'a.json');
    writeAssessment(file, { ...assessment({ f1: { score: 5 } }), title: 'First' });
    const cache: SummaryCache = new Map();
    await summariseFolder(dir, resolve, cache);
    const first = cache.get(file);
    await summariseFolder(dir, resolve, cache);
    assert.equal(cache.get(file), first, 'an unchanged file is not parsed again');
    writeAssessment(file, { ...assessment({ f1: { score: 5 } }), title: 'Second, longer' });
    const [summary] = (await summariseFolder(dir, resolve, cache)).summaries;
    assert.equal(summary?.title, 'Second, longer');
  });
});
