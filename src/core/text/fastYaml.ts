import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import type { LoadOptions } from 'js-yaml';
import { MAX_YAML_DEPTH } from './positions';

/**
 * The YAML 1.2 core schema exactly as the `yaml` library resolves plain scalars (its
 * `schema/core` tags: same patterns, same order, same conversions), so both parsers give the same
 * values. js-yaml's own CORE_SCHEMA differs (it reads `0b101` and `1_000` as numbers, for one).
 */
const plain = (tag: string, forms: ReadonlyArray<readonly [RegExp, (source: string) => unknown]>) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (source: string | null) => forms.some(([test]) => test.test(source ?? '')),
    construct: (source: string | null) => {
      const text = source ?? '';
      return forms.find(([test]) => test.test(text))?.[1](text);
    },
  });

// One type per tag: js-yaml keeps only the last type given for a tag. The forms of a tag never overlap.
const CORE_AS_YAML = FAILSAFE_SCHEMA.extend({
  implicit: [
    plain('null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    plain('bool', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s.startsWith('t') || s.startsWith('T')]]),
    plain('int', [
      [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    ]),
    plain('float', [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s.startsWith('-') ? -Infinity : Infinity),
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ]),
  ],
});

/**
 * Text the fast path must not take, because js-yaml would read it differently from the positioned
 * parser, or the positioned parser only warns about it: anchors and aliases (`&`, `*`, the alias-bomb
 * guard), tags (`!`), directives (`%` at a line start), a flow collection closed at the start of a
 * line, a carriage return without a line feed, a comment glued to the token before it (`"a"#b`,
 * which js-yaml accepts), and keys that are collections (`[a]: b`, `? [a]`, `{a, [b]}`), which the two parsers
 * turn into different strings. A false match costs only speed: the positioned parser reads the file.
 */
const NEEDS_POSITIONED =
  /[&*!]|^%|^[ \t]*[\]}]|\r(?!\n)|[^\s\w]#|[\]}][ \t]*:|[{,]\s*[[{]|(?:^[ \t]*(?:-[ \t]+)*|[[{,][ \t]*)\?(?:\s|$)/m;

/** `maxDepth` (js-yaml 4.3) keeps its recursion far from the stack limit; its typings predate it. */
const OPTIONS: LoadOptions & { maxDepth: number } = {
  schema: CORE_AS_YAML,
  maxDepth: MAX_YAML_DEPTH + 2,
  // No warning is tolerated: the positioned parser then reads the file and reports it.
  onWarning: () => {
    throw new Error('warning');
  },
};

/**
 * The value of a plain YAML file in one quick pass, or undefined when the file needs the positioned
 * parser: a feature above, any syntax error, a repeated key (js-yaml refuses them), or nesting past
 * the cap. The positioned parser then reports it with a line and column. About twenty times faster
 * than building the positioned document, which a valid file never needs.
 */
export function fastYamlValue(text: string): { value: unknown } | undefined {
  // A byte order mark is dropped at the start by both parsers, but read differently anywhere else.
  if (NEEDS_POSITIONED.test(text) || text.includes('\ufeff', 1) || hasLongSpan(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, OPTIONS);
  } catch {
    return undefined;
  }
  return readsAlike(value) ? { value } : undefined;
}

/**
 * The positioned parser refuses an implicit key over 1024 characters; js-yaml does not. A key starts
 * at a line start or after `{`, `[` or `,`, so a longer span without those can hold such a key.
 */
function hasLongSpan(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    run = c === 10 || c === 44 || c === 91 || c === 123 ? 0 : run + 1; // \n , [ {
    if (run > 1000) return true;
  }
  return false;
}

/**
 * Whether the value is one the positioned parser gives too: no mapping or sequence deeper than its
 * cap (the root is level 1), no key from a null (js-yaml writes "null", the other ""), and no key
 * long enough that its source, with escapes, could pass the 1024-character limit.
 */
function readsAlike(root: unknown): boolean {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 1 }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, depth } = entry;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_YAML_DEPTH) return false;
    if (!Array.isArray(node) && Object.keys(node).some((key) => key === 'null' || key.length > 200)) return false;
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return true;
}
