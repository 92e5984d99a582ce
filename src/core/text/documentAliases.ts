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
function aliasTargets(document: Document.Parsed): { targets: Map<Alias, YamlNode>; unresolved?: Alias } {
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
