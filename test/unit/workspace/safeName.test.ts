import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { assessmentFileName, firstFreeName, localDate, safeFileSegment } from '../../../src/workspace/safeName';

describe('safe file names', () => {
  describe('a title or team name as a file name segment', () => {
    it('lower-cases words and joins them with single dashes', () => {
      assert.equal(safeFileSegment('  Platform   Team / Payments '), 'platform-team-payments');
    });

    it('removes path separators and parent-folder steps', () => {
      assert.equal(safeFileSegment('../../etc/passwd'), 'etc-passwd');
      assert.equal(safeFileSegment('..\\..\\Windows\\System32'), 'windows-system32');
    });

    it('keeps letters of any script', () => {
      assert.equal(safeFileSegment('Équipe Café'), 'équipe-café');
      assert.equal(safeFileSegment('チーム 東京'), 'チーム-東京');
    });

    it('steps around names Windows reserves', () => {
      assert.equal(safeFileSegment('CON'), 'con-1');
      assert.equal(safeFileSegment('lpt9'), 'lpt9-1');
      assert.equal(safeFileSegment('console'), 'console');
    });

    it('gives an empty segment when nothing usable is left', () => {
      assert.equal(safeFileSegment('../..//\\ ..'), '');
    });

    it('keeps to the length limit without cutting a word in half', () => {
      assert.equal(safeFileSegment('alpha beta gamma', 12), 'alpha-beta');
      assert.equal(safeFileSegment('supercalifragilistic', 5), 'super');
    });

    it('never contains a separator, a dot or a control character, whatever the input', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (input) => {
          const out = safeFileSegment(input);
          // eslint-disable-next-line no-control-regex -- the property: no control character survives.
          assert.doesNotMatch(out, /[\\/.:*?"<>|\u0000-\u001f]/);
          assert.doesNotMatch(out, /^-|-$|--/);
        }),
      );
    });
  });

  describe('the assessment file name', () => {
    const now = new Date(2026, 2, 7, 23, 30);

    it('is the local date, the framework and the team', () => {
      assert.equal(
        assessmentFileName({ now, frameworkId: 'dora', team: 'Platform Team' }),
        '2026-03-07-dora-platform-team.json',
      );
    });

    it('leaves the team out when there is none or nothing of it is usable', () => {
      assert.equal(assessmentFileName({ now, frameworkId: 'calms' }), '2026-03-07-calms.json');
      assert.equal(assessmentFileName({ now, frameworkId: 'calms', team: '../' }), '2026-03-07-calms.json');
    });

    it('uses the local calendar day, not the UTC one', () => {
      assert.equal(localDate(new Date(2026, 0, 1, 0, 5)), '2026-01-01');
    });
  });

  describe('avoiding an existing file', () => {
    it('numbers the name from 2 until it is free', () => {
      const taken = new Set(['a.json', 'a-2.json']);
      assert.equal(
        firstFreeName('a.json', (n) => taken.has(n)),
        'a-3.json',
      );
      assert.equal(
        firstFreeName('b.json', (n) => taken.has(n)),
        'b.json',
      );
    });
  });
});
