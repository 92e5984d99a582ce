import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';

/**
 * A parsed YAML (or JSON, which YAML 1.2 reads too) document that can tell the line and column
 * of any path in it. Both loaders use it to point zod's issues at the user's text.
 */
export interface PositionedDocument {
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  locate(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
  at(offset: number): { line: number; column: number };
}

export const YAML_OPTIONS = {
  uniqueKeys: true,
  prettyErrors: false,
  // Only the YAML core schema: an unknown tag such as `!!js/function` stays a plain string, never code.
  schema: 'core',
  strict: true,
} as const;

/** Keeps the library's alias guard so a "billion laughs" document fails fast instead of exhausting memory. */
export const MAX_ALIAS_COUNT = 100;

export function parsePositioned(text: string): PositionedDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return {
    document,
    lineCounter,
    at,
    locate(path) {
      const offset = offsetOf(document.contents, path);
      return offset === undefined ? undefined : at(offset);
    },
  };
}

/** The start of the deepest node on the path; for a missing key, its parent mapping. */
function offsetOf(root: unknown, path: readonly PropertyKey[]): number | undefined {
  let node = root as YamlNode | null | undefined;
  let best = node?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
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
