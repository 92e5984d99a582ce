import * as assert from 'node:assert/strict';
import { assessmentSchema } from '../../../../src/core/assessment/schema';
import { loadAssessment } from '../../../../src/core/assessment/load';
import { BENCHMARK_KEY, patchAssessment } from '../../../../src/core/assessment/patch';
import { serializeAssessment } from '../../../../src/core/assessment/serialize';
import { frameworkSchema } from '../../../../src/core/framework/schema';
import { QUICK_CHECK_FRAMEWORK } from '../../../../src/core/quickcheck/framework';
import { isQuickCheck, newQuickCheck, quickCheckSchema } from '../../../../src/core/quickcheck/schema';

const file = {
  version: 1,
  framework: { id: 'dora-quick-check', version: '1' },
  title: 'Checkout team Quick Check',
  createdAt: '2026-11-29T10:00:00Z',
  updatedAt: '2026-11-29T10:02:00Z',
  benchmark: { edition: '2025', by: 'industry', group: 'all' },
  answers: {
    'deployment-frequency': {
      band: 4,
      measured: {
        source: 'git',
        value: '1.9 a week',
        summary: '25 deployments in 90 days',
        method: 'Deployments are tags matching ^v?\\d+\\.\\d+\\.\\d+$',
        suggested: 4,
      },
    },
    'change-failure-rate': { percent: 12, notes: 'two rollbacks in October' },
  },
};

describe('a Quick Check assessment file', () => {
  it('is an assessment file like any other, with a benchmark and one answer per key metric', () => {
    assert.ok(assessmentSchema.safeParse(file).success);
    const parsed = quickCheckSchema.parse(file);
    assert.ok(isQuickCheck(parsed));
    assert.equal(parsed.answers['deployment-frequency']?.band, 4);
  });

  it('refuses a percentage for a band question, naming where', () => {
    const wrong = { ...file, answers: { 'lead-time': { percent: 40 } } };
    const result = quickCheckSchema.safeParse(wrong);
    assert.equal(result.success, false);
    assert.deepEqual(result.error.issues[0]?.path, ['answers', 'lead-time', 'percent']);
  });

  it('refuses a band outside 1–6 and a question it does not know', () => {
    assert.equal(quickCheckSchema.safeParse({ ...file, answers: { 'lead-time': { band: 7 } } }).success, false);
    assert.equal(quickCheckSchema.safeParse({ ...file, answers: { mttr: { band: 3 } } }).success, false);
  });
});

describe('changing a Quick Check', () => {
  const quick = quickCheckSchema.parse(file);

  it('sets a band, a percent and the measurement through the one answer-patch rule', () => {
    const answered = patchAssessment(quick, 'lead-time', { band: 5 });
    assert.deepEqual(answered.answers['lead-time'], { band: 5 });
    const byHand = patchAssessment(answered, 'deployment-frequency', { band: 5, measured: null });
    assert.deepEqual(byHand.answers['deployment-frequency'], { band: 5 });
    const cleared = patchAssessment(byHand, 'change-failure-rate', { percent: null });
    assert.deepEqual(cleared.answers['change-failure-rate'], { notes: 'two rollbacks in October' });
  });

  it('keeps the benchmark choice as a field of the file, written in a fixed place', () => {
    const choice = { edition: '2024', by: 'organizationSize', group: 'fewer_than_100' } as const;
    const changed = patchAssessment(quick, BENCHMARK_KEY, { benchmark: choice });
    assert.deepEqual(quickCheckSchema.parse(changed).benchmark, choice);
    const text = serializeAssessment(changed, QUICK_CHECK_FRAMEWORK);
    assert.deepEqual(Object.keys(JSON.parse(text) as object), [
      'version',
      'framework',
      'title',
      'createdAt',
      'updatedAt',
      'benchmark',
      'answers',
    ]);
    assert.match(
      text,
      /"benchmark": \{\n {4}"edition": "2024",\n {4}"by": "organizationSize",\n {4}"group": "fewer_than_100"/,
    );
  });

  it('creates a new Quick Check compared with the 2025 benchmark of all industries', () => {
    const created = newQuickCheck({ title: ' Payments ', now: new Date('2026-11-29T10:00:00Z') });
    assert.deepEqual(created.benchmark, { edition: '2025', by: 'industry', group: 'all' });
    assert.equal(created.title, 'Payments');
    assert.ok(quickCheckSchema.safeParse(created).success);
  });
});

describe('the built-in Quick Check framework', () => {
  it('is a valid framework (it crosses the panel protocol like any other) with the five key metrics', () => {
    assert.ok(frameworkSchema.safeParse(QUICK_CHECK_FRAMEWORK).success);
    assert.deepEqual(
      QUICK_CHECK_FRAMEWORK.domains.flatMap((d) => d.questions.map((q) => q.id)),
      ['lead-time', 'deployment-frequency', 'recovery-time', 'change-failure-rate', 'rework-rate'],
    );
  });
});

describe('loading a Quick Check file', () => {
  it('points at an answer out of range, by line and column', () => {
    const text = JSON.stringify({ ...file, answers: { 'lead-time': { band: 9 } } }, null, 2);
    const result = loadAssessment(text, 'quick.json');
    assert.ok(!result.ok);
    const [problem] = result.problems;
    assert.ok(problem);
    assert.equal(problem.path, 'answers["lead-time"].band');
    assert.equal(problem.line, text.split('\n').findIndex((line) => line.includes('"band": 9')) + 1);
  });
});
