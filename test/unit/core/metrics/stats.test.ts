import * as assert from 'node:assert/strict';
import { median, percentileNearestRank, round2 } from '../../../../src/core/metrics/stats';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the input order', () => {
    assert.equal(median([9, 1, 5]), 5);
  });

  it('takes the mean of the two middle values of an even count', () => {
    assert.equal(median([30, 0, 12, 24]), 18);
  });

  it('is null for no values, so "no commits" never reads as zero hours', () => {
    assert.equal(median([]), null);
  });

  it('does not reorder the array it is given', () => {
    const values = [3, 1, 2];
    median(values);
    assert.deepEqual(values, [3, 1, 2]);
  });
});

describe('p90 (nearest rank)', () => {
  it('is the value at rank ⌈0.9 n⌉: the 9th of 10', () => {
    assert.equal(percentileNearestRank([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90), 9);
  });

  it('is the largest value when 0.9 n is not whole and rounds up to n', () => {
    assert.equal(percentileNearestRank([0, 6, 12, 24, 30, 48], 90), 48);
  });

  it('computes the rank without floating-point drift: p7 of 1..100 is 7, where (7 / 100) × 100 would round up to 8', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentileNearestRank(values, 7), 7);
    assert.equal(percentileNearestRank(values, 90), 90);
  });

  it('is the only value of a single value, and null of none', () => {
    assert.equal(percentileNearestRank([7], 90), 7);
    assert.equal(percentileNearestRank([], 90), null);
  });
});

describe('reported figures', () => {
  it('carry two decimals', () => {
    assert.equal(round2(16.666666), 16.67);
    assert.equal(round2(1.788888), 1.79);
  });
});
