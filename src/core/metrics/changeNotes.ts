import type { CommitGraph } from './graph';
import { NO_COMMIT, PRESENT } from './graph';

/**
 * What the failure and lead-time heuristics need about each commit beyond the graph, gathered during the
 * one streamed `git log` pass: who wrote it (interned, so a repository with half a million commits keeps
 * a few thousand strings), a hash of its subject and its pull-request number (to match GitHub-style
 * reverts), and the reverts that name their target by subject or by pull request.
 */

/** How a revert names what it reverts, in order of trust. */
export type RevertMatch = 'sha' | 'pull request' | 'subject';

export interface RevertLink {
  readonly revert: number;
  readonly reverted: number;
  readonly match: RevertMatch;
}

export interface ChangeNotes {
  /** Distinct "name <email>" of authors; authorOf holds an index into it, or -1 when not read. */
  readonly authors: readonly string[];
  readonly authorOf: Int32Array;
  /** Every revert found, each resolved to the commit it reverts. */
  readonly reverts: readonly RevertLink[];
  /** Committer times of the reverts whose target is not in the history read (a commit outside it, or a subject nothing has). */
  readonly unmatchedReverts: readonly number[];
  /** Per commit: the pull-request number its subject ends in, "(#123)", or 0. */
  readonly pullRequestOf?: Int32Array;
}

const NONE = -1;

export class ChangeNotesBuilder {
  private readonly authorIds = new Map<number, number>();
  private readonly decoder = new TextDecoder();
  private readonly authors: string[] = [];
  private authorOf = new Int32Array(1024).fill(NONE);
  private subjectKey = new Float64Array(1024);
  private pullRequest = new Int32Array(1024);
  private readonly byKey: Array<readonly [revert: number, key: number]> = [];
  private readonly byPullRequest: Array<readonly [revert: number, pr: number]> = [];
  private readonly byHash: number[] = [];

  /**
   * The author "name <email>" held in data[from, end). Authors are interned by a hash of their bytes, so a
   * commit by a known author costs no string at all; only a new author is decoded.
   */
  setAuthor(id: number, data: Uint8Array, from: number, end: number): void {
    this.ensure(id);
    const key = subjectKeyOf(data, from, end);
    let author = this.authorIds.get(key);
    if (author === undefined) {
      author = this.authors.length;
      this.authors.push(this.decoder.decode(data.subarray(from, end)));
      this.authorIds.set(key, author);
    }
    this.authorOf[id] = author;
  }

  /** `key`: subjectKey() of the subject with any "(#123)" removed; `pr`: that number, or 0. */
  setSubject(id: number, key: number, pr: number): void {
    this.ensure(id);
    this.subjectKey[id] = key;
    this.pullRequest[id] = pr;
  }

  /** A "This reverts commit <sha>" line: counted, so a revert of a commit outside the history is reported. */
  revertsHash(id: number): void {
    this.byHash.push(id);
  }

  /** A `Revert "<subject>"` commit; `key` is the quoted subject's subjectKey(). */
  revertsSubject(id: number, key: number): void {
    this.byKey.push([id, key]);
  }

  /** A body line `Reverts owner/repo#N`: GitHub's Revert button on pull request N. */
  revertsPullRequest(id: number, pr: number): void {
    this.byPullRequest.push([id, pr]);
  }

  /**
   * Resolves every revert once the graph is complete. A revert that names a commit by hash wins; then one
   * naming a pull request; then one quoting a subject. Of several commits that fit, the latest committed
   * before the revert is the one reverted (a subject such as "Update README" recurs).
   */
  build(graph: CommitGraph): ChangeNotes {
    const reverts: RevertLink[] = [];
    const resolved = new Set<number>();
    for (const [revert, reverted] of graph.reverts) {
      if (resolved.has(revert)) continue;
      resolved.add(revert);
      reverts.push({ revert, reverted, match: 'sha' });
    }
    const wantedPr = new Set<number>();
    const wantedKey = new Set<number>();
    for (const [revert, pr] of this.byPullRequest) if (!resolved.has(revert)) wantedPr.add(pr);
    for (const [revert, key] of this.byKey) if (!resolved.has(revert)) wantedKey.add(key);
    const byPr = new Map<number, number[]>();
    const byKey = new Map<number, number[]>();
    if (wantedPr.size + wantedKey.size > 0) {
      const size = Math.min(graph.size, this.pullRequest.length);
      for (let id = 0; id < size; id++) {
        if (!(graph.flags[id]! & PRESENT)) continue;
        const pr = this.pullRequest[id]!;
        if (pr > 0 && wantedPr.has(pr)) push(byPr, pr, id);
        if (wantedKey.has(this.subjectKey[id]!)) push(byKey, this.subjectKey[id]!, id);
      }
    }
    const resolve = (
      requests: ReadonlyArray<readonly [number, number]>,
      found: Map<number, number[]>,
      match: RevertMatch,
    ) => {
      for (const [revert, wanted] of requests) {
        if (resolved.has(revert)) continue;
        const reverted = latestBefore(graph, found.get(wanted), revert);
        if (reverted === NO_COMMIT) continue;
        resolved.add(revert);
        reverts.push({ revert, reverted, match });
      }
    };
    resolve(this.byPullRequest, byPr, 'pull request');
    resolve(this.byKey, byKey, 'subject');
    const asked = new Set([...this.byHash, ...this.byPullRequest.map(([r]) => r), ...this.byKey.map(([r]) => r)]);
    const unmatched: number[] = [];
    for (const revert of asked) if (!resolved.has(revert)) unmatched.push(graph.committerTime[revert] ?? 0);
    return {
      authors: this.authors,
      authorOf: this.authorOf,
      reverts,
      unmatchedReverts: unmatched,
      pullRequestOf: this.pullRequest,
    };
  }

  private ensure(id: number): void {
    if (id < this.authorOf.length) return;
    let length = this.authorOf.length;
    while (length <= id) length *= 2;
    const authorOf = new Int32Array(length).fill(NONE);
    authorOf.set(this.authorOf);
    this.authorOf = authorOf;
    const subjectKey = new Float64Array(length);
    subjectKey.set(this.subjectKey);
    this.subjectKey = subjectKey;
    const pullRequest = new Int32Array(length);
    pullRequest.set(this.pullRequest);
    this.pullRequest = pullRequest;
  }
}

function push(map: Map<number, number[]>, key: number, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** Of the commits found, the latest committed no later than the revert, other than the revert itself. */
function latestBefore(graph: CommitGraph, found: readonly number[] | undefined, revert: number): number {
  let best = NO_COMMIT;
  const limit = graph.committerTime[revert]!;
  for (const id of found ?? []) {
    const time = graph.committerTime[id]!;
    if (id === revert || time > limit) continue;
    if (best === NO_COMMIT || time > graph.committerTime[best]!) best = id;
  }
  return best;
}

/**
 * A 53-bit hash of a subject's UTF-8 bytes data[from, end): two 32-bit FNV-1a style hashes with different
 * multipliers, so two different subjects in one repository practically never share a key.
 */
export function subjectKeyOf(data: Uint8Array, from: number, end: number): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = from; i < end; i++) {
    const c = data[i]!;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + (b >>> 11);
}

/** The same key for a string (used by tests and by subjects quoted in a revert). */
export function subjectKey(subject: string): number {
  const bytes = new TextEncoder().encode(subject);
  return subjectKeyOf(bytes, 0, bytes.length);
}
