import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadAssessment } from '../../../src/core/assessment/load';
import { serializeAssessment, newAssessment } from '../../../src/core/assessment/serialize';
import { loadFramework } from '../../../src/core/framework/load';
import type { LoadResult } from '../../../src/core/problems';
import { framework, frameworkYaml, TWO_DOMAINS } from '../builders/framework';

const VALID_YAML = frameworkYaml(TWO_DOMAINS);
const sampleAssessment = newAssessment({
  framework: framework(TWO_DOMAINS),
  title: 'Fuzz',
  now: new Date('2026-01-01T00:00:00Z'),
});
sampleAssessment.answers = { f1: { score: 3, notes: 'n' }, c2: { score: 0 } };
const VALID_JSON = serializeAssessment(sampleAssessment);

/** Mutations that tend to hit parser edge cases: cut, splice, duplicate and swap characters. */
function mutated(base: string) {
  return fc
    .array(
      fc.oneof(
        fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
        fc.record({
          kind: fc.constant('insert' as const),
          at: fc.nat(),
          text: fc.oneof(
            fc.string(),
            fc.constantFrom(
              '{',
              '}',
              '[',
              ']',
              ':',
              '"',
              '- ',
              '\n',
              '&a ',
              '*a',
              '!!',
              '\t',
              '#',
              ',',
              'null',
              '1e999',
              '\\u0000',
            ),
          ),
        }),
        fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat({ max: 80 }) }),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((edits) => {
      let text = base;
      for (const edit of edits) {
        const at = edit.at % (text.length + 1);
        if (edit.kind === 'cut') text = text.slice(0, at) + text.slice(at + edit.length);
        else if (edit.kind === 'insert') text = text.slice(0, at) + edit.text + text.slice(at);
        else text = text.slice(0, at) + text.slice(at, at + edit.length) + text.slice(at);
      }
      return text;
    });
}

function wellFormed<T>(result: LoadResult<T>): boolean {
  if (result.ok) return true;
  return (
    result.problems.length > 0 &&
    result.problems.every(
      (p) =>
        typeof p.message === 'string' &&
        p.message.length > 0 &&
        (p.line === undefined || (Number.isInteger(p.line) && p.line >= 1)),
    )
  );
}

describe('loaders under random and mutated input (fuzz)', () => {
  it('the framework loader returns a value or positioned problems for random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => wellFormed(loadFramework(text, 'r.yaml'))),
      { numRuns: 300 },
    );
  });

  it('the framework loader survives mutations of a valid framework', () => {
    fc.assert(
      fc.property(mutated(VALID_YAML), (text) => wellFormed(loadFramework(text, 'm.yaml'))),
      { numRuns: 300 },
    );
  });

  it('the assessment loader returns a value or positioned problems for random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => wellFormed(loadAssessment(text, 'r.json'))),
      { numRuns: 300 },
    );
  });

  it('the assessment loader survives mutations of a valid file', () => {
    fc.assert(
      fc.property(mutated(VALID_JSON), (text) => wellFormed(loadAssessment(text, 'm.json'))),
      { numRuns: 300 },
    );
  });

  it('both loaders accept arbitrary JSON values without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value);
        return wellFormed(loadAssessment(text)) && wellFormed(loadFramework(text));
      }),
      { numRuns: 300 },
    );
  });

  it('an accepted mutated assessment saves and reloads to the same bytes', () => {
    fc.assert(
      fc.property(mutated(VALID_JSON), (text) => {
        const first = loadAssessment(text);
        if (!first.ok) return true;
        const saved = serializeAssessment(first.value);
        const second = loadAssessment(saved);
        assert.ok(second.ok);
        assert.equal(serializeAssessment(second.value), saved);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
