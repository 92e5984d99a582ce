import * as assert from 'node:assert/strict';
import { gatherFacts } from '../../../../src/core/report/facts';
import { compareWithPrevious, formatDelta } from '../../../../src/core/report/trend';
import { framework, TWO_DOMAINS } from '../../builders/framework';
import { assessmentWith } from './fixtures';

describe('since the last assessment', () => {
  const fw = framework(TWO_DOMAINS);

  it('compares each domain in percentage points', () => {
    const now = gatherFacts(fw, assessmentWith({ f1: { score: 5 }, f2: { score: 3 }, c1: { score: 2 } }));
    const trend = compareWithPrevious(now, assessmentWith({ f1: { score: 3 }, f2: { score: 3 }, c1: { score: 4 } }));
    assert.deepEqual(
      trend.domains.map((d) => [d.name, d.before, d.now, d.delta]),
      [
        ['Domain flow', 50, 75, 25],
        ['Domain care', 75, 25, -50],
      ],
    );
    assert.equal(trend.overall.delta, Math.round((now.score.percent! - 60) * 10) / 10);
  });

  it('lists only the answers that changed, including new, removed and unknown ones', () => {
    const now = gatherFacts(
      fw,
      assessmentWith({ f1: { score: 4 }, f2: { score: 0 }, f3: { score: 2 }, c1: { score: 3 } }),
    );
    const trend = compareWithPrevious(
      now,
      assessmentWith({ f1: { score: 3 }, f2: { score: 2 }, c1: { score: 3 }, c2: { score: 1 } }),
    );
    assert.deepEqual(
      trend.questions.map((q) => [q.fact.question.id, q.before, q.now]),
      [
        ['f1', 3, 4],
        ['f2', 2, 0],
        ['f3', undefined, 2],
        ['c2', 1, undefined],
      ],
    );
    assert.equal(trend.unchanged, 1);
  });

  it('ignores answers the current framework no longer has', () => {
    const now = gatherFacts(fw, assessmentWith({ f1: { score: 4 } }));
    const trend = compareWithPrevious(now, assessmentWith({ f1: { score: 4 }, gone: { score: 1 } }));
    assert.deepEqual(trend.questions, []);
  });

  it('describes a change in words', () => {
    assert.equal(formatDelta({ before: 40, now: 52.5, delta: 12.5 }), '+12.5 pts');
    assert.equal(formatDelta({ before: 60, now: 50, delta: -10 }), '−10 pts');
    assert.equal(formatDelta({ before: 50, now: 50, delta: 0 }), 'no change');
    assert.equal(formatDelta({ before: undefined, now: 50, delta: undefined }), 'newly scored');
    assert.equal(formatDelta({ before: 50, now: undefined, delta: undefined }), 'no longer scored');
  });
});
