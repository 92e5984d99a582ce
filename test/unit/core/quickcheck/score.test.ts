import * as assert from 'node:assert/strict';
import { benchmarkFor, benchmarkGroups, EDITIONS, BENCHMARK_KINDS } from '../../../../src/core/quickcheck/benchmarks';
import { metricScore, scoreQuickCheck } from '../../../../src/core/quickcheck/score';
import type { QuickCheckResult } from '../../../../src/core/quickcheck/score';
import type { MetricId } from '../../../../src/core/vocabulary/metrics';

const near = (actual: number | undefined, expected: number, message?: string) =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${message ?? ''} ${actual} ≠ ${expected}`);
const metric = (result: QuickCheckResult, id: MetricId) => result.metrics.find((m) => m.id === id)!;

describe('Quick Check scoring, as DORA’s Quick Check computes it', () => {
  it('maps a band 1…6 to 0…10 and a percentage 0…100 to 10…0', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((band) => metricScore('leadTime', band)),
      [0, 2, 4, 6, 8, 10],
    );
    assert.deepEqual(
      [0, 10, 25, 100].map((percent) => metricScore('changeFailureRate', percent)),
      [10, 9, 7.5, 0],
    );
  });

  it('scores a full 2025 answer set against all industries', () => {
    const result = scoreQuickCheck(
      {
        'lead-time': { band: 5 },
        'deployment-frequency': { band: 4 },
        'recovery-time': { band: 5 },
        'change-failure-rate': { percent: 10 },
        'rework-rate': { percent: 20 },
      },
      { edition: '2025', by: 'industry', group: 'all' },
    );
    // 8, 6, 8 for the bands; 10 − 1 and 10 − 2 for the percentages.
    assert.deepEqual(
      result.metrics.map((m) => m.score),
      [8, 6, 8, 9, 8],
    );
    near(result.overall, 7.8);
    near(result.throughput, 22 / 3);
    near(result.instability, 1.5);
    assert.equal(result.answered, 5);
    assert.equal(result.total, 5);
    assert.equal(result.provisional, false);
    // Lead time 8 is above 5.5 + 2.4; the rest lie within one sd of their means.
    assert.deepEqual(
      result.metrics.map((m) => m.position),
      ['above', 'within', 'within', 'within', 'within'],
    );
    // Change failure (stored 1.9) and rework (2.2) are read as 10 − mean.
    assert.deepEqual(metric(result, 'changeFailureRate').benchmark, { mean: 8.1, std: 2.1 });
    assert.deepEqual(metric(result, 'reworkRate').benchmark, { mean: 7.8, std: 2.2 });
    near(result.benchmark.overall.mean, (5.5 + 4.8 + 7.4 + 8.1 + 7.8) / 5);
    assert.equal(result.overallPosition, 'within');
    assert.deepEqual(result.benchmark.throughput, { mean: 6.0, std: 2.1 });
    assert.deepEqual(result.benchmark.instability, { mean: 2.1, std: 2.0 });
    assert.deepEqual(
      result.metrics.map((m) => m.cluster2024),
      ['Elite', 'High', 'High', 'High', null],
    );
  });

  it('reads the 2025 organisation-size recovery time the right way round (stored as 10 − mean)', () => {
    const result = scoreQuickCheck(
      { 'recovery-time': { band: 2 }, 'lead-time': { band: 3 }, 'deployment-frequency': { band: 3 } },
      { edition: '2025', by: 'organizationSize', group: 'fewer_than_100' },
    );
    assert.equal(result.benchmark.name, '20 to 99 employees');
    assert.deepEqual(metric(result, 'recoveryTime').benchmark, { mean: 7.6, std: 1.9 });
    assert.equal(metric(result, 'recoveryTime').score, 2);
    assert.equal(metric(result, 'recoveryTime').position, 'below');
    near(result.benchmark.overall.mean, (5.8 + 4.4 + 7.6 + 8.3 + 7.7) / 5);
    near(result.overall, (4 + 4 + 2) / 3);
    assert.equal(result.instability, undefined);
    assert.equal(result.provisional, false, '3 of 5 is at least half');
  });

  it('scores 2024 on its four metrics: rework rate is shown but neither benchmarked nor averaged', () => {
    const result = scoreQuickCheck(
      {
        'lead-time': { band: 6 },
        'deployment-frequency': { band: 6 },
        'recovery-time': { band: 6 },
        'change-failure-rate': { percent: 0 },
        'rework-rate': { percent: 50 },
      },
      { edition: '2024', by: 'industry', group: 'technology' },
    );
    assert.equal(result.total, 4);
    assert.equal(result.answered, 4);
    near(result.overall, 10);
    near(result.instability, 0);
    assert.equal(metric(result, 'reworkRate').score, 5);
    assert.equal(metric(result, 'reworkRate').inEdition, false);
    assert.equal(metric(result, 'reworkRate').benchmark, undefined);
    assert.deepEqual(metric(result, 'changeFailureRate').benchmark, { mean: 8.4, std: 1.9 });
    near(result.benchmark.overall.mean, (5.4 + 5.5 + 8.4 + 7.7) / 4);
    assert.equal(result.benchmark.throughput, null, '2024 published no throughput figure');
  });

  it('marks a figure from less than half of its questions provisional (2024, organisation size)', () => {
    const result = scoreQuickCheck(
      { 'lead-time': { band: 3 } },
      { edition: '2024', by: 'organizationSize', group: 'fewer_than_00002' },
    );
    assert.equal(result.benchmark.name, 'Just me - I am a freelancer or sole proprietor');
    assert.deepEqual(metric(result, 'changeFailureRate').benchmark, { mean: 6.3, std: 3.3 });
    assert.deepEqual(metric(result, 'recoveryTime').benchmark, { mean: 5.3, std: 3.6 });
    near(result.overall, 4);
    assert.equal(result.answered, 1);
    assert.equal(result.provisional, true);
  });

  it('falls back to the edition’s "all" when the group is not in that edition', () => {
    const result = scoreQuickCheck({}, { edition: '2025', by: 'organizationSize', group: 'fewer_than_00002' });
    assert.equal(result.benchmark.name, 'All organizations');
    assert.equal(result.overall, undefined);
    assert.equal(result.provisional, true);
  });
});

describe('Quick Check benchmark data', () => {
  it('lists "all" first in every benchmark', () => {
    for (const edition of EDITIONS)
      for (const by of BENCHMARK_KINDS) assert.equal(benchmarkGroups(edition, by)[0]?.id, 'all');
  });

  it('agrees with itself in 2025: throughput and instability match their metrics once oriented', () => {
    for (const by of BENCHMARK_KINDS)
      for (const { id } of benchmarkGroups('2025', by)) {
        const b = benchmarkFor({ edition: '2025', by, group: id })!;
        const m = b.metrics;
        const throughput = (m.leadTime!.mean + m.deploymentFrequency!.mean + m.recoveryTime!.mean) / 3;
        const instability = 10 - (m.changeFailureRate!.mean + m.reworkRate!.mean) / 2;
        assert.ok(Math.abs(throughput - b.throughput!.mean) < 0.35, `${by}/${id} throughput ${throughput}`);
        assert.ok(Math.abs(instability - b.instability!.mean) < 0.35, `${by}/${id} instability ${instability}`);
      }
  });
});
