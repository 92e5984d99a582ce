import * as assert from 'node:assert/strict';
import { firstWorkingDay, reportDate, workingDaysEnd } from '../../../../src/core/report/dates';

describe('report dates', () => {
  describe('the report date', () => {
    it('is the calendar day written in the timestamp, whatever its offset', () => {
      assert.equal(reportDate('2026-11-22T23:30:00-05:00'), '2026-11-22');
      assert.equal(reportDate('2026-11-22T00:30:00+09:00'), '2026-11-22');
      assert.equal(reportDate('2026-11-22T10:00:00.000Z'), '2026-11-22');
    });

    it('falls back to the UTC day for a timestamp that does not start with a date', () => {
      assert.equal(reportDate('Sun, 22 Nov 2026 10:00:00 GMT'), '2026-11-22');
    });
  });

  describe('working days', () => {
    it('is ready the morning after the last working day, skipping the weekend in between', () => {
      // Friday 20 November + 5 working days: Fri 20, Mon 23 … Thu 26; ready on Friday 27.
      assert.equal(workingDaysEnd('2026-11-20', 5), '2026-11-27');
      // Monday + 5: the whole week; ready the next Monday (the weekend is skipped).
      assert.equal(workingDaysEnd('2026-11-23', 5), '2026-11-30');
      // Monday + 4: ready on Friday.
      assert.equal(workingDaysEnd('2026-11-23', 4), '2026-11-27');
      assert.equal(workingDaysEnd('2026-11-23', 10), '2026-12-07');
    });

    it('crosses months and years', () => {
      assert.equal(workingDaysEnd('2026-12-30', 3), '2027-01-04');
      assert.equal(workingDaysEnd('2028-02-28', 2), '2028-03-01');
    });

    it('starts planned work on the next Monday when the report date is a weekend', () => {
      assert.equal(firstWorkingDay('2026-12-05'), '2026-12-07');
      assert.equal(firstWorkingDay('2026-12-06'), '2026-12-07');
      assert.equal(firstWorkingDay('2026-12-07'), '2026-12-07');
    });
  });
});
