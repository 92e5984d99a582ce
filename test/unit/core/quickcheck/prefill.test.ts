import * as assert from 'node:assert/strict';
import type { MetricsResult } from '../../../../src/core/metrics/result';
import { quickCheckSuggestions } from '../../../../src/core/quickcheck/prefill';
import { durationBand, frequencyBandAnswer } from '../../../../src/core/quickcheck/questions';

/** A quarter of a team that tags releases about twice a week. */
const measured: MetricsResult = {
  window: { since: '2026-08-31T00:00:00Z', until: '2026-11-29T00:00:00Z', days: 90 },
  deployments: {
    count: 25,
    perWeek: 25 / (90 / 7),
    deployDaysPerWeek: 1.9,
    band: 'High',
    source: 'tags',
    pattern: '^v?\\d+\\.\\d+\\.\\d+$',
    method: 'Deployments are tags matching ^v?\\d+\\.\\d+\\.\\d+$.',
  },
  leadTime: { commits: 140, medianHours: 18.5, p90Hours: 100, band: 'Elite', clock: 'author', method: 'median' },
  changeFailure: {
    heuristic: true,
    rule: 'reverts and hotfixes',
    deployments: 25,
    failed: 3,
    percent: 12,
    band: 'High',
  },
  recovery: { heuristic: true, rule: 'time to fix', incidents: 0, medianHours: null, band: null },
  rework: { heuristic: true, rule: 'hotfix deployments', deployments: 25, rework: 2, percent: 8 },
  suggestions: [],
  warnings: [],
};

describe('Quick Check answers suggested from git', () => {
  it('speaks plainly in the chip and keeps the pattern for "How this was measured"', () => {
    const suggestions = quickCheckSuggestions(measured);
    const frequency = suggestions.find((s) => s.id === 'deploymentFrequency');
    assert.ok(frequency);
    assert.equal(frequency.value, 4);
    assert.equal(frequency.chip, 'About 2 releases a week (25 in 90 days) → Between once a day and once a week');
    assert.ok(!frequency.chip.includes('^v?'), 'no regex in the chip');
    assert.match(frequency.measured.method, /tags matching/);
    assert.equal(frequency.measured.value, '1.9 a week');
  });

  it('suggests the band of the median lead time and whole percentages, and nothing where git measured nothing', () => {
    const byId = new Map(quickCheckSuggestions(measured).map((s) => [s.id, s.value]));
    assert.equal(byId.get('leadTime'), 5);
    assert.equal(byId.get('changeFailureRate'), 12);
    assert.equal(byId.get('reworkRate'), 8);
    assert.equal(byId.has('recoveryTime'), false);
  });

  it('cuts bands at an hour, a day, a week, a month and six months', () => {
    assert.deepEqual(
      [0.5, 1, 23.9, 24, 167, 168, 719, 720, 4379, 4380].map(durationBand),
      [6, 5, 5, 4, 4, 3, 3, 2, 2, 1],
    );
    assert.deepEqual(
      [
        [180, 90],
        [90, 90],
        [13, 90],
        [3, 90],
        [1, 90],
        [1, 365],
      ].map(([count, days]) => frequencyBandAnswer(count!, days!)),
      [6, 5, 4, 3, 2, 1],
    );
  });
});
