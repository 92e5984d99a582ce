import { NO_COMMIT, PRESENT } from './graph';
import type { CommitGraph } from './graph';

/**
 * Which deployment ships each commit: the earliest deployment whose tag reaches it.
 *
 * `deploymentCommits` must be in deployment order (time, then name). Each deployment claims every
 * ancestor of its commit that no earlier deployment claimed, and stops at claimed ones: their
 * ancestors are claimed already, because the claimed set is always closed under "parent of". So each
 * commit is visited once in all, and the whole attribution is linear in the size of the graph, however
 * many tags there are.
 *
 * Returns, per commit, the index of the deployment that ships it, or NO_COMMIT when none does.
 */
export function attributeCommits(
  graph: CommitGraph,
  deploymentCommits: ArrayLike<number>,
  signal?: { readonly aborted: boolean },
): Int32Array {
  const owner = new Int32Array(graph.size).fill(NO_COMMIT);
  let stack = new Int32Array(1024);
  for (let d = 0; d < deploymentCommits.length; d++) {
    if ((d & 255) === 0 && signal?.aborted) break;
    const start = deploymentCommits[d]!;
    if (start === NO_COMMIT || owner[start] !== NO_COMMIT || !(graph.flags[start]! & PRESENT)) continue;
    owner[start] = d;
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const commit = stack[--top]!;
      const first = graph.parentOffset[commit]!;
      const end = first + graph.parentCount[commit]!;
      for (let p = first; p < end; p++) {
        const parent = graph.parents[p]!;
        // A parent that was never read lies beyond a shallow boundary: nothing to ship there.
        if (owner[parent] !== NO_COMMIT || !(graph.flags[parent]! & PRESENT)) continue;
        owner[parent] = d;
        if (top === stack.length) {
          const bigger = new Int32Array(stack.length * 2);
          bigger.set(stack);
          stack = bigger;
        }
        stack[top++] = parent;
      }
    }
  }
  return owner;
}

/** Merge commits on the first-parent chain from `tip`: what "merged to the default branch" means. */
export function firstParentMerges(graph: CommitGraph, tip: number): number[] {
  const merges: number[] = [];
  const seen = new Uint8Array(graph.size);
  let commit = tip;
  while (commit !== NO_COMMIT && graph.flags[commit]! & PRESENT && !seen[commit]) {
    seen[commit] = 1;
    const count = graph.parentCount[commit]!;
    if (count > 1) merges.push(commit);
    commit = count > 0 ? graph.parents[graph.parentOffset[commit]!]! : NO_COMMIT;
  }
  return merges;
}
