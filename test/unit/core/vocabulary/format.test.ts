import * as assert from 'node:assert/strict';
import { formatDuration, formatNumber, formatPercent, formatPerWeek } from '../../../../src/core/vocabulary/format';

describe('the one number vocabulary', () => {
  it('trims trailing zeros and never prints a negative zero', () => {
    assert.equal(formatNumber(2.5), '2.5');
    assert.equal(formatNumber(3), '3');
    assert.equal(formatNumber(23.32), '23.3');
    assert.equal(formatNumber(-0.01), '0');
  });

  it('writes percentages without a space, and a dash when there is no figure', () => {
    assert.equal(formatPercent(8), '8%');
    assert.equal(formatPercent(12.46), '12.5%');
    assert.equal(formatPercent(null), '—');
    assert.equal(formatPercent(Number.NaN), '—');
  });

  it('says durations as people say them', () => {
    assert.equal(formatDuration(0.75), '45 min');
    assert.equal(formatDuration(23.32), '23.3 h');
    assert.equal(formatDuration(24 * 3.2), '3.2 days');
    assert.equal(formatDuration(null), '—');
    assert.equal(formatDuration(Number.POSITIVE_INFINITY), '—');
  });

  it('writes rates per week', () => {
    assert.equal(formatPerWeek(1.944), '1.9 a week');
  });
});
