import * as assert from 'node:assert/strict';
import {
  BudgetedMatcher,
  compilePattern,
  mayBacktrack,
  slowPatternWarnings,
} from '../../../../src/core/metrics/patterns';

describe('user patterns', () => {
  it('recognise the shapes that backtrack catastrophically, and leave ordinary patterns alone', () => {
    const risky = ['^(a+)+$', '(a|ab)*c', '(x+x+)+y', '^(\\d+\\.?)*$', '(a*){2,}', '(\\w)\\1'];
    const plain = [
      '^v?\\d+\\.\\d+\\.\\d+$',
      'hotfix',
      '^release/(\\d+)\\.(\\d+)$',
      '[(+)]+',
      '\\(a+\\)+',
      '(?:ab)+',
      '(a){3}',
    ];
    assert.deepEqual(risky.filter(mayBacktrack), risky);
    assert.deepEqual(plain.filter(mayBacktrack), []);
  });

  it('run a risky pattern on the linear-time engine, with the same answers, and say so', () => {
    const compiled = compilePattern('^(a+)+$', 'The tag pattern');
    assert.ok(compiled.ok);
    const names = Array.from({ length: 25 }, (_, n) => `${'a'.repeat(n + 20)}!`);
    assert.deepEqual([names.some((name) => compiled.regex.test(name)), compiled.regex.test('aaa')], [false, true]);
    assert.match(
      compiled.notice ?? '',
      /^The tag pattern "\^\(a\+\)\+\$" repeats a group .* linear-time engine instead\.$/,
    );
  });

  it('keep case-insensitive matching on the linear-time engine', () => {
    const compiled = compilePattern('(hot|fix)+', 'The hotfix pattern', 'i');
    assert.ok(compiled.ok);
    assert.deepEqual([compiled.regex.test('HOTFIX-1.2'), compiled.regex.test('release')], [true, false]);
  });

  it('give a pattern the linear-time engine cannot run a time budget over all names, then name it as too slow', () => {
    // A lookahead needs the backtracking engine; with a budget of 0 ms the first test spends it.
    const matcher = new BudgetedMatcher(/^(?=a)(a+)+$/, 'The tag pattern', 0);
    assert.equal(matcher.test('aaa'), true);
    assert.equal(matcher.test('aaa'), false);
    assert.deepEqual(slowPatternWarnings([matcher, undefined, /x/]), [
      'The tag pattern "^(?=a)(a+)+$" was too slow (it used its 0 ms in 1 name) and was stopped, so later names did not match it. Simplify it: avoid a repeated group that itself repeats, such as (a+)+.',
    ]);
  });
});
