import { MAX_INPUT_CHARS } from '../problems';
import { MAX_YAML_DEPTH } from './positions';

/**
 * How large a file may grow once its aliases are expanded, counted as a value's characters plus one
 * per value. A file without aliases stays under about its own length, so four times the size limit
 * leaves room for a shared block referenced by every question, and none for a "billion laughs".
 */
export const MAX_EXPANDED_SIZE = 4 * MAX_INPUT_CHARS;

/** One node of a parsed document, as the walk sees it: what it weighs itself and what it holds. */
export interface NodeShape<N> {
  /** 1 per value plus a string's (or key's) characters; 0 for an alias, which only points. */
  readonly weight: number;
  /** The nodes held, keys included; undefined for a scalar. */
  readonly children?: readonly N[];
  /** Whether the node is a level of nesting (a mapping or a sequence; an alias is not). */
  readonly nests: boolean;
}

export type Expansion<N> =
  | { readonly ok: true }
  /** `to` is reached again from inside itself, through `from`. */
  | { readonly ok: false; readonly kind: 'cycle'; readonly from: N; readonly to: N }
  | { readonly ok: false; readonly kind: 'tooLarge' | 'tooDeep'; readonly measured: Measured<N> };

/** The expanded size and depth of every collection walked so far, to find which alias to blame. */
export type Measured<N> = ReadonlyMap<N, { readonly size: number; readonly depth: number }>;

interface Frame<N> {
  readonly node: N;
  readonly children: readonly N[];
  readonly shape: NodeShape<N>;
  index: number;
  size: number;
  depth: number;
}

/**
 * Measures what a document becomes once its aliases are expanded, without expanding anything: each
 * collection is walked once and its size and depth remembered, so the work is linear in the written
 * document however many times its parts are repeated. Stops at the first cycle, at the first
 * collection past `MAX_EXPANDED_SIZE`, or past the nesting cap, so later steps (the schema, scoring,
 * rendering), which do walk the expanded tree, never meet an exponential or endless one.
 */
export function measureExpansion<N>(root: N, shapeOf: (node: N) => NodeShape<N>): Expansion<N> {
  const measured = new Map<N, { size: number; depth: number }>();
  const open = new Set<N>();
  const frames: Frame<N>[] = [];
  const enter = (node: N, shape: NodeShape<N>) => {
    open.add(node);
    frames.push({ node, shape, children: shape.children ?? [], index: 0, size: shape.weight, depth: 0 });
  };
  const rootShape = shapeOf(root);
  if (!rootShape.children) return { ok: true };
  enter(root, rootShape);
  for (let frame = frames.at(-1); frame; frame = frames.at(-1)) {
    if (frame.index < frame.children.length) {
      const child = frame.children[frame.index++] as N;
      // A repeated collection is looked up before it is shaped, so its repeats cost nothing more.
      const known = measured.get(child);
      if (known) {
        frame.size += known.size;
        frame.depth = Math.max(frame.depth, known.depth);
        continue;
      }
      if (open.has(child)) return { ok: false, kind: 'cycle', from: frame.node, to: child };
      const shape = shapeOf(child);
      if (shape.children) enter(child, shape);
      else frame.size += shape.weight;
      continue;
    }
    frames.pop();
    open.delete(frame.node);
    const result = { size: frame.size, depth: frame.depth + (frame.shape.nests ? 1 : 0) };
    measured.set(frame.node, result);
    if (result.size > MAX_EXPANDED_SIZE) return { ok: false, kind: 'tooLarge', measured };
    if (result.depth > MAX_YAML_DEPTH) return { ok: false, kind: 'tooDeep', measured };
    const parent = frames.at(-1);
    if (parent) {
      parent.size += result.size;
      parent.depth = Math.max(parent.depth, result.depth);
    }
  }
  return { ok: true };
}

/** An alias written in the file: where it starts and the node it repeats. */
export interface AliasUse<N> {
  readonly offset: number;
  readonly target: N;
}

/**
 * The problem to report for a document whose expansion failed, at the alias most to blame: for a
 * cycle, one that refers to the value it sits in; otherwise the first of those that repeat the
 * largest (or deepest) value.
 */
export function expansionProblem<N>(
  failure: Exclude<Expansion<N>, { ok: true }>,
  aliases: readonly AliasUse<N>[],
  cycleAlias: (from: N, to: N) => number | undefined,
  shapeOf: (node: N) => NodeShape<N>,
): { offset: number; message: string } {
  if (failure.kind === 'cycle') {
    return {
      offset: cycleAlias(failure.from, failure.to) ?? 0,
      message:
        'this alias refers to the value it is part of, so that value would never end; point it at another anchor or write the value out',
    };
  }
  const key = failure.kind === 'tooLarge' ? 'size' : 'depth';
  let blamed: AliasUse<N> | undefined;
  let most = -1;
  for (const alias of aliases) {
    const measured = failure.measured.get(alias.target);
    const value = measured ? measured[key] : key === 'size' ? shapeOf(alias.target).weight : 0;
    if (value > most) [blamed, most] = [alias, value];
  }
  const message =
    failure.kind === 'tooLarge'
      ? `with its aliases expanded, this file would grow past ${MAX_EXPANDED_SIZE / 1_000_000} MB, which only an alias bomb needs; use fewer aliases, or write the repeated values out`
      : `with its aliases expanded, this file is nested more than ${MAX_YAML_DEPTH} levels deep; a framework never needs that, so refer to a shallower value`;
  return { offset: blamed?.offset ?? 0, message };
}

export function missingAnchorMessage(name: string): string {
  return `this alias names no anchor &${name} before it; write the anchor on the value to repeat, or fix the name`;
}
