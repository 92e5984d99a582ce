import { NO_COMMIT, PRESENT } from './graph';
import type { CommitGraph } from './graph';

/**
 * Commits that are not this team's own history: those that do not descend from the main root, the root
 * reached by following first parents from `tip`. They arrived through a merge of an unrelated history
 * (an imported repository, a subtree, `git merge --allow-unrelated-histories`), and their author dates
 * are years before this project shipped them, so they are left out of lead time.
 *
 * Returns null when there is nothing to exclude: one root only, no tip, or a shallow clone (whose
 * boundary commits look like roots but are not). Linear in the size of the graph.
 */
export function importedCommits(graph: CommitGraph, tip: number, shallow: boolean): Uint8Array | null {
  if (shallow || tip === NO_COMMIT || !(graph.flags[tip]! & PRESENT)) return null;
  let roots = 0;
  for (let id = 0; id < graph.size; id++) if (graph.flags[id]! & PRESENT && graph.parentCount[id] === 0) roots++;
  if (roots <= 1) return null;

  let root = tip;
  for (let steps = 0; graph.parentCount[root]! > 0 && steps < graph.size; steps++) {
    const parent = graph.parents[graph.parentOffset[root]!]!;
    if (!(graph.flags[parent]! & PRESENT)) return null;
    root = parent;
  }

  // Children as a compact adjacency list, then a walk down from the main root.
  const childStart = new Int32Array(graph.size + 1);
  for (let id = 0; id < graph.size; id++) {
    const first = graph.parentOffset[id]!;
    for (let p = first; p < first + graph.parentCount[id]!; p++) childStart[graph.parents[p]! + 1]!++;
  }
  for (let id = 0; id < graph.size; id++) childStart[id + 1]! += childStart[id]!;
  const children = new Int32Array(childStart[graph.size]!);
  const fill = childStart.slice(0, graph.size);
  for (let id = 0; id < graph.size; id++) {
    if (!(graph.flags[id]! & PRESENT)) continue;
    const first = graph.parentOffset[id]!;
    for (let p = first; p < first + graph.parentCount[id]!; p++) children[fill[graph.parents[p]!]!++] = id;
  }
  const ours = new Uint8Array(graph.size);
  const stack = new Int32Array(graph.size);
  let top = 0;
  ours[root] = 1;
  stack[top++] = root;
  while (top > 0) {
    const commit = stack[--top]!;
    for (let c = childStart[commit]!; c < childStart[commit + 1]!; c++) {
      const child = children[c]!;
      if (ours[child]) continue;
      ours[child] = 1;
      stack[top++] = child;
    }
  }
  const imported = new Uint8Array(graph.size);
  for (let id = 0; id < graph.size; id++) imported[id] = graph.flags[id]! & PRESENT && !ours[id] ? 1 : 0;
  return imported;
}
