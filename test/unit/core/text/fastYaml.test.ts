import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadTeamConfig } from '../../../../src/core/config/load';
import { loadFramework } from '../../../../src/core/framework/load';
import { aliasBomb, bigFramework } from '../../hostile/worstCase';
import { fastYamlValue } from '../../../../src/core/text/fastYaml';
import { documentAliasProblem, documentValue } from '../../../../src/core/text/documentAliases';
import type { FastYaml } from '../../../../src/core/text/fastYaml';
import { MAX_YAML_DEPTH, parsePositioned } from '../../../../src/core/text/positions';
import { unknownTagMessage } from '../../../../src/core/text/yamlProblem';

/**
 * What the positioned parser makes of the text, in the fast path's terms: its value; the refusal of
 * an unknown tag or of aliases, at the same offset and in the same words; or undefined when it
 * reports anything else.
 */
function positioned(text: string): FastYaml | undefined {
  const { document, structure } = parsePositioned(text);
  if (document.errors.length + structure.length > 0) return undefined;
  const tag = document.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag) {
    const written = text.slice(tag.pos[0], tag.pos[1]).split(/\s/)[0] ?? '';
    return { problem: { offset: tag.pos[0], message: unknownTagMessage(written) } };
  }
  if (document.warnings.length > 0) return undefined;
  const problem = documentAliasProblem(document);
  return problem ? { problem } : { value: documentValue(document) };
}

/** The positioned parser reports an error (not only a warning) for the text. */
function refusedWhenPositioned(text: string): boolean {
  const { document, structure } = parsePositioned(text);
  return document.errors.length + structure.length > 0;
}

/** A comment holding `.#` sends a file down the positioned path without changing its value or lines. */
const slowly = (text: string) => `${text}\n# .#\n`;

const problemsOf = (result: { ok: boolean; problems?: readonly unknown[] }) => result.problems ?? [];

const DORA = readFileSync('frameworks/dora.yaml', 'utf8');
/**
 * What the edit fuzz edits: the framework's header, its first domain and everything after the domains (risks,
 * metrics), about a quarter of the file. Every shape of the file is there, and each run parses a quarter as
 * much, so the same number of runs costs a quarter of the time.
 */
const EDITED = ((lines) =>
  [...lines.slice(0, lines.indexOf('  - id: lead-time')), ...lines.slice(lines.indexOf('risks:'))].join('\n'))(
  DORA.split('\n'),
);

const scalar = fc.oneof(
  fc.string({
    unit: fc.constantFrom('a', ' ', ':', '-', '#', '"', "'", '\\', '\n', '\t', '?', ',', '[', 'é', '0', '.'),
  }),
  fc.constantFrom(
    'true',
    'True',
    'yes',
    'on',
    'null',
    '~',
    '0o17',
    '0x1F',
    '0b11',
    '1_000',
    '1e3',
    '.5',
    '-0',
    '.inf',
    '2026-03-07',
  ),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-', '0', ':', '.', '"'), minLength: 1, maxLength: 6 });
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
})).node;
const style = fc.record({
  flowLevel: fc.constantFrom(-1, 0, 1, 2),
  blockQuote: fc.constantFrom<boolean | 'literal' | 'folded'>(true, false, 'literal', 'folded'),
  defaultStringType: fc.constantFrom<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'>(
    'PLAIN',
    'QUOTE_DOUBLE',
    'QUOTE_SINGLE',
  ),
  lineWidth: fc.constantFrom(0, 20, 80),
});

describe('Fast YAML reading (js-yaml, for files that need no positions)', function () {
  // Hundreds of generated frameworks per property: a few seconds alone, over 20 s under c8 on a busy machine.
  this.timeout(60_000);

  it('reads any value written as YAML, in any style, exactly as the positioned parser does', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), style, (data, options) => {
        const { flowLevel, ...rest } = options;
        const text = stringify(data, { ...rest, collectionStyle: flowLevel === 0 ? 'flow' : 'any' });
        const fast = fastYamlValue(text);
        if (fast) assert.deepEqual(fast, positioned(text), text);
      }),
      { numRuns: 400 },
    );
  });

  it('reads values that share parts (anchors and aliases) exactly as the positioned parser does', () => {
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }),
        fc.dictionary(key, value, { minKeys: 1, maxKeys: 3 }),
        fc.array(key, { minLength: 2, maxLength: 5 }),
        style,
        (data, shared, at, options) => {
          // yaml's stringify writes a value met twice as an anchor and aliases.
          const whole: Record<string, unknown> = { ...data };
          for (const k of at) whole[k] = shared;
          const { flowLevel, ...rest } = options;
          const text = stringify(whole, { ...rest, collectionStyle: flowLevel === 0 ? 'flow' : 'any' });
          const fast = fastYamlValue(text);
          if (fast) assert.deepEqual(fast, positioned(text), text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never accepts an edited framework that the positioned parser refuses or reads differently', () => {
    const edit = fc.record({
      at: fc.nat({ max: EDITED.length }),
      cut: fc.nat({ max: 3 }),
      put: fc.constantFrom(
        ':',
        ' ',
        '-',
        '? ',
        '[',
        ']',
        '{',
        '}',
        ',',
        '#',
        "'",
        '"',
        '|',
        '>-',
        '\n',
        '\t',
        '\r',
        '\\',
        'null',
        '~',
        '\ufeff',
        '\u2028',
        '...',
        '--- ',
        'a'.repeat(1100),
        '&a ',
        '&b ',
        '*a',
        '*b',
        ' *a\n',
        '&a [*a]',
        '<<: *a\n',
        '!!str ',
        '!!int ',
        '!!float ',
        '!!null ',
        '!!map ',
        '!!seq ',
        '! ',
        '!foo ',
        '!!js/function ',
        '!!timestamp ',
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = edits.reduce((t, e) => t.slice(0, e.at) + e.put + t.slice(e.at + e.cut), EDITED);
        const fast = fastYamlValue(text);
        if (!fast) return;
        const where = JSON.stringify(text.slice(0, 200));
        // Where js-yaml stops (a large file is refused there), the positioned parser refuses too.
        if ('firstError' in fast) {
          assert.ok(refusedWhenPositioned(text), where);
          return;
        }
        const slow = positioned(text);
        // A tag it refuses ends js-yaml's reading, so a later problem only the positioned parser sees
        // is left for the next load; the file is refused either way.
        if ('problem' in fast) assert.ok(!slow || 'problem' in slow, where);
        if (slow || 'value' in fast) assert.deepEqual(fast, slow, where);
      }),
      { numRuns: 400 },
    );
  });

  it('leaves every feature it cannot read alike to the positioned parser', () => {
    const declined = {
      directive: '%YAML 1.2\n---\na: 1\n',
      'flow end at a line start': 'a: [\n  1\n]\n',
      'carriage return alone': 'a: 1\rb: 2\n',
      'comment glued to a quote': 'a: "x"#c\n',
      'collection key': '[a]: 1\n',
      'explicit key': '? a\n: 1\n',
      'value without a key': 'a:\n  b: 1\n  : 2\n',
      'value with a tag and no key': 'a:\n  b: 1\n  !!str : 2\n',
      'collection key without a value': '{a: 1, [b]}\n',
      'null key': 'null: 1\n',
      'key over 1024 characters': `${'k'.repeat(1100)}: 1\n`,
      'byte order mark inside': 'a: 1\n\ufeffb: 2\n',
      'byte order mark before spaces': '\ufeff a: 1\nb: 2\n',
      'two documents': 'a: 1\n---\nb: 2\n',
      'nesting past the cap': `${'['.repeat(MAX_YAML_DEPTH + 1)}${']'.repeat(MAX_YAML_DEPTH + 1)}\n`,
    };
    for (const [name, text] of Object.entries(declined)) assert.equal(fastYamlValue(text), undefined, name);
  });

  it('stops at the first syntax error, repeated key or deep nesting, which the positioned parser refuses too', () => {
    const stopped = {
      'syntax error': ['a: b: c\n', /^bad indentation of a mapping entry$/, 1, 5],
      'unclosed bracket, after a warning': ['a: [1\nb: 2\n', /^missed comma between flow collection entries$/, 2, 1],
      'repeated key': ['a: 1\nb:\n  c: 1\n  c: 2\n', /^the key "c" appears twice in one mapping$/, 4, 3],
      'nesting far past the cap': [`a: ${'['.repeat(10_000)}\n`, /^nested more than 64 levels/, 1, 69],
    } as const;
    for (const [name, [text, message, line, column]] of Object.entries(stopped)) {
      const fast = fastYamlValue(text);
      assert.ok(fast && 'firstError' in fast, name);
      assert.match(fast.firstError.message, message, name);
      const before = text.slice(0, fast.firstError.offset).split('\n');
      assert.deepEqual([before.length, before.at(-1)!.length + 1], [line, column], name);
      assert.ok(refusedWhenPositioned(text), name);
    }
  });

  it('reads anchors, aliases and core-schema tags itself, as the positioned parser does', () => {
    const read = {
      'a guidance block shared by questions':
        'q1: {guidance: &g {0: {text: a}}}\nq2: {guidance: *g}\nq3: {guidance: *g}\n',
      'an aliased scalar': 'a: &x Q&A!\nb: *x\n',
      'anchors and aliases in block style': 'a: &x\n  - 1\n  - two\nb: *x\nc:\n  - *x\n  - &y [3]\n  - *y\n',
      'an anchor redefined': 'a: &x 1\nb: *x\nc: &x 2\nd: *x\n',
      'a merge key, a plain key in YAML 1.2': 'base: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n',
      'core tags': 'a: !!str 1\nb: !!int "12"\nc: !!map {d: !!seq [!!null "", !!bool true]}\ne: ! 12\n',
      'prose with &, * and !': 'text: "Q&A for R&D, *really* fast!"\nhelp: R&D *now*!\n',
      'a line of over 1,000 characters': `text: ${'lorem ipsum, '.repeat(100)}end\n`,
    };
    for (const [name, text] of Object.entries(read)) {
      const fast = fastYamlValue(text);
      assert.ok(fast && 'value' in fast, name);
      assert.deepEqual(fast, positioned(text), name);
    }
    const shared = fastYamlValue(read['a guidance block shared by questions']);
    assert.ok(shared && 'value' in shared);
    assert.deepEqual((shared.value as Record<string, unknown>)['q3'], { guidance: { 0: { text: 'a' } } });
  });

  it('refuses alias bombs, cycles and unknown tags on both paths, at the same alias or tag', () => {
    const refused = {
      'billion laughs': [aliasBomb(), /grow past 4 MB/, 11, 12],
      'a long string repeated': [
        `a: &s "${'x'.repeat(100_000)}"\nb: [${Array(50).fill('*s').join(', ')}]\n`,
        /grow past 4 MB/,
        2,
        5,
      ],
      'a sequence holding itself': ['a: &a [1, *a]\n', /refers to the value it is part of/, 1, 11],
      'a mapping holding itself': ['a: &a\n  b:\n    - *a\n', /refers to the value it is part of/, 3, 7],
      'a cycle through another anchor': ['a: &a\n  b: &b\n    c: *a\n', /refers to the value it is part of/, 3, 8],
      'nesting past the cap through aliases': [
        `a: &a ${'['.repeat(40)}${']'.repeat(40)}\nb: ${'['.repeat(30)}*a${']'.repeat(30)}\n`,
        /nested more than 64 levels deep/,
        2,
        34,
      ],
      'a local tag': ['a: !foo 1\n', /unknown tag !foo;/, 1, 4],
      'a js-yaml function tag': ['a:\n  - !!js/function "function () {}"\n', /unknown tag !!js\/function;/, 2, 5],
      'a tag after an anchor': [
        'a: &x !!python/object:os.system [ls]\n',
        /unknown tag !!python\/object:os.system;/,
        1,
        7,
      ],
      'a timestamp': ['a: !!timestamp 2026-01-01\n', /unknown tag !!timestamp;/, 1, 4],
      'a tag on a block mapping': ['a: !thing\n  b: 1\n', /unknown tag !thing;/, 1, 4],
      'an alias to no anchor': ['a: 1\nb: [2, *nowhere]\n', /no anchor &nowhere/, 2, 8],
    } as const;
    for (const [name, [text, message, line, column]] of Object.entries(refused)) {
      const fast = fastYamlValue(text);
      // Past the cap, the fast path leaves the file to the positioned parser, which tells source
      // nesting from nesting through aliases.
      if (fast || !name.startsWith('nesting')) {
        assert.ok(fast && 'problem' in fast, name);
        assert.match(fast.problem.message, message, name);
        assert.deepEqual(fast, positioned(text), name);
      }
      const loaded = loadFramework(text, 'f.yaml');
      assert.ok(!loaded.ok, name);
      assert.match(loaded.problems[0]!.message, message, name);
      assert.deepEqual(
        loaded.problems.map((p) => [p.line, p.column]),
        [[line, column]],
        name,
      );
      assert.deepEqual(loaded.problems[0], problemsOf(loadFramework(slowly(text), 'f.yaml'))[0], name);
    }
  });

  it('reads YAML 1.2 core scalars, not YAML 1.1 ones', () => {
    assert.deepEqual(fastYamlValue('a: [yes, on, 0b11, 1_000, 012, 0o12, 0x1f, 2026-03-07, .NaN, True, ~, +1]\n'), {
      value: { a: ['yes', 'on', '0b11', '1_000', 12, 10, 31, '2026-03-07', NaN, true, null, 1] },
    });
  });

  it('gives the shipped frameworks the same result on both paths', () => {
    for (const name of ['dora.yaml', 'calms.yaml']) {
      const text = readFileSync(`frameworks/${name}`, 'utf8');
      assert.ok(fastYamlValue(text) === undefined || positioned(text), name);
      assert.deepEqual(loadFramework(text, name), loadFramework(slowly(text), name), name);
    }
  });

  it('points a problem found after the schema at the same line and column on both paths', () => {
    const question = (id: string) =>
      `      - id: ${id}\n        text: Q\n        help: h\n        guidance: {0: {text: a}, 1: {text: b}, 2: {text: c}, 3: {text: d}, 4: {text: e}, 5: {text: f}}\n`;
    const duplicate = `${bigFramework(0).trimEnd()}\n${question('q1')}${question('q2')}${question('q1')}`;
    const fast = loadFramework(duplicate, 'f.yaml');
    assert.equal(fast.ok, false);
    assert.ok(fastYamlValue(duplicate), 'this file takes the fast path');
    assert.deepEqual(fast, loadFramework(slowly(duplicate), 'f.yaml'));

    const config = 'windowDays: 90\nhotfixPattern: "(unclosed"\n';
    assert.deepEqual(loadTeamConfig(config, 'c.yaml'), loadTeamConfig(slowly(config), 'c.yaml'));
    const loaded = loadTeamConfig('windowDays: 90\ndefaultBranch: main\n', 'c.yaml');
    assert.ok(loaded.ok);
    assert.deepEqual(loaded.value.problemAt(['defaultBranch'], 'm'), {
      severity: 'error',
      file: 'c.yaml',
      line: 2,
      column: 16,
      path: 'defaultBranch',
      message: 'm',
    });
  });
});
