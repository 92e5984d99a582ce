import type { CommitGraphBuilder } from '../core/metrics/graph';
import type { GitContext } from './run';
import { gitFailure, streamGit } from './run';

/**
 * One record per commit, introduced by an ASCII record separator so a body can hold any newline:
 * hash, parents, author time, "committer-time ±hhmm", subject, body. The body is scanned for
 * "This reverts commit <sha>" while streaming and never kept.
 */
export const LOG_FORMAT = '%x1e%H%x00%P%x00%at%x00%cd%x00%s%x00%b';
const RS = 0x1e;
const NUL = 0;
const NEEDLE = Buffer.from('This reverts commit ', 'latin1');
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
): Promise<void> {
  const parser = new LogParser(builder);
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

  constructor(private readonly builder: CommitGraphBuilder) {}

  push(chunk: Buffer): void {
    const last = chunk.lastIndexOf(RS);
    if (last < 0) {
      this.pending.push(chunk);
      return;
    }
    const data = this.pending.length === 0 ? chunk : Buffer.concat([...this.pending, chunk]);
    const cut = data.length - (chunk.length - last);
    this.parse(data, cut);
    this.pending = [data.subarray(cut)];
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
    while (start >= 0 && start < end) {
      let next = data.indexOf(RS, start + 1);
      if (next < 0 || next > end) next = end;
      let reverts: string[] | undefined;
      while (needle >= 0 && needle < next) {
        const hash = hexAt(data, needle + NEEDLE.length, next);
        if (hash) (reverts ??= []).push(hash);
        needle = data.indexOf(NEEDLE, needle + 1);
      }
      this.record(data, bytes, start + 1, next, reverts);
      start = next < end ? next : -1;
    }
  }

  private record(data: Buffer, bytes: Uint8Array, start: number, end: number, reverts: string[] | undefined): void {
    const f1 = fieldEnd(data, start, end);
    const f2 = fieldEnd(data, f1 + 1, end);
    const f3 = fieldEnd(data, f2 + 1, end);
    const f4 = fieldEnd(data, f3 + 1, end);
    const f5 = fieldEnd(data, f4 + 1, end);
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
    const subjectEnd = f5 < end ? f5 : end;
    const added = builder.addCommit(
      id,
      this.parents,
      count,
      integerAt(data, f2 + 1, f3),
      integerAt(data, committer, f4),
      space > 0 && space < f4 ? offsetAt(data, space + 1) : 0,
      endsWithPullRequest(data, f4 + 1, subjectEnd),
    );
    if (!added) return;
    if (builder.wantsSubject(count)) builder.setMergeSubject(id, data.toString('utf8', f4 + 1, subjectEnd));
    for (const target of reverts ?? []) builder.addRevert(id, target);
  }
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

/** Does the subject end in "(#123)", as squash merges from pull requests do? */
function endsWithPullRequest(data: Buffer, from: number, end: number): boolean {
  let i = end - 1;
  while (i >= from && (data[i] === 0x20 || data[i] === 0x09)) i--;
  if (i < from || data[i] !== 0x29) return false;
  let digits = 0;
  for (i--; i >= from && data[i]! >= 48 && data[i]! <= 57; i--) digits++;
  return digits > 0 && i - 1 >= from && data[i] === 0x23 && data[i - 1] === 0x28;
}
