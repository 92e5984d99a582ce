import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';

/**
 * A parsed YAML (or JSON, which YAML 1.2 reads too) document that can tell the line and column
 * of any path in it. Both loaders use it to point zod's issues at the user's text.
 */
export interface PositionedDocument {
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  locate(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
  at(offset: number): { line: number; column: number };
  /**
   * Keys repeated in one mapping and nesting past the cap, found in one linear walk. (The library's own
   * `uniqueKeys` check compares each key with every earlier one: 50 s for a 700 KB file of keys.)
   */
  readonly structure: readonly { readonly offset: number; readonly message: string }[];
}

/** Deeper than any framework needs; later recursive steps (toJS, zod) stay far from the stack limit. */
export const MAX_YAML_DEPTH = 64;
export const NESTED_TOO_DEEP = `nested more than ${MAX_YAML_DEPTH} levels deep; a framework never needs that, so flatten this value`;

export const YAML_OPTIONS = {
  uniqueKeys: false,
  prettyErrors: false,
  // Only the YAML core schema: an unknown tag such as `!!js/function` stays a plain string, never code,
  // and is refused (loadYaml.ts). Without the "known" tags, `!!timestamp` or `!!binary` are unknown too.
  schema: 'core',
  resolveKnownTags: false,
  strict: true,
} as const;

export function parsePositioned(text: string): PositionedDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const keyIndex = new WeakMap<object, Map<string, Pair>>();
  return {
    document,
    lineCounter,
    at,
    structure: structureProblems(document.contents),
    locate(path) {
      const offset = offsetOf(document.contents, path, keyIndex);
      return offset === undefined ? undefined : at(offset);
    },
  };
}

/** The start of the deepest node on the path; for a missing key, its parent mapping. */
function offsetOf(
  root: unknown,
  path: readonly PropertyKey[],
  keyIndex: WeakMap<object, Map<string, Pair>>,
): number | undefined {
  let node = root as YamlNode | null | undefined;
  let best = node?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = keysOf(node, keyIndex).get(String(key));
      if (!pair) break;
      const keyStart = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      node = pair.value as YamlNode | null;
      best = node?.range?.[0] ?? keyStart ?? best;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as YamlNode | undefined;
      if (!item) break;
      node = item;
      best = item.range?.[0] ?? best;
    } else {
      break;
    }
  }
  return best;
}

/** A mapping's pairs by key, built once per mapping on first use, so many lookups stay linear overall. */
function keysOf(node: YAMLMap, keyIndex: WeakMap<object, Map<string, Pair>>): Map<string, Pair> {
  let keys = keyIndex.get(node);
  if (!keys) {
    keys = new Map();
    for (const item of node.items) if (isScalar(item.key)) keys.set(String(item.key.value), item);
    keyIndex.set(node, keys);
  }
  return keys;
}

function structureProblems(root: unknown): { offset: number; message: string }[] {
  const problems: { offset: number; message: string }[] = [];
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 1 }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, depth } = entry;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_YAML_DEPTH) {
      problems.push({
        offset: node.range?.[0] ?? 0,
        message: NESTED_TOO_DEEP,
      });
      continue;
    }
    if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
      continue;
    }
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (isScalar(pair.key)) {
        const key = String(pair.key.value);
        if (seen.has(key))
          problems.push({
            offset: pair.key.range?.[0] ?? 0,
            message: `the key ${JSON.stringify(key)} appears twice in one mapping`,
          });
        seen.add(key);
      }
      stack.push({ node: pair.value, depth: depth + 1 });
    }
  }
  return problems.sort((a, b) => a.offset - b.offset);
}
