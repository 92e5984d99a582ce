import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadAssessment } from '../../../src/core/assessment/load';
import type { Assessment } from '../../../src/core/assessment/schema';
import { serializeAssessment } from '../../../src/core/assessment/serialize';
import { applyPatch } from '../../../src/store/answers';
import { savedBytes } from '../../../src/store/assessmentModel';
import { assessment, FRAMEWORK } from '../store/helpers';

const QUESTIONS = ['f1', 'f2', 'f3', 'c1', 'c2'];
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'reviewer', 'é', 'x y'),
  fc.string({ minLength: 1, maxLength: 8 }),
);
/** Text as people type it, including characters JSON must escape and letters outside ASCII. */
const text = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'é', '"', '\\', '\t', '€', '😀', ' ', '\u0001') });
const handValue = fc.oneof(
  text,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
);
const answer = fc.record(
  { score: fc.integer({ min: 0, max: 5 }), notes: text.filter((t) => t.trim() !== '') },
  { requiredKeys: [] },
);

/** A random valid assessment with random hand-added keys at the top and in answers. */
const fileArb = fc.record({
  answers: fc.dictionary(fc.constantFrom(...QUESTIONS), answer),
  top: fc.dictionary(key, handValue, { maxKeys: 3 }),
  inAnswer: fc.dictionary(key, handValue, { maxKeys: 2 }),
  crlf: fc.boolean(),
  indent: fc.constantFrom(2, 4, '\t'),
});

type FileShape = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

/** The text as a person or another tool might have laid it out: their indent, their line endings. */
function written(file: FileShape): Buffer {
  const base = assessment(file.answers);
  const answers: Record<string, unknown> = {};
  for (const [id, a] of Object.entries(base.answers)) answers[id] = { ...a, ...file.inAnswer };
  const value = { ...base, answers };
  // JSON.parse, not an object literal, so "__proto__" is an own key as it is in a file.
  const extra = JSON.parse(JSON.stringify(file.top)) as Record<string, unknown>;
  const json = JSON.stringify(value, null, file.indent).replace(/\n}$/, '');
  const tail = Object.entries(extra)
    .filter(([k]) => !(k in value))
    .map(
      ([k, v]) =>
        `,\n${typeof file.indent === 'number' ? ' '.repeat(file.indent) : '\t'}${JSON.stringify(k)}: ${JSON.stringify(v)}`,
    )
    .join('');
  const out = `${json}${tail}\n}\n`;
  return Buffer.from(file.crlf ? out.replace(/\n/g, '\r\n') : out);
}

describe('saving one changed answer (fuzz)', () => {
  it('changes only the line of that answer and the updatedAt line, whatever else the file holds', () => {
    fc.assert(
      fc.property(fileArb, fc.constantFrom(...QUESTIONS), fc.constantFrom(1, 2, 3, 4, 5), (file, id, score) => {
        const before = written(file);
        const loaded = loadAssessment(before.toString('utf8'));
        assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.problems));
        const next = applyPatch(loaded.value, id, { score }, new Date('2027-01-01T00:00:00.000Z'));
        fc.pre(next !== undefined);
        const after = savedBytes(before, loaded.value, next, FRAMEWORK);
        const reread = loadAssessment(after.toString('utf8'));
        assert.ok(reread.ok);
        assert.deepEqual(canonical(reread.value), canonical(next));
        const a = before.toString('latin1').split('\n');
        const b = after.toString('latin1').split('\n');
        const was = Object.prototype.hasOwnProperty.call(loaded.value.answers, id)
          ? loaded.value.answers[id]
          : undefined;
        if (was?.score !== undefined) {
          // A changed score: its line and the updatedAt line, nothing else.
          const changed = b.filter((line, i) => line !== a[i]);
          assert.equal(b.length, a.length);
          assert.equal(changed.length, 2, changed.join('|'));
          assert.ok(changed.some((line) => line.includes('"updatedAt": "2027-01-01T00:00:00.000Z"')));
          assert.ok(changed.some((line) => line.includes(`"score": ${String(score)}`)));
        } else {
          // A new score or answer: at most its own lines are added, and of the old lines only updatedAt and
          // the one before the insertion (which gains a comma) may change.
          const remaining = new Map<string, number>();
          for (const line of b) remaining.set(line, (remaining.get(line) ?? 0) + 1);
          const lost = a.filter((line) => {
            const n = remaining.get(line) ?? 0;
            remaining.set(line, n - 1);
            return n <= 0;
          });
          assert.ok(lost.length <= 2, lost.join('|'));
        }
        // Every byte outside the edits is still there, line endings included.
        if (file.crlf) assert.ok(!/[^\r]\n/.test(after.toString('latin1')), 'no bare LF was introduced');
      }),
      { numRuns: 300 },
    );
  });
});

function canonical(value: Assessment): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

describe('a new file', () => {
  it('is still written in the stable key order', () => {
    const text = serializeAssessment(assessment({ c1: { score: 2 }, f1: { score: 1 } }), FRAMEWORK);
    assert.ok(text.indexOf('"f1"') < text.indexOf('"c1"'));
  });
});
