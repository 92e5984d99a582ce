import { load } from 'js-yaml';
import type { State } from 'js-yaml';
import { FAST_YAML_OPTIONS } from './fastYaml';
import { lineIndex } from './lineIndex';
import type { Locator } from './zodProblems';

/** A node js-yaml read: where it starts and ends, and the nodes inside it, in the order written. */
interface Read {
  start: number;
  end: number;
  kind: string | null;
  readonly children: Read[];
}

/**
 * Positions for a file the fast path read, from a second js-yaml reading that notes where each node
 * starts: about a tenth of the time of the positioned document, so a large file the schema refuses
 * is reported quickly, every problem at its line and column (issue 10). Mapping keys and values come
 * as alternate nodes; a key is known by the `:` after it, so a value left empty (`key:`) is no node.
 * Where the nodes cannot be matched to the value (an empty sequence item), `fallback` locates.
 * Returns undefined when js-yaml does not read the file: the positioned parser is the only locator then.
 */
export function fastLocator(text: string, fallback: Locator): Locator | undefined {
  const open: Read[] = [{ start: 0, end: 0, kind: null, children: [] }];
  try {
    load(text, {
      ...FAST_YAML_OPTIONS,
      listener: (event: string, state: State) => {
        if (event === 'open') {
          open.push({ start: state.position, end: state.position, kind: null, children: [] });
          return;
        }
        const node = open.pop();
        if (!node) return;
        node.end = state.position;
        const kind: unknown = state.kind;
        node.kind = typeof kind === 'string' ? kind : null;
        const [only] = node.children;
        // js-yaml reads a compact `- {a: 1}` as a possible key first: the one node then holds the other.
        const same =
          only?.start === node.start && node.children.length === 1 && only.kind === node.kind && only.end === node.end;
        // An empty item (`-` alone) is no node, so the items no longer match the values by index.
        const result: unknown = state.result;
        if (node.kind === 'sequence' && Array.isArray(result) && node.children.length !== result.length)
          node.kind = 'unmatched';
        open.at(-1)?.children.push(same ? only : node);
      },
    });
  } catch {
    return undefined;
  }
  const root = open[0]?.children[0];
  const lines = lineIndex(text);
  return {
    locate(path) {
      const offset = root === undefined ? undefined : offsetOf(text, root, path);
      if (offset === 'unmatched') return fallback.locate(path);
      return offset === undefined ? undefined : lines.at(offset);
    },
  };
}

/** As the positioned document does: the start of the deepest node on the path; for a missing key, its parent's. */
function offsetOf(text: string, root: Read, path: readonly PropertyKey[]): number | 'unmatched' | undefined {
  let node = root;
  let best = valueStart(text, node);
  for (const key of path) {
    if (node.kind === 'unmatched') return 'unmatched';
    if (node.kind === 'mapping') {
      const pair = pairOf(text, node, String(key));
      if (!pair) break;
      if (!pair.value) return pair.key.start;
      node = pair.value;
    } else if (node.kind === 'sequence' && typeof key === 'number') {
      const item = node.children[key];
      if (!item) break;
      node = item;
    } else {
      break;
    }
    best = valueStart(text, node);
  }
  return best;
}

/** The key node written as `key`, and the value node after it (none for an empty value). */
function pairOf(text: string, map: Read, key: string): { key: Read; value: Read | undefined } | undefined {
  const { children } = map;
  let found: { key: Read; value: Read | undefined } | undefined;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (!child || !isKey(text, child)) continue;
    const next = children[i + 1];
    const value = next && !isKey(text, next) ? next : undefined;
    if (value) i++;
    // A later pair wins, as in the value; the fast path has no repeated keys anyway.
    if (keyText(text, child) === key) found = { key: { ...child, start: valueStart(text, child) }, value };
  }
  return found;
}

/** A scalar followed by `:` (spaces between) is a mapping key. */
function isKey(text: string, node: Read): boolean {
  if (node.kind !== 'scalar') return false;
  let i = node.end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === ':';
}

/** A key as its value reads: the text unquoted (a key with escapes is compared as written). */
function keyText(text: string, node: Read): string {
  const written = text.slice(valueStart(text, node), node.end).trimEnd();
  const quote = written[0];
  if ((quote === '"' || quote === "'") && written.endsWith(quote)) return written.slice(1, -1);
  return written;
}

/**
 * Where a node's own text begins: past the spaces, line breaks and comments js-yaml opened it
 * before, and past its anchor and tag, as the positioned document counts it. An empty node stays
 * on its line.
 */
function valueStart(text: string, node: Read): number {
  let i = node.start;
  for (;;) {
    const c = text[i];
    if (c === ' ' || c === '\t') i++;
    else if ((c === '\n' || c === '\r') && node.kind !== null) i++;
    else if (c === '#' && (i === 0 || /\s/.test(text.charAt(i - 1)))) i = lineEnd(text, i);
    else if ((c === '&' || c === '!') && i < node.end) i = tokenEnd(text, i);
    else return i;
  }
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function tokenEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !/[\s,[\]{}]/.test(text.charAt(i))) i++;
  return i;
}
