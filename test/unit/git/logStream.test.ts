import * as assert from 'node:assert/strict';
import { CommitGraphBuilder, PR_SUBJECT } from '../../../src/core/metrics/graph';
import type { CommitGraph } from '../../../src/core/metrics/graph';
import { LogParser } from '../../../src/git/logStream';

const hash = (n: number) => n.toString(16).padStart(40, 'a');

/** One record exactly as `git log --format=LOG_FORMAT --date=raw` prints it. */
function record(id: number, parents: number[], at: number, committed: string, subject: string, body = ''): string {
  return `\x1e${hash(id)}\0${parents.map(hash).join(' ')}\0${at}\0${committed}\0Ada <ada@example.com>\0${subject}\0${body}\n`;
}

const LOG = Buffer.from(
  [
    record(3, [2, 1], 1_700_000_300, '1700000400 +0530', 'Merge pull request #7 from ada/login'),
    record(
      2,
      [1],
      1_700_000_200,
      '1700000200 -0100',
      'Revert "Add login"',
      `This reverts commit ${hash(1)}.\n\nIt broke sign-in.\n`,
    ),
    record(1, [], 1_700_000_100, '1700000100 +0000', 'Add login (#12)', 'Body with\x00odd bytes and ünïcödé\n'),
  ].join(''),
  'utf8',
);

function parse(chunks: Buffer[]): CommitGraph {
  const builder = new CommitGraphBuilder(2);
  const parser = new LogParser(builder);
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return builder.build();
}

function summary(graph: CommitGraph) {
  return Array.from({ length: graph.size }, (_, i) => ({
    hash: graph.hashOf(i),
    parents: Array.from(
      graph.parents.subarray(graph.parentOffset[i], graph.parentOffset[i]! + graph.parentCount[i]!),
      (p) => graph.hashOf(p),
    ),
    authorTime: graph.authorTime[i],
    committerTime: graph.committerTime[i],
    offset: graph.committerOffset[i],
    pr: (graph.flags[i]! & PR_SUBJECT) !== 0,
  }));
}

describe('reading the streamed git log', () => {
  it('reads hashes, parents, author and committer times and the committer time zone', () => {
    const commits = summary(parse([LOG]));
    assert.deepEqual(
      commits.find((c) => c.hash === hash(3)),
      {
        hash: hash(3),
        parents: [hash(2), hash(1)],
        authorTime: 1_700_000_300,
        committerTime: 1_700_000_400,
        offset: 330,
        pr: false,
      },
    );
    assert.equal(commits.find((c) => c.hash === hash(2))!.offset, -60);
  });

  it('finds "This reverts commit <sha>" in the body', () => {
    const graph = parse([LOG]);
    assert.deepEqual(
      graph.reverts.map(([r, t]) => [graph.hashOf(r), graph.hashOf(t)]),
      [[hash(2), hash(1)]],
    );
  });

  it('marks subjects that end in a pull-request number, and keeps merge subjects only', () => {
    const graph = parse([LOG]);
    assert.deepEqual(
      summary(graph)
        .filter((c) => c.pr)
        .map((c) => c.hash),
      [hash(1)],
    );
    assert.deepEqual([...graph.mergeSubjects.values()], ['Merge pull request #7 from ada/login']);
  });

  it('gives the same graph however the output is cut into chunks, down to one byte at a time', () => {
    const whole = summary(parse([LOG]));
    for (const size of [1, 2, 7, 64]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < LOG.length; i += size) chunks.push(LOG.subarray(i, i + size));
      const graph = parse(chunks);
      assert.deepEqual(summary(graph), whole, `chunks of ${size}`);
      assert.equal(graph.reverts.length, 1, `chunks of ${size}`);
    }
  });

  it('skips a record whose hash is garbled instead of inventing a commit', () => {
    const graph = parse([Buffer.from(`\x1enot-a-hash\0\x001\x001 +0000\0s\0\n${record(1, [], 1, '1 +0000', 's')}`)]);
    assert.deepEqual(
      summary(graph).map((c) => c.hash),
      [hash(1)],
    );
  });
});

describe('reading an octopus merge', () => {
  it('keeps every parent, however many', () => {
    const parents = Array.from({ length: 12 }, (_, i) => i + 10);
    const graph = parse([Buffer.from(record(99, parents, 1, '1 +0000', 'Merge twelve branches'))]);
    const merge = summary(graph).find((c) => c.hash === hash(99))!;
    assert.deepEqual(merge.parents, parents.map(hash));
  });
});
