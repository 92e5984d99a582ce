import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadAssessment } from '../../../../src/core/assessment/load';
import { MAX_JSON_DEPTH, parseJsonDocument } from '../../../../src/core/text/jsonDocument';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

const shallow = (text: string) => {
  let depth = 0;
  let max = 0;
  for (const c of text) {
    if (c === '{' || c === '[') max = Math.max(max, ++depth);
    if (c === '}' || c === ']') depth--;
  }
  return max <= MAX_JSON_DEPTH;
};

describe('JSON documents (jsonc-parser, strict)', () => {
  it('quotes the text it found as written, without escaping its quotes again', () => {
    const result = loadAssessment('{\n  "title": "x"\n  "team": "Checkout"\n}', 'a.json');
    assert.match(result.ok ? '' : (result.problems[0]?.message ?? ''), /found “"team": "Che”$/);
  });

  it('agrees with JSON.parse on which texts are valid', () => {
    const jsonish = fc.stringMatching(/^[\s\u00a0\ufeff\u2028{}[\]",:0-9.eE+\-tfrunlsa\\/*]{0,40}$/);
    const text = fc.oneof(
      jsonish,
      fc.string({ maxLength: 40 }),
      fc.jsonValue().map((v) => JSON.stringify(v, null, 2)),
      fc.constantFrom('"\u0001"', '"a\nb"', '"\\x"', '"\\u12"', '01', '-', '1.', '1e', '[1,]', '{"a":1,}'),
    );
    fc.assert(
      fc.property(text, (t) => parseJsonDocument(t).ok === (parses(t) && shallow(t))),
      { numRuns: 5000 },
    );
  });

  it('points at a merge-conflict marker by line and column', () => {
    const text = '{\n  "version": 1,\n<<<<<<< HEAD\n  "title": "a"\n=======\n  "title": "b"\n>>>>>>> main\n}\n';
    const result = loadAssessment(text, 'conflict.json');
    assert.ok(!result.ok);
    const [problem] = result.problems;
    assert.deepEqual([problem!.line, problem!.column], [3, 1]);
    assert.match(problem!.message, /expected a property name in double quotes, found “<<<<<<< HEAD”/);
  });

  it('points at a bare word where a value belongs', () => {
    const result = loadAssessment('{\n  "title": draft\n}', 'bare.json');
    assert.ok(!result.ok);
    const [problem] = result.problems;
    assert.deepEqual([problem!.line, problem!.column], [2, 12]);
  });

  it('says when the file ends too early', () => {
    const result = loadAssessment('{\n  "answers": {\n', 'cut.json');
    assert.ok(!result.ok);
    const [problem] = result.problems;
    assert.equal(problem!.line, 3);
    assert.match(problem!.message, /ends too early/);
  });

  it('refuses nesting deeper than the cap at the bracket that crosses it, without overflowing the stack', () => {
    const deep = '['.repeat(200_000);
    const result = parseJsonDocument(deep);
    assert.ok(!result.ok);
    assert.equal(result.offset, MAX_JSON_DEPTH);
    assert.match(result.message, /nested more than 64 levels/);
  });

  it('finds duplicate keys at every depth with their offsets', () => {
    const result = parseJsonDocument('{"a":1,"b":{"c":1,"c":2},"a":3}');
    assert.ok(result.ok);
    assert.deepEqual(result.document.duplicates.map((d) => d.key).sort(), ['a', 'c']);
  });

  it('refuses comments and non-JSON whitespace, which jsonc-parser alone would accept', () => {
    for (const text of ['{"a":1 // note\n}', '{/* x */}', '\u00a0{}', '\ufeff{}', '{"a":1,}']) {
      assert.equal(parseJsonDocument(text).ok, false, JSON.stringify(text));
    }
  });
});
