import * as assert from 'node:assert/strict';
import { attributeCommits, firstParentMerges } from '../../../../src/core/metrics/attribution';
import { NO_COMMIT } from '../../../../src/core/metrics/graph';
import type { CommitGraph } from '../../../../src/core/metrics/graph';
import { chain, graphOf, hashOf } from './graphFixture';

/** Which deployment (by position in `deployments`) ships each named commit; null when none does. */
function shippedBy(graph: CommitGraph, deployments: string[], ids: string[]): Record<string, number | null> {
  const owner = attributeCommits(
    graph,
    deployments.map((id) => graph.lookup(hashOf(id))),
  );
  return Object.fromEntries(
    ids.map((id) => [id, owner[graph.lookup(hashOf(id))] === NO_COMMIT ? null : owner[graph.lookup(hashOf(id))]!]),
  );
}

const line = chain([
  { id: 'a', at: '2024-03-01T00:00:00Z' },
  { id: 'b', at: '2024-03-02T00:00:00Z' },
  { id: 'c', at: '2024-03-03T00:00:00Z' },
  { id: 'd', at: '2024-03-04T00:00:00Z' },
]);

describe('which deployment ships a commit', () => {
  it('is the earliest deployment whose tag reaches it', () => {
    assert.deepEqual(shippedBy(graphOf(line), ['b', 'd'], ['a', 'b', 'c', 'd']), { a: 0, b: 0, c: 1, d: 1 });
  });

  it('leaves commits no deployment reaches unshipped', () => {
    assert.deepEqual(shippedBy(graphOf(line), ['b'], ['c', 'd']), { c: null, d: null });
  });

  it('gives nothing to a second deployment of the same commit', () => {
    assert.deepEqual(shippedBy(graphOf(line), ['c', 'c'], ['a', 'c']), { a: 0, c: 0 });
  });

  it('gives nothing to a later deployment of a commit an earlier one already ships', () => {
    assert.deepEqual(shippedBy(graphOf(line), ['d', 'b'], ['a', 'b', 'd']), { a: 0, b: 0, d: 0 });
  });

  it('follows every parent of a merge, so a feature branch ships with the merge that brings it in', () => {
    const graph = graphOf([
      ...line,
      { id: 'f1', parents: ['b'], at: '2024-03-05T00:00:00Z' },
      { id: 'f2', parents: ['f1'], at: '2024-03-06T00:00:00Z' },
      { id: 'm', parents: ['d', 'f2'], at: '2024-03-07T00:00:00Z' },
    ]);
    assert.deepEqual(shippedBy(graph, ['c', 'm'], ['a', 'c', 'd', 'f1', 'f2', 'm']), {
      a: 0,
      c: 0,
      d: 1,
      f1: 1,
      f2: 1,
      m: 1,
    });
  });

  it('gives a branch commit to a deployment on that branch before the merge that brings it to main', () => {
    const graph = graphOf([
      ...line,
      { id: 'f1', parents: ['b'], at: '2024-03-05T00:00:00Z' },
      { id: 'm', parents: ['d', 'f1'], at: '2024-03-07T00:00:00Z' },
    ]);
    assert.deepEqual(shippedBy(graph, ['f1', 'm'], ['a', 'f1', 'c', 'm']), { a: 0, f1: 0, c: 1, m: 1 });
  });

  it('stops at a parent that was never read, as beyond a shallow clone boundary', () => {
    const graph = graphOf([{ id: 'x', parents: ['gone'], at: '2024-03-01T00:00:00Z' }]);
    assert.deepEqual(shippedBy(graph, ['x'], ['x', 'gone']), { x: 0, gone: null });
  });
});

describe('first-parent merges', () => {
  it('lists the merges on the first-parent chain only, newest first', () => {
    const graph = graphOf([
      ...line,
      { id: 'f1', parents: ['b'], at: '2024-03-05T00:00:00Z' },
      { id: 'g1', parents: ['f1'], at: '2024-03-05T01:00:00Z' },
      { id: 'inner', parents: ['f1', 'g1'], at: '2024-03-05T02:00:00Z' },
      { id: 'm1', parents: ['d', 'inner'], at: '2024-03-06T00:00:00Z' },
      { id: 'e', parents: ['m1'], at: '2024-03-07T00:00:00Z' },
      { id: 'm2', parents: ['e', 'c'], at: '2024-03-08T00:00:00Z' },
    ]);
    assert.deepEqual(
      firstParentMerges(graph, graph.lookup(hashOf('m2'))).map((i) => graph.hashOf(i)),
      [hashOf('m2'), hashOf('m1')],
    );
  });
});
