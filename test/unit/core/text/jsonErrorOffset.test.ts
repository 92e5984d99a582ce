import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadAssessment } from '../../../../src/core/assessment/load';
import { jsonErrorOffset } from '../../../../src/core/text/jsonErrorOffset';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('JSON syntax error location', () => {
  it('agrees with JSON.parse on which texts are valid', () => {
    const jsonish = fc.stringMatching(/^[\s{}[\]",:0-9.eE+\-tfrunlsa\\]{0,40}$/);
    const text = fc.oneof(
      jsonish,
      fc.string({ maxLength: 40 }),
      fc.jsonValue().map((v) => JSON.stringify(v, null, 2)),
    );
    fc.assert(
      fc.property(text, (t) => (jsonErrorOffset(t) === undefined) === parses(t)),
      { numRuns: 2000 },
    );
  });

  it('points at a merge-conflict marker by line and column', () => {
    const text = '{\n  "version": 1,\n<<<<<<< HEAD\n  "title": "a"\n=======\n  "title": "b"\n>>>>>>> main\n}\n';
    const result = loadAssessment(text, 'conflict.json');
    assert.equal(result.ok, false);
    const [problem] = result.problems;
    assert.deepEqual([problem!.line, problem!.column], [3, 1]);
    assert.match(problem!.message, /expected a property name in double quotes, found "<<<<<<< HEAD"/);
  });

  it('points at a bare word where a value belongs', () => {
    const result = loadAssessment('{\n  "title": draft\n}', 'bare.json');
    assert.equal(result.ok, false);
    const [problem] = result.problems;
    assert.deepEqual([problem!.line, problem!.column], [2, 12]);
  });

  it('says when the file ends too early', () => {
    const result = loadAssessment('{\n  "answers": {\n', 'cut.json');
    assert.equal(result.ok, false);
    const [problem] = result.problems;
    assert.equal(problem!.line, 3);
    assert.match(problem!.message, /ends too early/);
  });

  it('survives deeply nested input without overflowing the stack', () => {
    const deep = '['.repeat(200_000);
    assert.equal(jsonErrorOffset(deep)?.offset, deep.length);
  });
});
