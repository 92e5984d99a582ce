import type { ChangeNotesBuilder } from '../core/metrics/changeNotes';
import { subjectKeyOf } from '../core/metrics/changeNotes';
import type { CommitGraphBuilder } from '../core/metrics/graph';
import type { GitContext } from './run';
import { gitFailure, streamGit } from './run';

/**
 * One record per commit, introduced by an ASCII record separator so a body can hold any newline:
 * hash, parents, author time, "committer-time ±hhmm", "author <email>", subject, body. The body is
 * scanned for "This reverts commit <sha>" and "Reverts owner/repo#N" while streaming and never kept.
 */
export const LOG_FORMAT = '%x1e%H%x00%P%x00%at%x00%cd%x00%an <%ae>%x00%s%x00%b';
const RS = 0x1e;
const NUL = 0;
const NEEDLE = Buffer.from('This reverts commit ', 'latin1');
/** GitHub's Revert button writes "Reverts owner/repo#N" into the pull request, and so into a squash commit. */
const PR_NEEDLE = Buffer.from('Reverts ', 'latin1');
const REVERT_PREFIX = Buffer.from('Revert "', 'latin1');
const PROGRESS_EVERY = 20_000;

/**
 * Streams `git log` over the given commits (fed on stdin, so tens of thousands of tags never hit the
 * command-line limit) into the graph builder. The output is parsed chunk by chunk and never held whole.
 */
export async function readCommits(
  context: GitContext,
  starts: readonly string[],
  builder: CommitGraphBuilder,
  onCount?: (commits: number) => void,
  notes?: ChangeNotesBuilder,
): Promise<void> {
  const parser = new LogParser(builder, notes);
  let nextReport = PROGRESS_EVERY;
  const args = [
    'log',
    '--ignore-missing',
    '--stdin',
    '--no-color',
    '--no-decorate',
    '--date=raw',
    `--format=${LOG_FORMAT}`,
  ];
  const input = starts.map((hash) => `${hash}\n`).join('');
  const { code, stderr } = await streamGit(context, args, input, (chunk) => {
    parser.push(chunk);
    if (builder.commitCount >= nextReport) {
      nextReport = builder.commitCount + PROGRESS_EVERY;
      onCount?.(builder.commitCount);
    }
  });
  if (code !== 0) throw gitFailure('Reading the history (git log)', { code, stdout: Buffer.alloc(0), stderr });
  parser.end();
  onCount?.(builder.commitCount);
}

/** Incremental parser of the LOG_FORMAT stream. Exported for tests of chunk boundaries. */
export class LogParser {
  private pending: Buffer[] = [];
  /** Parent ids of the record being read, reused from record to record. */
  private parents = new Int32Array(8);

  constructor(
    private readonly builder: CommitGraphBuilder,
    private readonly notes?: ChangeNotesBuilder,
  ) {}

  push(chunk: Buffer): void {
    const last = chunk.lastIndexOf(RS);
    if (last < 0) {
      this.pending.push(chunk);
      return;
    }
    if (this.pending.length > 0) {
      // Only the record cut at the previous chunk's end is joined up, not the whole chunk: the rest is
      // parsed where it arrived instead of being copied once more (17 MB of log for 12,000 tags).
      const head = Buffer.concat([...this.pending, chunk.subarray(0, chunk.indexOf(RS))]);
      this.parse(head, head.length);
    }
    this.parse(chunk, last);
    this.pending = [chunk.subarray(last)];
  }

  end(): void {
    const data = Buffer.concat(this.pending);
    this.pending = [];
    this.parse(data, data.length);
  }

  /** Parses the complete records in data[0, end): each starts with RS and runs to the next RS. */
  private parse(data: Buffer, end: number): void {
    // Hashes go to the index as a plain Uint8Array: its code then only ever sees one kind of array and
    // stays optimised (a Buffer is a Uint8Array subclass with another shape).
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    let start = data.indexOf(RS);
    let needle = start < 0 ? -1 : data.indexOf(NEEDLE, start);
    let prNeedle = start < 0 || !this.notes ? -1 : data.indexOf(PR_NEEDLE, start);
    while (start >= 0 && start < end) {
      let next = data.indexOf(RS, start + 1);
      if (next < 0 || next > end) next = end;
      let reverts: string[] | undefined;
      while (needle >= 0 && needle < next) {
        const hash = hexAt(data, needle + NEEDLE.length, next);
        if (hash) (reverts ??= []).push(hash);
        needle = data.indexOf(NEEDLE, needle + 1);
      }
      let revertedPr = 0;
      while (prNeedle >= 0 && prNeedle < next) {
        revertedPr ||= pullRequestReference(data, prNeedle, next);
        prNeedle = data.indexOf(PR_NEEDLE, prNeedle + 1);
      }
      this.record(data, bytes, start + 1, next, reverts, revertedPr);
      start = next < end ? next : -1;
    }
  }

  private record(
    data: Buffer,
    bytes: Uint8Array,
    start: number,
    end: number,
    reverts: string[] | undefined,
    revertedPr: number,
  ): void {
    const f1 = fieldEnd(data, start, end);
    const f2 = fieldEnd(data, f1 + 1, end);
    const f3 = fieldEnd(data, f2 + 1, end);
    const f4 = fieldEnd(data, f3 + 1, end);
    const author = f4 + 1;
    const f5a = fieldEnd(data, author, end);
    const f5 = fieldEnd(data, f5a + 1, end);
    // A malformed record (a body holding a record separator) is skipped, not guessed at.
    const width = f1 - start;
    if (f4 >= end || (width !== 40 && width !== 64) || !isHex(data, start, f1)) return;
    const builder = this.builder;
    const id = builder.nodeAt(bytes, start, width);
    let count = 0;
    for (let p = f1 + 1; p + width <= f2; p += width + 1) {
      if (count === this.parents.length) {
        const bigger = new Int32Array(count * 2);
        bigger.set(this.parents);
        this.parents = bigger;
      }
      this.parents[count++] = builder.nodeAt(bytes, p, width);
    }
    const committer = f3 + 1;
    const space = data.indexOf(0x20, committer);
    const subject = f5a + 1;
    const subjectEnd = f5 < end ? f5 : end;
    const pr = pullRequestAtEnd(data, subject, subjectEnd);
    const added = builder.addCommit(
      id,
      this.parents,
      count,
      integerAt(data, f2 + 1, f3),
      integerAt(data, committer, f4),
      space > 0 && space < f4 ? offsetAt(data, space + 1) : 0,
      pr.number > 0,
    );
    if (!added) return;
    if (builder.wantsSubject(count)) builder.setMergeSubject(id, data.toString('utf8', subject, subjectEnd));
    for (const target of reverts ?? []) builder.addRevert(id, target);
    const notes = this.notes;
    if (!notes) return;
    notes.setAuthor(id, bytes, author, f5a);
    notes.setSubject(
      id,
      subjectKeyOf(bytes, subject, pr.start),
      pr.number || mergedPullRequest(data, subject, subjectEnd),
    );
    if (reverts) notes.revertsHash(id);
    if (revertedPr > 0) notes.revertsPullRequest(id, revertedPr);
    if (startsWith(data, subject, subjectEnd, REVERT_PREFIX)) {
      const quoted = quotedSubject(data, subject + REVERT_PREFIX.length, subjectEnd);
      if (quoted) notes.revertsSubject(id, subjectKeyOf(bytes, quoted.from, quoted.end));
    }
  }
}

function startsWith(data: Buffer, from: number, end: number, prefix: Buffer): boolean {
  if (end - from < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (data[from + i] !== prefix[i]) return false;
  return true;
}

/**
 * The subject a `Revert "<subject>"` quotes: up to the last quote, before an optional " (#15)" of the
 * revert's own pull request; and without the quoted subject's own " (#12)", as subjects are keyed.
 */
function quotedSubject(data: Buffer, from: number, end: number): { from: number; end: number } | null {
  const close = data.lastIndexOf(0x22, end - 1);
  if (close < from) return null;
  return { from, end: pullRequestAtEnd(data, from, close).start };
}

/** "Reverts owner/repo#12" at the start of a body line → 12; 0 when the needle at `at` is something else. */
function pullRequestReference(data: Buffer, at: number, end: number): number {
  const before = data[at - 1];
  if (before !== 0x0a && before !== NUL) return 0;
  let i = at + PR_NEEDLE.length;
  let slash = false;
  for (; i < end && data[i] !== 0x23; i++) {
    const c = data[i] ?? 0;
    if (c === 0x2f) slash = true;
    else if (!(isWordByte(c) || c === 0x2e || c === 0x2d)) return 0;
  }
  if (!slash || data[i] !== 0x23) return 0;
  return digitsAt(data, i + 1, end);
}

/** "Merge pull request #7 from ada/login" → 7: a merge commit is what a merged pull request ships. */
const MERGE_PREFIX = Buffer.from('Merge pull request #', 'latin1');
function mergedPullRequest(data: Buffer, from: number, end: number): number {
  return startsWith(data, from, end, MERGE_PREFIX) ? digitsAt(data, from + MERGE_PREFIX.length, end) : 0;
}

function digitsAt(data: Buffer, from: number, end: number): number {
  let value = 0;
  let i = from;
  for (; i < end && i - from < 9; i++) {
    const c = data[i] ?? 0;
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
  }
  return i > from ? value : 0;
}

function isWordByte(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x5f;
}

function fieldEnd(data: Buffer, from: number, end: number): number {
  if (from >= end) return end;
  const at = data.indexOf(NUL, from);
  return at < 0 || at > end ? end : at;
}

function isHex(data: Buffer, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (!isHexByte(data[i]!)) return false;
  return true;
}

function hexAt(data: Buffer, from: number, end: number): string | null {
  let i = from;
  while (i < end && i - from < 64 && isHexByte(data[i]!)) i++;
  const length = i - from;
  return length === 40 || length === 64 ? data.toString('latin1', from, i) : null;
}

function isHexByte(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
}

function integerAt(data: Buffer, from: number, end: number): number {
  let i = from;
  const negative = data[i] === 45;
  if (negative) i++;
  let value = 0;
  for (; i < end; i++) {
    const c = data[i]!;
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
  }
  return negative ? -value : value;
}

/** "+0530" → 330 minutes. */
function offsetAt(data: Buffer, at: number): number {
  const sign = data[at] === 45 ? -1 : 1;
  const digit = (i: number) => (data[at + i] ?? 48) - 48;
  return sign * ((digit(1) * 10 + digit(2)) * 60 + digit(3) * 10 + digit(4));
}

/**
 * Does the subject end in "(#123)", as squash merges from pull requests do? Returns the number (0 when
 * not) and where the subject ends without it and the spaces before it.
 */
function pullRequestAtEnd(data: Buffer, from: number, end: number): { number: number; start: number } {
  let i = end - 1;
  while (i >= from && (data[i] === 0x20 || data[i] === 0x09)) i--;
  const none = { number: 0, start: i + 1 };
  if (i < from || data[i] !== 0x29) return none;
  let digits = 0;
  for (i--; i >= from && data[i]! >= 48 && data[i]! <= 57; i--) digits++;
  if (digits === 0 || digits > 9 || i - 1 < from || data[i] !== 0x23 || data[i - 1] !== 0x28) return none;
  let start = i - 1;
  while (start > from && (data[start - 1] === 0x20 || data[start - 1] === 0x09)) start--;
  return { number: digitsAt(data, i + 1, end), start };
}
