import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadTeamConfig } from '../../../../src/core/config/load';
import { loadFramework } from '../../../../src/core/framework/load';
import { bigFramework } from '../../hostile/worstCase';
import { fastYamlValue } from '../../../../src/core/text/fastYaml';
import { MAX_ALIAS_COUNT, MAX_YAML_DEPTH, parsePositioned } from '../../../../src/core/text/positions';

/** What the positioned parser makes of the text: its value, or undefined when it reports anything. */
function positioned(text: string): { value: unknown } | undefined {
  const doc = parsePositioned(text);
  if (doc.document.errors.length + doc.document.warnings.length + doc.structure.length > 0) return undefined;
  return { value: doc.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
}

/** A comment with an `&` sends a file down the positioned path without changing its value or lines. */
const slowly = (text: string) => `${text}\n# &\n`;

const DORA = readFileSync('frameworks/dora.yaml', 'utf8');

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

  it('never accepts an edited framework that the positioned parser refuses or reads differently', () => {
    const edit = fc.record({
      at: fc.nat({ max: DORA.length }),
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
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const text = edits.reduce((t, e) => t.slice(0, e.at) + e.put + t.slice(e.at + e.cut), DORA);
        const fast = fastYamlValue(text);
        if (fast) assert.deepEqual(fast, positioned(text), JSON.stringify(text.slice(0, 200)));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves every feature it cannot read alike to the positioned parser', () => {
    const declined = {
      anchor: 'a: &x 1\nb: *x\n',
      tag: 'a: !!str 1\n',
      directive: '%YAML 1.2\n---\na: 1\n',
      'flow end at a line start': 'a: [\n  1\n]\n',
      'carriage return alone': 'a: 1\rb: 2\n',
      'comment glued to a quote': 'a: "x"#c\n',
      'collection key': '[a]: 1\n',
      'explicit key': '? a\n: 1\n',
      'collection key without a value': '{a: 1, [b]}\n',
      'null key': 'null: 1\n',
      'key over 1024 characters': `${'k'.repeat(1100)}: 1\n`,
      'byte order mark inside': 'a: 1\n\ufeffb: 2\n',
      'repeated key': 'a: 1\na: 2\n',
      'syntax error': 'a: [1\n',
      'two documents': 'a: 1\n---\nb: 2\n',
      'nesting past the cap': `${'['.repeat(MAX_YAML_DEPTH + 1)}${']'.repeat(MAX_YAML_DEPTH + 1)}\n`,
      'nesting that would overflow js-yaml': `a: ${'['.repeat(100_000)}\n`,
    };
    for (const [name, text] of Object.entries(declined)) assert.equal(fastYamlValue(text), undefined, name);
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
