import * as assert from 'node:assert/strict';
import { patchAnswer, withAnswer } from '../../../../src/core/assessment/patch';

describe('changing one answer', () => {
  it('sets and clears a score, keeping the other keys', () => {
    assert.deepEqual(patchAnswer({ score: 2, notes: 'n' }, { score: 4 }), { score: 4, notes: 'n' });
    assert.deepEqual(patchAnswer({ score: 2, notes: 'n' }, { score: null }), { notes: 'n' });
  });

  it('treats blank notes as no notes, and an answer with no keys left as no answer', () => {
    assert.equal(patchAnswer({ notes: 'n' }, { notes: '   ' }), undefined);
  });

  it('drops evidence on null and keeps a hand-added key', () => {
    const before = { score: 4, reviewer: 'Ana', evidence: { source: 'git' } } as unknown as Parameters<
      typeof patchAnswer
    >[0];
    assert.deepEqual(patchAnswer(before, { score: 3, evidence: null }), { score: 3, reviewer: 'Ana' });
  });

  it('replaces or removes an answer without letting an id reach a prototype', () => {
    const answers = withAnswer({ a: { score: 1 } }, '__proto__', { score: 5 });
    assert.equal(Object.getPrototypeOf(answers), Object.prototype);
    assert.deepEqual(Object.keys(withAnswer(answers, 'a', undefined)), ['__proto__']);
  });
});
