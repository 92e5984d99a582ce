import * as assert from 'node:assert/strict';
import { evidenceSchema } from '../../../../src/core/assessment/schema';
import { computeMetrics } from '../../../../src/core/metrics/compute';
import { suggestionsFor } from '../../../../src/core/metrics/suggestions';
import { chain, historyOf } from './graphFixture';
import { ALL_MEASURES, suggestingFramework } from './suggestFramework';

const options = {
  until: new Date('2024-03-20T00:00:00Z'),
  days: 28,
  clock: 'author',
  failureDays: 7,
  // Too few releases for a cadence: this team names its patch releases hotfixes.
  hotfixPattern: String.raw`^v?\d+\.\d+\.[1-9]\d*$`,
} as const;

// Five releases in four weeks on four days; v1.2.1 hotfixes v1.2.0 18 hours later.
const history = historyOf(
  chain([
    { id: 'a', at: '2024-03-01T00:00:00Z' },
    { id: 'b', at: '2024-03-04T00:00:00Z' },
    { id: 'c', at: '2024-03-08T00:00:00Z' },
    { id: 'd', at: '2024-03-09T00:00:00Z' },
    { id: 'e', at: '2024-03-15T00:00:00Z' },
  ]),
  [
    { name: 'v1.0.0', commit: 'a', at: '2024-03-02T00:00:00Z' },
    { name: 'v1.1.0', commit: 'b', at: '2024-03-05T00:00:00Z' },
    { name: 'v1.2.0', commit: 'c', at: '2024-03-09T00:00:00Z' },
    { name: 'v1.2.1', commit: 'd', at: '2024-03-09T18:00:00Z' },
    { name: 'v1.3.0', commit: 'e', at: '2024-03-15T06:00:00Z' },
  ],
);
const result = computeMetrics(history, options);
const byQuestion = () =>
  Object.fromEntries(suggestionsFor(suggestingFramework(ALL_MEASURES), result).map((s) => [s.questionId, s]));

describe('suggested scores', () => {
  it('scores every question bound to a measured figure through its own thresholds', () => {
    // 5 per 4 weeks = 1.25/week; 4 days = 1/week; lead times 24, 24, 24, 18, 6 h; 1 of 5 failed (20 %); recovery 18 h.
    const scores = Object.fromEntries(Object.entries(byQuestion()).map(([id, s]) => [id, [s.evidence.value, s.score]]));
    assert.deepEqual(scores, {
      'df-count': [1.25, 4],
      'df-days': [1, 4],
      'lt-median': [24, 5],
      'lt-p90': [24, 5],
      cfr: [20, 3],
      rework: [20, 3],
      mttr: [18, 4],
    });
  });

  it('suggests nothing for a question without a suggest block', () => {
    assert.equal(byQuestion()['by-hand'], undefined);
  });

  it('keeps evidence the assessment file accepts, marking heuristic figures as such', () => {
    for (const suggestion of Object.values(byQuestion())) {
      assert.equal(evidenceSchema.safeParse(suggestion.evidence).success, true, suggestion.questionId);
      assert.equal(suggestion.evidence.suggestedScore, suggestion.score);
      assert.equal(
        suggestion.evidence.heuristic === true,
        ['cfr', 'rework', 'mttr'].includes(suggestion.questionId),
        suggestion.questionId,
      );
    }
  });

  it('says in one line what was measured, from where, and which threshold gave the score', () => {
    const frequency = byQuestion()['df-count']!;
    assert.equal(
      frequency.evidence.summary,
      '5 deployments in 28 days (tags matching ^v?\\d+\\.\\d+\\.\\d+$), 1.25 per week',
    );
    assert.equal(
      frequency.reason,
      '5 deployments in 28 days (tags matching ^v?\\d+\\.\\d+\\.\\d+$), 1.25 per week; 1.25 ≥ 1 gives score 4.',
    );
    assert.deepEqual(frequency.evidence.window, result.window);
    assert.match(byQuestion()['cfr']!.reason, /\(heuristic\)\.$/);
  });

  it('follows the thresholds of the YAML, not fixed bands', () => {
    const strict = suggestingFramework([
      {
        id: 'df',
        metric: 'deploymentFrequency',
        measure: 'deploymentsPerWeek',
        thresholds: [{ score: 2, atLeast: 0 }],
      },
    ]);
    assert.deepEqual(
      suggestionsFor(strict, result).map((s) => s.score),
      [2],
    );
  });

  it('suggests nothing when no threshold holds', () => {
    const none = suggestingFramework([
      {
        id: 'df',
        metric: 'deploymentFrequency',
        measure: 'deploymentsPerWeek',
        thresholds: [{ score: 5, atLeast: 100 }],
      },
    ]);
    assert.deepEqual(suggestionsFor(none, result), []);
  });

  it('suggests nothing from a figure there is no data for', () => {
    const empty = computeMetrics(historyOf([{ id: 'a', at: '2024-03-01T00:00:00Z' }], []), options);
    assert.deepEqual(suggestionsFor(suggestingFramework(ALL_MEASURES), empty), []);
  });
});
