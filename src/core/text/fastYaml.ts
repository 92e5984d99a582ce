import { FAILSAFE_SCHEMA, load, Type, YAMLException } from 'js-yaml';
import type { LoadOptions, State } from 'js-yaml';
import { expansionProblem, measureExpansion, missingAnchorMessage } from './expansion';
import type { AliasUse, NodeShape } from './expansion';
import { MAX_YAML_DEPTH, NESTED_TOO_DEEP } from './positions';
import { unknownTagMessage } from './yamlProblem';

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

const CORE_TAGS = new Set(
  ['str', 'seq', 'map', 'null', 'bool', 'int', 'float'].map((name) => `tag:yaml.org,2002:${name}`),
);

/**
 * Text the fast path must not take, because js-yaml would read it differently from the positioned
 * parser, or the positioned parser only warns about it: directives (`%` at a line start), a flow
 * collection closed at the start of a line, a carriage return without a line feed, a comment glued to
 * the token before it (`"a"#b`, which js-yaml accepts), and keys that are collections (`[a]: b`,
 * `? [a]`, `{a, [b]}`), which the two parsers turn into different strings, and a value without a key
 * (`: a`, `!!str : a`) or a byte order mark before spaces (whose indentation the positioned
 * parser does not count), which js-yaml refuses and the positioned parser reads. A false match costs only
 * speed: the positioned parser reads the file. Anchors, aliases and tags need no such test: js-yaml
 * refuses any tag outside the core schema, and the aliases are measured below.
 */
const NEEDS_POSITIONED =
  /^%|^\ufeff[ \t]|^[ \t]*[\]}]|\r(?!\n)|[^\s\w]#|[\]}][ \t]*:|[{,]\s*[[{]|(?:^[ \t]*(?:-[ \t]+)*|[[{,][ \t]*)(?:[!&]\S*[ \t]+)*[?:](?:\s|$)/m;

/** `maxDepth` (js-yaml 4.3) keeps its recursion far from the stack limit; its typings predate it. */
export const FAST_YAML_OPTIONS: LoadOptions & { maxDepth: number } = {
  schema: CORE_AS_YAML,
  maxDepth: MAX_YAML_DEPTH + 2,
  // No warning is tolerated: the positioned parser then reads the file and reports it.
  onWarning: () => {
    throw new WarningStop();
  },
};

/** What the fast path throws at js-yaml's first warning, to stop reading. */
class WarningStop extends Error {}

/**
 * A warning (`deficient indentation`) often comes just before the error it leads to (an unclosed
 * `[`): reading on past the warnings finds that error, which is the file's first problem then.
 */
function errorPastWarnings(text: string): FastYaml | undefined {
  try {
    load(text, { ...FAST_YAML_OPTIONS, onWarning: () => undefined });
  } catch (error) {
    if (!(error instanceof WarningStop)) return firstError(text, error);
  }
  return undefined;
}

export type FastYaml =
  | { readonly value: unknown }
  /** The file is refused: a tag outside the core schema, an alias to no anchor, a bomb or a cycle. */
  | { readonly problem: { readonly offset: number; readonly message: string } }
  /**
   * js-yaml stopped at a syntax error, a repeated key or nesting past the cap. The positioned parser
   * refuses such a file too, and lists every problem; this is only the first (loadYaml.ts uses it
   * for a file too large to read twice quickly).
   */
  | { readonly firstError: { readonly offset: number; readonly message: string } };

/**
 * The value of a YAML file in one quick pass, or undefined when the file needs the positioned
 * parser: a feature above, an unknown tag, any syntax error, a repeated key (js-yaml refuses them),
 * or nesting past the cap. The positioned parser then reports it with a line and column. About
 * twenty times faster than building the positioned document, which a valid file never needs.
 *
 * js-yaml gives an aliased value to every alias by reference, so what the file costs later steps
 * is its expanded size: that is measured without expanding (`measureExpansion`), and a file whose
 * aliases would grow it past the bound, or refer to the value they sit in, is refused here.
 */
export function fastYamlValue(text: string): FastYaml | undefined {
  // A byte order mark is dropped at the start by both parsers, but read differently anywhere else.
  if (NEEDS_POSITIONED.test(text) || text.includes('\ufeff', 1) || hasLongKey(text)) return undefined;
  const read: Reading = { opened: [], aliases: [], alike: true };
  let value: unknown;
  try {
    value = load(text, { ...FAST_YAML_OPTIONS, listener: nodeListener(text, read) });
  } catch (error) {
    return refusalAt(text, error, read.opened.at(-1)) ?? firstError(text, error);
  }
  const { aliases } = read;
  const shapeOf = (node: unknown): NodeShape<unknown> => {
    const shape = shapeOfValue(node);
    if (shape.keys?.some((key) => key === 'null' || key.length > 200)) read.alike = false;
    return shape;
  };
  const expansion = measureExpansion(value, shapeOf);
  // Read otherwise than the positioned parser would, or too deep: it reads or reports the file.
  if (!read.alike || (!expansion.ok && expansion.kind === 'tooDeep')) return undefined;
  if (expansion.ok) return { value };
  const cycleAlias = (_from: unknown, to: unknown) => aliases.find((alias) => alias.target === to)?.offset;
  return { problem: expansionProblem(expansion, aliases, cycleAlias, shapeOf) };
}

/** What the listener learns while js-yaml reads. */
interface Reading {
  /** Where each node still open started. */
  readonly opened: number[];
  readonly aliases: AliasUse<unknown>[];
  /** False once js-yaml has read something the positioned parser reads otherwise. */
  alike: boolean;
}

const COLLECTION_TAGS = new Map([
  ['tag:yaml.org,2002:seq', 'sequence'],
  ['tag:yaml.org,2002:map', 'mapping'],
]);

/**
 * A js-yaml listener that keeps the start of every node still open, and records every alias: where
 * it is written and the value it repeats. js-yaml announces each node when it opens and closes; an
 * alias is the one node that closes with a value but without a kind (a scalar, sequence or mapping).
 * It also notes a `!!seq` or `!!map` on an empty node, which js-yaml makes an empty collection and
 * the positioned parser refuses. (The typings of js-yaml's State predate its `tag`.)
 */
function nodeListener(text: string, read: Reading): (event: string, state: State) => void {
  return (event, state) => {
    if (event === 'open') {
      read.opened.push(state.position);
      return;
    }
    const start = read.opened.pop() ?? 0;
    const kind = state.kind as State['kind'] | null;
    const collection = COLLECTION_TAGS.get((state as State & { tag: string | null }).tag ?? '');
    if (collection !== undefined && kind !== collection) read.alike = false;
    if (kind !== null || state.result === null) return;
    const offset = propertyStart(text, start, '*');
    if (offset !== undefined) read.aliases.push({ offset, target: state.result });
  };
}

/**
 * Two errors end js-yaml's reading where the positioned parser refuses the file too, so they are
 * refused here, in the same words: a tag outside the core schema, at its `!`, and an alias to no
 * anchor, at its `*`. js-yaml stops in the node that carries either, which is the last one opened.
 * Any other error is left to the positioned parser to report.
 */
function refusalAt(text: string, error: unknown, nodeStart: number | undefined): FastYaml | undefined {
  if (!(error instanceof YAMLException) || nodeStart === undefined) return undefined;
  const missing = /^unidentified alias "(.*)"$/.exec(error.reason)?.[1];
  const alias = missing === undefined ? undefined : propertyStart(text, nodeStart, '*');
  if (missing !== undefined && alias !== undefined)
    return { problem: { offset: alias, message: missingAnchorMessage(missing) } };
  // js-yaml also says "unknown tag" of a core tag on the wrong kind of node (`!!seq 1`), which the
  // positioned parser reports otherwise.
  const tag = /^unknown tag !<(.*)>$/.exec(error.reason)?.[1];
  const offset = tag === undefined || CORE_TAGS.has(tag) ? undefined : propertyStart(text, nodeStart, '!');
  if (offset === undefined) return undefined;
  const written = text.slice(offset, tokenEnd(text, offset));
  return { problem: { offset, message: unknownTagMessage(written) } };
}

/**
 * js-yaml's error, in the words the positioned parser uses where they differ: a repeated key names
 * the key, and nesting past the cap says so. A thrown warning (a plain Error) and an error without a
 * place in the text are left to the positioned parser.
 */
function firstError(text: string, error: unknown): FastYaml | undefined {
  if (error instanceof WarningStop) return errorPastWarnings(text);
  // A multi-document error comes without a mark, although the typings promise one.
  const mark = error instanceof YAMLException ? (error.mark as YAMLException['mark'] | undefined) : undefined;
  if (!(error instanceof YAMLException) || !mark) return undefined;
  // js-yaml refuses a core tag on the wrong kind of node (`!!int {}`), which the positioned parser only warns of.
  if (/tag/.test(error.reason)) return undefined;
  const offset = mark.position;
  if (error.reason === 'duplicated mapping key') {
    const key = /^([^\s#'"[\]{},:][^\n#:]*?)[ \t]*:(?:\s|$)/.exec(text.slice(offset, offset + 1100))?.[1];
    const named = key === undefined ? 'a key' : `the key ${JSON.stringify(key)}`;
    return { firstError: { offset, message: `${named} appears twice in one mapping` } };
  }
  if (error.reason.startsWith('nesting exceeded maxDepth')) return { firstError: { offset, message: NESTED_TOO_DEEP } };
  return { firstError: { offset, message: error.reason } };
}

/**
 * The `*` of an alias, or the `!` of a tag, of a node that opened at `from`: only spaces, line breaks,
 * comments and an anchor (before a tag) come between.
 */
function propertyStart(text: string, from: number, mark: '*' | '!'): number | undefined {
  let i = from;
  for (;;) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '#') i = text.includes('\n', i) ? text.indexOf('\n', i) : text.length;
    else if (c === '&' && mark === '!') i = tokenEnd(text, i);
    else return c === mark ? i : undefined;
  }
}

/** The end of the anchor or tag starting at `from`: the next space, line break or flow indicator. */
function tokenEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !/[\s,[\]{}]/.test(text.charAt(i))) i++;
  return i;
}

/** What a value weighs and holds; for a mapping, also its keys, which weigh their length. */
function shapeOfValue(node: unknown): NodeShape<unknown> & { keys?: string[] } {
  if (typeof node === 'string') return { weight: 1 + node.length, nests: false };
  if (typeof node !== 'object' || node === null) return { weight: 1, nests: false };
  if (Array.isArray(node)) return { weight: 1, nests: true, children: node };
  const keys = Object.keys(node);
  const weight = keys.reduce((sum, key) => sum + 1 + key.length, 1);
  return { weight, nests: true, children: Object.values(node), keys };
}

/**
 * The positioned parser refuses an implicit key over 1024 characters; js-yaml does not. A key starts
 * at a line start or after `{`, `[` or `,`, and ends at a `:`, so only a `:` that far from all of those
 * can end such a key. A long line of prose has its key at the start, and stays on the fast path.
 */
function hasLongKey(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    run = c === 10 || c === 44 || c === 91 || c === 123 ? 0 : run + 1; // \n , [ {
    if (c === 58 && run > 1000) return true; // :
  }
  return false;
}
