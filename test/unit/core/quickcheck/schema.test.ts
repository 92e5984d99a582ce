import * as assert from 'node:assert/strict';
import { assessmentSchema } from '../../../../src/core/assessment/schema';
import { isQuickCheck, quickCheckSchema } from '../../../../src/core/quickcheck/schema';

const file = {
  version: 1,
  framework: { id: 'dora-quick-check', version: '1' },
  title: 'Checkout team Quick Check',
  createdAt: '2026-11-29T10:00:00Z',
  updatedAt: '2026-11-29T10:02:00Z',
  benchmark: { edition: '2025', by: 'industry', group: 'all' },
  answers: {
    deploymentFrequency: {
      band: 4,
      measured: {
        source: 'git',
        value: '1.9 a week',
        summary: '25 deployments in 90 days',
        method: 'Deployments are tags matching ^v?\\d+\\.\\d+\\.\\d+$',
        suggested: 4,
      },
    },
    changeFailureRate: { percent: 12, notes: 'two rollbacks in October' },
  },
};

describe('a Quick Check assessment file', () => {
  it('is an assessment file like any other, with a benchmark and one answer per key metric', () => {
    assert.ok(assessmentSchema.safeParse(file).success);
    const parsed = quickCheckSchema.parse(file);
    assert.ok(isQuickCheck(parsed));
    assert.equal(parsed.answers.deploymentFrequency?.band, 4);
  });

  it('refuses a percentage for a band question, naming where', () => {
    const wrong = { ...file, answers: { leadTime: { percent: 40 } } };
    const result = quickCheckSchema.safeParse(wrong);
    assert.equal(result.success, false);
    assert.deepEqual(result.error.issues[0]?.path, ['answers', 'leadTime', 'percent']);
  });

  it('refuses a band outside 1–6 and a question it does not know', () => {
    assert.equal(quickCheckSchema.safeParse({ ...file, answers: { leadTime: { band: 7 } } }).success, false);
    assert.equal(quickCheckSchema.safeParse({ ...file, answers: { mttr: { band: 3 } } }).success, false);
  });
});
