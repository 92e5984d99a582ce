import * as assert from 'node:assert/strict';
import { changeFailureBand, frequencyBand, leadTimeBand, recoveryBand } from '../../../../src/core/metrics/bands';

describe('deployment frequency bands', () => {
  it('is Elite at one deployment a day on average or more', () => {
    assert.equal(frequencyBand(90, 90, true), 'Elite');
    assert.equal(frequencyBand(89, 90, true), 'High');
  });

  it('is High from weekly up to daily', () => {
    assert.equal(frequencyBand(1, 7, true), 'High');
    assert.equal(frequencyBand(12, 90, true), 'Medium');
    assert.equal(frequencyBand(13, 90, true), 'High');
  });

  it('is Medium from once in 30 days up to weekly, compared exactly (3 in 90 days is monthly)', () => {
    assert.equal(frequencyBand(3, 90, true), 'Medium');
    assert.equal(frequencyBand(2, 90, true), 'Low');
  });

  it('is Low with no deployment in the window, and null with no deployment in the history', () => {
    assert.equal(frequencyBand(0, 90, true), 'Low');
    assert.equal(frequencyBand(0, 90, false), null);
  });
});

describe('lead time bands', () => {
  it('puts each cut-off in the slower band: under a day, a week, 30 days', () => {
    assert.deepEqual([23.99, 24, 167.99, 168, 719.99, 720].map(leadTimeBand), [
      'Elite',
      'High',
      'High',
      'Medium',
      'Medium',
      'Low',
    ]);
    assert.equal(leadTimeBand(null), null);
  });
});

describe('change failure rate bands', () => {
  it('includes each cut-off in the better band: at most 5, 15, 30 percent', () => {
    assert.deepEqual([5, 5.01, 15, 15.01, 30, 30.01].map(changeFailureBand), [
      'Elite',
      'High',
      'High',
      'Medium',
      'Medium',
      'Low',
    ]);
    assert.equal(changeFailureBand(null), null);
  });
});

describe('recovery time bands', () => {
  it('puts each cut-off in the slower band: under an hour, a day, a week', () => {
    assert.deepEqual([0.99, 1, 23.99, 24, 167.99, 168].map(recoveryBand), [
      'Elite',
      'High',
      'High',
      'Medium',
      'Medium',
      'Low',
    ]);
    assert.equal(recoveryBand(null), null);
  });
});
