import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { stringify } from 'yaml';
import { fastLocator } from '../../../../src/core/text/fastPositions';
import { FAST_YAML_OPTIONS, fastYamlValue } from '../../../../src/core/text/fastYaml';
import { parsePositioned } from '../../../../src/core/text/positions';
import { aliasedFramework, proseFramework, taggedFramework } from '../../hostile/worstCase';

/** Every path in a value, with one missing key or index under each collection. */
function* pathsOf(value: unknown, path: PropertyKey[] = []): Generator<PropertyKey[]> {
  yield path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* pathsOf(item, [...path, i]);
    yield [...path, value.length];
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* pathsOf(item, [...path, key]);
    yield [...path, 'missing'];
  }
}

/** The paths the two locators place differently. */
function disagreements(text: string): string[] {
  const positioned = parsePositioned(text);
  const fast = fastLocator(text, { locate: () => undefined });
  assert.ok(fast, 'js-yaml reads the text');
  const differ: string[] = [];
  for (const path of pathsOf(load(text, { schema: FAST_YAML_OPTIONS.schema }))) {
    const [a, b] = [fast.locate(path), positioned.locate(path)];
    if (JSON.stringify(a) !== JSON.stringify(b)) differ.push(`${JSON.stringify(path)}: ${JSON.stringify([a, b])}`);
  }
  return differ;
}

describe('Placing schema problems of a large file without the positioned parser', () => {
  it('places every path of the shipped frameworks where the positioned parser does', () => {
    for (const name of ['dora.yaml', 'calms.yaml'])
      assert.deepEqual(disagreements(readFileSync(`frameworks/${name}`, 'utf8')), [], name);
  });

  it('places paths through aliases, tags, prose, flow mappings and empty values alike', () => {
    const texts = {
      aliases: aliasedFramework(3_000),
      tags: taggedFramework(3_000),
      prose: proseFramework(3_000),
      mixed:
        'a:\n  b:\nc: &x\n  - 1\n  - "q: x"\nd: *x\n"e f": {g: 1, h: [1, 2]}\n# c\ni: !!str 5\nj: |\n  lit\nk:\n  - {l: 1}\nm:\n  - - 0\n    - [1, [2]]\n',
    };
    for (const [name, text] of Object.entries(texts)) assert.deepEqual(disagreements(text), [], name);
  });

  it('places every path of generated YAML, in any style, where the positioned parser does', () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'b', '0', '-', ' '), minLength: 1, maxLength: 4 });
    const scalar = fc.oneof(fc.string({ unit: fc.constantFrom('a', ' ', '#', ':', '"', '\n') }), fc.integer());
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
      map: fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 3 }),
    })).node;
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }),
        fc.constantFrom<'any' | 'flow' | 'block'>('any', 'flow', 'block'),
        (data, style) => {
          const text = stringify(data, { collectionStyle: style });
          // Only a file the fast path read is placed this way.
          const fast = fastYamlValue(text);
          if (!fast || !('value' in fast)) return;
          assert.deepEqual(disagreements(text), [], text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('asks the fallback where an empty item leaves the items unmatched to the values', () => {
    const text = 'a:\n  -\n  - b: 1\n';
    const fast = fastLocator(text, { locate: () => ({ line: 99, column: 9 }) });
    assert.ok(fast);
    assert.deepEqual(fast.locate(['a', 1, 'b']), { line: 99, column: 9 });
    assert.deepEqual(fast.locate([]), { line: 1, column: 1 });
  });
});
