import { HashIndex } from './hashIndex';

/**
 * The commit graph held in memory as flat typed arrays, one slot per commit, so that half a million
 * commits cost tens of megabytes rather than one object each. Commits get an index the first time
 * they are seen, as a commit or as someone's parent; a parent never read (beyond a shallow clone's
 * boundary) keeps an index but no PRESENT flag.
 */

export const NO_COMMIT = -1;

export const PRESENT = 1;
/** The subject ends in a pull-request number, "(#123)": the mark of a squash merge. */
export const PR_SUBJECT = 2;

export interface CommitGraph {
  readonly size: number;
  readonly parentOffset: Int32Array;
  readonly parentCount: Int32Array;
  readonly parents: Int32Array;
  /** Epoch seconds. */
  readonly authorTime: Float64Array;
  readonly committerTime: Float64Array;
  /** Minutes east of UTC, so a deployment day is the committer's own calendar day. */
  readonly committerOffset: Int16Array;
  readonly flags: Uint8Array;
  /** Subjects of merge commits (of every commit when asked): the label a merge or commit deployment is known by. */
  readonly mergeSubjects: ReadonlyMap<number, string>;
  /** Revert commit → the commit it names in "This reverts commit <sha>", both present in the graph. */
  readonly reverts: ReadonlyArray<readonly [revert: number, reverted: number]>;
  /** The index of a full hash, or NO_COMMIT. */
  lookup(hash: string): number;
  hashOf(id: number): string;
  /** Writes the hash's hex digits (ASCII) into target[at, at + width), without making a string. */
  copyHash(id: number, target: Uint8Array, at: number): void;
}

/** A commit given whole: the convenient form for tests and small inputs. */
export interface CommitInput {
  readonly hash: string;
  readonly parents: readonly string[];
  readonly authorTime: number;
  readonly committerTime: number;
  readonly committerOffset: number;
  readonly prSubject: boolean;
  /** Only kept for merge commits. */
  readonly subject?: string;
  /** Full hashes named by "This reverts commit <sha>" lines (git revert always writes the full hash). */
  readonly reverts?: readonly string[];
}

export class CommitGraphBuilder {
  private readonly index: HashIndex;
  private readonly mergeSubjects = new Map<number, string>();
  private readonly pendingReverts: Array<readonly [number, string]> = [];
  private parentOffset: Int32Array;
  private parentCount: Int32Array;
  private authorTime: Float64Array;
  private committerTime: Float64Array;
  private committerOffset: Int16Array;
  private flags: Uint8Array;
  private parents: Int32Array;
  private parentLength = 0;
  private commits = 0;

  /**
   * `capacity`: commits to make room for up front. `keepMergeSubjects`: only needed when merges are the
   * deployments (their subjects are matched against the hotfix pattern); otherwise skipped, saving a
   * string per merge.
   */
  constructor(
    capacity = 1024,
    private readonly keepMergeSubjects = true,
    /** Every commit's subject, for when each first-parent commit is a deployment known by its subject. */
    private readonly keepAllSubjects = false,
  ) {
    this.index = new HashIndex(capacity);
    this.parentOffset = new Int32Array(capacity);
    this.parentCount = new Int32Array(capacity);
    this.authorTime = new Float64Array(capacity);
    this.committerTime = new Float64Array(capacity);
    this.committerOffset = new Int16Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.parents = new Int32Array(capacity);
  }

  /** How many commits have been read (not counting parents only referred to). */
  get commitCount(): number {
    return this.commits;
  }

  /** The id of the hash whose hex digits are data[start, start + width), allocated the first time; -1 for a hash of another width. */
  nodeAt(data: Uint8Array, start: number, width: number): number {
    const id = this.index.idAt(data, start, width);
    if (id >= this.flags.length) this.growNodes(this.flags.length * 2);
    return id;
  }

  node(hash: string): number {
    const id = this.index.idOf(hash);
    if (id >= this.flags.length) this.growNodes(this.flags.length * 2);
    return id;
  }

  /** Records a commit read from the log, its parents given as ids. Ignored when the commit was read before. */
  addCommit(
    id: number,
    parents: ArrayLike<number>,
    parentCount: number,
    authorTime: number,
    committerTime: number,
    committerOffset: number,
    prSubject: boolean,
  ): boolean {
    if (id < 0 || this.flags[id]! & PRESENT) return false;
    if (this.parentLength + parentCount > this.parents.length) {
      this.parents = grow(this.parents, Math.max(this.parents.length * 2, this.parentLength + parentCount));
    }
    this.parentOffset[id] = this.parentLength;
    this.parentCount[id] = parentCount;
    for (let p = 0; p < parentCount; p++) this.parents[this.parentLength++] = parents[p]!;
    this.authorTime[id] = authorTime;
    this.committerTime[id] = committerTime;
    this.committerOffset[id] = committerOffset;
    this.flags[id] = PRESENT | (prSubject ? PR_SUBJECT : 0);
    this.commits++;
    return true;
  }

  /** Whether merge subjects are kept: the parser skips decoding them otherwise. */
  get wantsMergeSubjects(): boolean {
    return this.keepMergeSubjects || this.keepAllSubjects;
  }

  /** Whether the subject of a commit with this many parents is kept. */
  wantsSubject(parentCount: number): boolean {
    return this.keepAllSubjects || (parentCount > 1 && this.keepMergeSubjects);
  }

  setMergeSubject(id: number, subject: string): void {
    if (this.keepMergeSubjects || this.keepAllSubjects) this.mergeSubjects.set(id, subject);
  }

  addRevert(id: number, target: string): void {
    this.pendingReverts.push([id, target]);
  }

  add(commit: CommitInput): void {
    const id = this.node(commit.hash);
    const parents = commit.parents.map((parent) => this.node(parent));
    if (
      !this.addCommit(
        id,
        parents,
        parents.length,
        commit.authorTime,
        commit.committerTime,
        commit.committerOffset,
        commit.prSubject,
      )
    )
      return;
    if (this.wantsSubject(parents.length) && commit.subject !== undefined) this.setMergeSubject(id, commit.subject);
    for (const target of commit.reverts ?? []) this.addRevert(id, target);
  }

  build(): CommitGraph {
    const index = this.index;
    const size = index.size;
    const flags = this.flags.subarray(0, size);
    const reverts: Array<readonly [number, number]> = [];
    for (const [revert, target] of this.pendingReverts) {
      const reverted = index.find(target);
      if (reverted >= 0 && flags[reverted]! & PRESENT && reverted !== revert) reverts.push([revert, reverted]);
    }
    return {
      size,
      parentOffset: this.parentOffset.subarray(0, size),
      parentCount: this.parentCount.subarray(0, size),
      parents: this.parents.subarray(0, this.parentLength),
      authorTime: this.authorTime.subarray(0, size),
      committerTime: this.committerTime.subarray(0, size),
      committerOffset: this.committerOffset.subarray(0, size),
      flags,
      mergeSubjects: this.mergeSubjects,
      reverts,
      lookup: (hash) => {
        const id = index.find(hash);
        return id < 0 ? NO_COMMIT : id;
      },
      hashOf: (id) => index.hashOf(id),
      copyHash: (id, target, at) => index.copyHash(id, target, at),
    };
  }

  private growNodes(capacity: number): void {
    this.parentOffset = grow(this.parentOffset, capacity);
    this.parentCount = grow(this.parentCount, capacity);
    this.authorTime = grow(this.authorTime, capacity);
    this.committerTime = grow(this.committerTime, capacity);
    this.committerOffset = grow(this.committerOffset, capacity);
    this.flags = grow(this.flags, capacity);
  }
}

type TypedArray = Int32Array | Float64Array | Int16Array | Uint8Array;

function grow<T extends TypedArray>(array: T, capacity: number): T {
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}
