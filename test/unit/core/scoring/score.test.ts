import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Answer } from '../../../../src/core/assessment/schema';
import { levelFor, levelLabel } from '../../../../src/core/scoring/levels';
import { formatPercent, scoreAssessment } from '../../../../src/core/scoring/score';
import { framework, TWO_DOMAINS } from '../../builders/framework';

const FRAMEWORK = framework(TWO_DOMAINS);
const IDS = ['f1', 'f2', 'f3', 'c1', 'c2'];
const score = (answers: Record<string, number>) =>
  scoreAssessment(FRAMEWORK, {
    answers: Object.fromEntries(Object.entries(answers).map(([id, s]) => [id, { score: s }])),
  });

/** Any subset of the questions answered with any score 0..5. */
const answersArb = fc.dictionary(fc.constantFrom(...IDS), fc.integer({ min: 0, max: 5 }));

describe('scoring engine', () => {
  it('turns a score of 1..5 into (score − 1) / 4 × 100 and averages a domain', () => {
    const result = score({ f1: 5, f2: 3, f3: 2 });
    assert.equal(result.domains[0]!.percent, Math.round(((100 + 50 + 25) / 3) * 10) / 10);
  });

  it('weights domains and renormalises over the domains with an answer', () => {
    assert.equal(score({ f1: 5, c1: 1 }).percent, 60);
    assert.equal(score({ c1: 4 }).percent, 75);
  });

  it('leaves 0 out of every mean but counts it as answered and unknown', () => {
    const result = score({ f1: 5, f2: 0 });
    assert.equal(result.domains[0]!.percent, 100);
    assert.equal(result.domains[0]!.answered, 2);
    assert.equal(result.domains[0]!.unknown, 1);
    assert.equal(result.answered, 2);
    assert.equal(result.total, 5);
  });

  it('gives an all-0 assessment no percent and no level, not NaN', () => {
    const result = score({ f1: 0, f2: 0, f3: 0, c1: 0, c2: 0 });
    assert.equal(result.percent, undefined);
    assert.equal(result.level, undefined);
    assert.equal(result.answered, 5);
    assert.equal(result.unknown, 5);
  });

  it('reports answers to unknown questions as orphans without scoring them', () => {
    const result = scoreAssessment(FRAMEWORK, {
      answers: { f1: { score: 5 }, gone: { score: 1 }, also: { score: 0 } },
    });
    assert.deepEqual(result.orphans, ['also', 'gone']);
    assert.equal(result.percent, 100);
  });

  it('ignores an answer that holds only notes', () => {
    const result = scoreAssessment(FRAMEWORK, { answers: { f1: { notes: 'thinking about it' } } });
    assert.equal(result.answered, 0);
    assert.equal(result.percent, undefined);
  });

  it('classifies percent into the five maturity levels at their bounds', () => {
    const cases: Array<[number, string]> = [
      [100, 'Level 5 Elite'],
      [80, 'Level 5 Elite'],
      [79.9, 'Level 4 High'],
      [60, 'Level 4 High'],
      [40, 'Level 3 Medium'],
      [39.9, 'Level 2 Low'],
      [20, 'Level 2 Low'],
      [19.9, 'Level 1 Initial'],
      [0, 'Level 1 Initial'],
    ];
    for (const [percent, label] of cases) assert.equal(levelLabel(levelFor(percent)), label, `${percent}%`);
    assert.equal(levelFor(10).performance, 'Low');
  });

  it('classifies a domain bound to a key metric the same way', () => {
    const domain = score({ f1: 4, f2: 4 }).domains[0]!;
    assert.equal(domain.metric, 'deploymentFrequency');
    assert.equal(domain.level?.name, 'High');
  });

  it('formats percents without needless decimals', () => {
    assert.equal(formatPercent(75), '75%');
    assert.equal(formatPercent(62.5), '62.5%');
    assert.equal(formatPercent(undefined), '—');
  });

  describe('properties', () => {
    it('raising one score (from 1..4) never lowers the overall percent', () => {
      fc.assert(
        fc.property(
          answersArb,
          fc.constantFrom(...IDS),
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 1, max: 4 }),
          (answers, id, from, step) => {
            const before = score({ ...answers, [id]: from }).percent!;
            const after = score({ ...answers, [id]: Math.min(5, from + step) }).percent!;
            return after >= before;
          },
        ),
      );
    });

    it('the order of answers changes nothing', () => {
      fc.assert(
        fc.property(answersArb, (answers) => {
          const entries = Object.entries(answers);
          const reversed = Object.fromEntries([...entries].reverse());
          assert.deepEqual(score(reversed), score(answers));
        }),
      );
    });

    it('all 5s give 100 and all 1s give 0, whatever the weights', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 6 }), (raw) => {
          const specs = raw.map((w, i) => ({ id: `d${i}`, weight: w, questions: [`q${i}a`, `q${i}b`] }));
          const f = framework(specs);
          const all = (s: number) => ({
            answers: Object.fromEntries(
              specs.flatMap((d) => d.questions.map((q): [string, Answer] => [q, { score: s }])),
            ),
          });
          return scoreAssessment(f, all(5)).percent === 100 && scoreAssessment(f, all(1)).percent === 0;
        }),
      );
    });

    it('always gives a percent between 0 and 100, or none', () => {
      fc.assert(
        fc.property(answersArb, (answers) => {
          const p = score(answers).percent;
          return p === undefined || (p >= 0 && p <= 100 && !Number.isNaN(p));
        }),
      );
    });
  });
});
