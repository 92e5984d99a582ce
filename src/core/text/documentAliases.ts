import { isAlias, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Alias, Document, Node as YamlNode } from 'yaml';
import { expansionProblem, measureExpansion, missingAnchorMessage } from './expansion';
import type { AliasUse, NodeShape } from './expansion';

/**
 * The positioned parser's counterpart of the fast path's alias check: the same measure of what the
 * document's aliases expand to, over the library's own nodes, before any value is built from them.
 * Also names an alias whose anchor is missing, which the library only finds when it builds the value.
 * Undefined when the document has no alias, or its aliases are harmless.
 */
export function documentAliasProblem(document: Document.Parsed): { offset: number; message: string } | undefined {
  const { targets, unresolved } = aliasTargets(document);
  if (unresolved) {
    return {
      offset: unresolved.range?.[0] ?? 0,
      message: missingAnchorMessage(unresolved.source),
    };
  }
  if (targets.size === 0) return undefined;
  const shapeOf = (node: unknown): NodeShape<unknown> => {
    if (isAlias(node)) {
      const target = targets.get(node);
      return { weight: 0, nests: false, children: target ? [target] : [] };
    }
    if (isMap(node)) return { weight: 1, nests: true, children: node.items.flatMap((pair) => [pair.key, pair.value]) };
    if (isSeq(node)) return { weight: 1, nests: true, children: node.items };
    if (isScalar(node) && typeof node.value === 'string') return { weight: 1 + node.value.length, nests: false };
    return { weight: 1, nests: false };
  };
  const expansion = measureExpansion<unknown>(document.contents, shapeOf);
  if (expansion.ok) return undefined;
  const aliases: AliasUse<unknown>[] = [...targets].map(([alias, target]) => ({
    offset: alias.range?.[0] ?? 0,
    target,
  }));
  const cycleAlias = (from: unknown) => (isAlias(from) ? from.range?.[0] : undefined);
  return expansionProblem(expansion, aliases, cycleAlias, shapeOf);
}

/**
 * The node each alias repeats: the last one anchored with its name before it, found in one walk in
 * document order. (The library's `Alias.resolve` walks the whole document for every alias.) A
 * collection's anchor is met before its contents, so an alias inside it finds it: a cycle.
 */
function aliasTargets(document: Document): { targets: Map<Alias, YamlNode>; unresolved: Alias | undefined } {
  const anchors = new Map<string, YamlNode>();
  const targets = new Map<Alias, YamlNode>();
  let unresolved: Alias | undefined;
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
        else unresolved ??= node;
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
    },
  });
  return { targets, unresolved };
}

/**
 * The document's value, built with every alias replaced by the node it repeats. The library's own
 * `toJS` looks each alias up by a scan of all anchors and aliases before it: quadratic, 10 s for a
 * 1 MB file of 12,000 aliases. Only called once `documentAliasProblem` has found the expansion
 * bounded and free of cycles; the copy keeps the document's own nodes, and so its positions, intact.
 */
export function documentValue(document: Document.Parsed): unknown {
  if (aliasTargets(document).targets.size === 0) return document.toJS({ maxAliasCount: -1 });
  const copy = document.clone();
  const { targets } = aliasTargets(copy);
  const inline = (node: unknown) => (isAlias(node) ? (targets.get(node) ?? node) : node);
  const seen = new Set<unknown>();
  const stack: unknown[] = [copy.contents];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (seen.has(node)) continue;
    seen.add(node);
    if (isSeq(node)) {
      node.items = node.items.map(inline);
      stack.push(...node.items);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        pair.key = inline(pair.key);
        pair.value = inline(pair.value);
        stack.push(pair.key, pair.value);
      }
    }
  }
  return copy.toJS({ maxAliasCount: -1 });
}
