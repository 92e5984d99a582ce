import * as assert from 'node:assert/strict';
import { CommitGraphBuilder, PR_SUBJECT } from '../../../src/core/metrics/graph';
import type { CommitGraph } from '../../../src/core/metrics/graph';
import { ChangeNotesBuilder } from '../../../src/core/metrics/changeNotes';
import { LogParser } from '../../../src/git/logStream';

const hash = (n: number) => n.toString(16).padStart(40, 'a');

/** One record exactly as `git log --format=LOG_FORMAT --date=raw` prints it. */
function record(
  id: number,
  parents: number[],
  at: number,
  committed: string,
  subject: string,
  body = '',
  author = 'Ada <ada@example.com>',
): string {
  return `\x1e${hash(id)}\0${parents.map(hash).join(' ')}\0${at}\0${committed}\0${author}\0${subject}\0${body}\n`;
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

describe('reading what the failure heuristics need', () => {
  /** Newest first, as git log prints: GitHub-style reverts, a revert of a commit outside the history, a bot. */
  const GITHUB = Buffer.from(
    [
      record(9, [8], 900, '900 +0000', 'Revert "Remove old API"', 'This reverts commit ' + 'f'.repeat(40) + '.\n'),
      record(8, [7], 800, '800 +0000', 'Revert "Tweak parser"'),
      record(7, [6], 700, '700 +0000', 'Revert "Add login (#12)" (#15)', 'Reverts acme/shop#12\n'),
      record(
        6,
        [5],
        600,
        '600 +0000',
        'Bump lodash (#14)',
        '',
        'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
      ),
      record(5, [4], 500, '500 +0000', 'Tweak parser (#13)', 'Nothing here Reverts acme/shop#1\n'),
      record(4, [3], 400, '400 +0000', 'Tweak parser'),
      record(3, [2], 300, '300 +0000', 'Add login (#12)'),
      record(2, [], 200, '200 +0000', 'Tweak parser'),
    ].join(''),
    'utf8',
  );

  function notesOf(chunks: Buffer[]) {
    const builder = new CommitGraphBuilder(2);
    const notes = new ChangeNotesBuilder();
    const parser = new LogParser(builder, notes);
    for (const chunk of chunks) parser.push(chunk);
    parser.end();
    const graph = builder.build();
    const built = notes.build(graph);
    return {
      reverts: built.reverts.map((r) => [graph.hashOf(r.revert), graph.hashOf(r.reverted), r.match]),
      unmatched: built.unmatchedReverts,
      authors: built.authors,
    };
  }

  it('matches a revert by pull request number, and by subject to the latest commit of that subject', () => {
    const notes = notesOf([GITHUB]);
    assert.deepEqual(notes.reverts, [
      [hash(7), hash(3), 'pull request'],
      [hash(8), hash(5), 'subject'],
    ]);
    // The revert of a commit outside the history names a subject nothing has either.
    assert.deepEqual(notes.unmatched, [900]);
    assert.deepEqual(notes.authors, [
      'Ada <ada@example.com>',
      'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
    ]);
  });

  it('finds the same reverts however the output is cut into chunks', () => {
    const whole = notesOf([GITHUB]);
    for (const size of [1, 5, 33]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < GITHUB.length; i += size) chunks.push(GITHUB.subarray(i, i + size));
      assert.deepEqual(notesOf(chunks), whole, `chunks of ${size}`);
    }
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
