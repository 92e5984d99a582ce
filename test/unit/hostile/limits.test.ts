import * as assert from 'node:assert/strict';
import { loadAssessment } from '../../../src/core/assessment/load';
import { loadFramework } from '../../../src/core/framework/load';
import { MAX_JSON_DEPTH } from '../../../src/core/text/jsonDocument';
import { LARGE_YAML_CHARS } from '../../../src/core/text/loadYaml';
import { MAX_YAML_DEPTH, parsePositioned } from '../../../src/core/text/positions';
import { MAX_INPUT_CHARS } from '../../../src/core/problems';
import { serializeAssessment } from '../../../src/core/assessment/serialize';
import { savedBytes } from '../../../src/store/assessmentModel';
import { applyPatch } from '../../../src/store/answers';
import { assessment, FRAMEWORK } from '../store/helpers';
import {
  aliasBomb,
  aliasedFramework,
  aliasedSchemaErrors,
  bigFramework,
  brokenFramework,
  deepNesting,
  longLineFramework,
  manyAnswers,
  manyKeys,
  proseFramework,
  repeatedKeyFramework,
  taggedFramework,
} from './worstCase';

/** Times are printed for the closing note, never asserted (the machine is shared). */
function timed<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`      ${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

const LIMIT = MAX_INPUT_CHARS - 1;

describe('hostile files: size, keys and nesting at the limit', function () {
  this.timeout(60_000);

  it('loads a 1 MB assessment with as many answers as fit', () => {
    const text = manyAnswers(LIMIT);
    const result = timed(`1 MB assessment, ${text.split('"score"').length - 1} answers`, () => loadAssessment(text));
    assert.ok(result.ok);
  });

  it('loads a 1 MB assessment whose hand-added key holds as many keys as fit', () => {
    const text = manyKeys(LIMIT);
    const result = timed('1 MB assessment, one object of tiny keys', () => loadAssessment(text));
    assert.ok(result.ok);
  });

  it('refuses nesting past the cap at load, with its line and column, so no later step overflows', () => {
    const text = deepNesting(Math.floor((LIMIT - 200) / 2));
    const result = timed('1 MB assessment nested half a million deep', () => loadAssessment(text, 'deep.json'));
    assert.ok(!result.ok);
    assert.match(result.problems[0]!.message, new RegExp(`nested more than ${MAX_JSON_DEPTH} levels`));
    assert.equal(result.problems[0]!.line, 1);
  });

  it('saves a file nested just under the cap', () => {
    const text = deepNesting(MAX_JSON_DEPTH - 2);
    const loaded = loadAssessment(text);
    assert.ok(loaded.ok);
    const next = applyPatch(loaded.value, 'f1', { score: 2 }, new Date('2027-01-01T00:00:00Z'));
    assert.ok(next);
    const saved = savedBytes(Buffer.from(text), loaded.value, next, FRAMEWORK).toString('utf8');
    assert.ok(saved.includes('['.repeat(MAX_JSON_DEPTH - 2)));
  });

  it('loads a 1 MB framework with as many questions as fit', () => {
    const text = bigFramework(LIMIT);
    const result = timed('1 MB framework', () => loadFramework(text));
    assert.ok(result.ok, result.ok ? '' : result.problems[0]?.message);
  });

  it('loads a 1 MB framework whose questions all alias one shared guidance block', () => {
    const text = aliasedFramework(LIMIT);
    const result = timed('1 MB framework, anchors and aliases', () => loadFramework(text));
    assert.ok(result.ok, result.ok ? '' : result.problems[0]?.message);
    const questions = result.value.domains[0]!.questions;
    assert.ok(questions.length > 10_000);
    assert.deepEqual(questions.at(-1)!.guidance, questions[0]!.guidance);
    assert.equal(questions[0]!.guidance[3].text, 'd');
  });

  it('points at a problem in a 1 MB framework of aliases on the positioned path, in linear time', () => {
    // A comment holding `.#` sends the file down the positioned path, whose aliases used to be quadratic.
    const text = `${aliasedFramework(LIMIT - 20).replace('help: h\n', 'help: 5\n')}# .#\n`;
    const result = timed('1 MB framework, aliases and a wrong type', () => loadFramework(text, 'f.yaml'));
    assert.ok(!result.ok);
    assert.deepEqual(
      result.problems.map((p) => [p.path, p.line, p.column]),
      [['domains[0].questions[0].help', 13, 15]],
    );
  });

  it('loads a 1 MB framework whose every value carries a core-schema tag', () => {
    const text = taggedFramework(LIMIT);
    const result = timed('1 MB framework, standard tags', () => loadFramework(text));
    assert.ok(result.ok, result.ok ? '' : result.problems[0]?.message);
    assert.equal(result.value.domains[0]!.questions[7]!.text, '7');
  });

  it('loads a 1 MB framework with lines of over 1,000 characters', () => {
    const text = longLineFramework(LIMIT);
    const result = timed('1 MB framework, 1,000+ character lines', () => loadFramework(text));
    assert.ok(result.ok, result.ok ? '' : result.problems[0]?.message);
    assert.ok(result.value.domains[0]!.questions[10]!.text.length > 1_000);
  });

  it('loads a 1 MB framework whose prose holds &, * and !', () => {
    const text = proseFramework(LIMIT);
    const result = timed('1 MB framework, prose with &, * and !', () => loadFramework(text));
    assert.ok(result.ok, result.ok ? '' : result.problems[0]?.message);
    assert.equal(result.value.domains[0]!.questions[3]!.text, 'Q&A 3, *really*!');
  });

  it('refuses a billion-laughs framework padded to 1 MB at the alias to blame, without expanding it', () => {
    const text = `${aliasBomb()}# ${'x'.repeat(LIMIT - aliasBomb().length - 3)}\n`;
    const result = timed('1 MB framework, alias bomb (refused)', () => loadFramework(text, 'bomb.yaml'));
    assert.ok(!result.ok);
    assert.deepEqual(result.problems.length, 1);
    assert.match(result.problems[0]!.message, /aliases expanded, this file would grow past 4 MB/);
    assert.deepEqual(
      [result.problems[0]!.file, result.problems[0]!.line, result.problems[0]!.column],
      ['bomb.yaml', 11, 12],
    );
  });

  it('refuses a framework nested past the cap, and finds duplicate keys in a huge mapping', () => {
    const deep = `id: x\nextra: ${'['.repeat(MAX_YAML_DEPTH + 1)}${']'.repeat(MAX_YAML_DEPTH + 1)}\n`;
    const nested = loadFramework(deep);
    assert.ok(!nested.ok);
    assert.ok(nested.problems.some((p) => /nested more than/.test(p.message)));
    const keys = `id: x\nextra:\n${Array.from({ length: 60_000 }, (_, i) => `  k${i % 59_999}: 0\n`).join('')}`;
    const result = timed('700 KB framework of 60,000 keys', () => loadFramework(keys));
    assert.ok(!result.ok);
    assert.ok(result.problems.some((p) => /"k0" appears twice/.test(p.message) && p.line === 60_002));
  });
});

describe('hostile files: a large file refused without reading it twice', function () {
  this.timeout(60_000);
  const FIRST_ONLY =
    /\(the first problem found; this file is large, so it is not read past it: fix this and check again for others\)$/;
  const where = (result: ReturnType<typeof loadFramework>) =>
    result.ok ? [] : result.problems.map((p) => [p.line, p.column, p.message.replace(FIRST_ONLY, '…')]);

  it('refuses a 1 MB framework at its first syntax error, with its line and column', () => {
    const text = brokenFramework(LIMIT);
    const result = timed('1 MB framework with a syntax error', () => loadFramework(text, 'f.yaml'));
    assert.ok(!result.ok);
    const line = text.slice(0, text.indexOf('         text: Q')).split('\n').length;
    assert.deepEqual(where(result), [[line, 14, 'bad indentation of a mapping entry …']]);
    assert.equal(result.problems[0]?.file, 'f.yaml');
  });

  it('still lists every problem of a small file, as the positioned parser finds them', () => {
    const result = loadFramework(brokenFramework(LARGE_YAML_CHARS >> 1), 'f.yaml');
    assert.ok(!result.ok);
    assert.ok(result.problems.length > 1);
    assert.ok(result.problems.every((p) => !FIRST_ONLY.test(p.message) && p.line !== undefined));
  });

  it('refuses a key repeated among 60,000 at the repeat, naming the key', () => {
    const result = timed('700 KB framework, 60,000 keys, one repeated', () =>
      loadFramework(repeatedKeyFramework(60_000), 'f.yaml'),
    );
    assert.deepEqual(where(result), [[60_003, 3, 'the key "k30000" appears twice in one mapping …']]);
  });

  it('reports every schema issue of a 1 MB framework of aliases where the positioned parser would', () => {
    const text = aliasedSchemaErrors(LIMIT);
    const result = timed('1 MB framework, aliases and two wrong types', () => loadFramework(text, 'f.yaml'));
    assert.ok(!result.ok);
    const positions = parsePositioned(text);
    const expected = ['domains[0].questions[6275].help', 'domains[0].questions[12462].text'].map((path) => {
      const keys = path
        .split(/[.[\]]+/)
        .filter(Boolean)
        .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
      const { line, column } = positions.locate(keys)!;
      return [path, line, column];
    });
    assert.deepEqual(
      result.problems.map((p) => [p.path, p.line, p.column]),
      expected,
    );
  });
});

describe('hostile files: strict validation', () => {
  const base = JSON.parse(serializeAssessment(assessment(), FRAMEWORK)) as Record<string, unknown>;
  const problemsOf = (patch: Record<string, unknown>) => {
    const result = loadAssessment(JSON.stringify({ ...base, ...patch }));
    return result.ok ? [] : result.problems.map((p) => `${p.path ?? ''}: ${p.message}`);
  };

  for (const bad of [
    '1',
    'March 7 2026',
    '+275760-09-13T00:00:00.000Z',
    '2026-03-07',
    '2026-02-30T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '2026-03-07T10:00:00',
  ]) {
    it(`refuses the timestamp ${JSON.stringify(bad)}`, () => {
      assert.match(problemsOf({ updatedAt: bad }).join('\n'), /updatedAt: expected (an ISO 8601|a year)/);
    });
  }

  it('accepts UTC and offset timestamps', () => {
    assert.deepEqual(problemsOf({ createdAt: '2026-03-07T10:00:00+05:30', updatedAt: '2026-03-07T10:00:00.123Z' }), []);
  });

  it('refuses a blank title', () => {
    assert.match(problemsOf({ title: '   ' }).join('\n'), /title: a title cannot be empty or only spaces/);
  });

  it('refuses numbers too large to be finite', () => {
    const text = JSON.stringify({ ...base, answers: { f1: { score: 1 } } }).replace('"score":1', '"score":1e400');
    assert.equal(loadAssessment(text).ok, false);
  });
});
