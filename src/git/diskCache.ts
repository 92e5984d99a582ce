import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as z from 'zod';
import type { History } from '../core/metrics/history';
import { writeFileAtomic } from '../store/atomicWrite';

/** Bumped whenever History changes shape or meaning, so an old file is never read as a new one. */
const FORMAT = 2;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const fileSchema = z.object({
  format: z.literal(FORMAT),
  key: z.string(),
  history: z.object({
    source: z.enum(['tags', 'merges', 'commits']),
    pattern: z.string(),
    fallback: z.boolean(),
    defaultBranch: z.string().nullable(),
    deployments: z.array(
      z.object({
        name: z.string(),
        label: z.string(),
        commit: z.string(),
        time: z.number(),
        offset: z.number(),
        day: z.string(),
        shipped: z.int().min(0),
        tags: z.array(z.string()).optional(),
      }),
    ),
    leadStart: base64,
    authorTimes: base64,
    committerTimes: base64,
    prSubjects: base64,
    reverts: z.array(
      z.object({
        time: z.number(),
        reverted: z.int(),
        carriedBy: z.int(),
        match: z.enum(['sha', 'pull request', 'subject']).optional(),
        revert: z.string().optional(),
        commit: z.string().optional(),
        ofRevert: z.boolean().optional(),
        configOnly: z.boolean().optional(),
      }),
    ),
    leadAuthors: base64.optional(),
    authors: z.array(z.string()).optional(),
    imported: base64.optional(),
    unmatchedReverts: z.array(z.number()).optional(),
    commits: z.int().min(0),
    shallow: z.boolean(),
    warnings: z.array(z.string()),
    packagePaths: z
      .object({ paths: z.array(z.string()), from: z.enum(['manifest', 'option']), missing: z.array(z.string()) })
      .optional(),
  }),
});

/**
 * Histories on disk (e.g. in the extension's global storage), so even the first analysis after VS Code
 * starts is instant for an unchanged repository. One file per repository; a file that is unreadable,
 * from another version or for another key is simply a miss, and is replaced on the next write.
 */
export class DiskHistoryCache {
  constructor(private readonly dir: string) {}

  async get(gitDir: string, key: string): Promise<History | undefined> {
    let text: string;
    try {
      text = await readFile(this.fileFor(gitDir), 'utf8');
    } catch {
      return undefined;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return undefined;
    }
    const parsed = fileSchema.safeParse(data);
    if (!parsed.success || parsed.data.key !== key) return undefined;
    const { leadAuthors, imported, ...h } = parsed.data.history;
    try {
      const history: History = {
        ...h,
        leadStart: new Int32Array(bytesOf(h.leadStart)),
        authorTimes: new Float64Array(bytesOf(h.authorTimes)),
        committerTimes: new Float64Array(bytesOf(h.committerTimes)),
        prSubjects: new Int32Array(bytesOf(h.prSubjects)),
        ...(leadAuthors === undefined ? {} : { leadAuthors: new Int32Array(bytesOf(leadAuthors)) }),
        ...(imported === undefined ? {} : { imported: new Int32Array(bytesOf(imported)) }),
      };
      return consistent(history) ? history : undefined;
    } catch {
      // A byte count that is not a whole number of elements: a damaged file.
      return undefined;
    }
  }

  /** Writes through the one atomic writer, so a reader never sees half a file. Failures are ignored: it is only a cache. */
  async set(gitDir: string, key: string, history: History): Promise<void> {
    const file = this.fileFor(gitDir);
    const data = {
      format: FORMAT,
      key,
      history: {
        ...history,
        leadStart: textOf(history.leadStart),
        authorTimes: textOf(history.authorTimes),
        committerTimes: textOf(history.committerTimes),
        prSubjects: textOf(history.prSubjects),
        ...(history.leadAuthors ? { leadAuthors: textOf(history.leadAuthors) } : {}),
        ...(history.imported ? { imported: textOf(history.imported) } : {}),
      },
    };
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(file, JSON.stringify(data), { root: this.dir });
    } catch {
      // A read-only or full disk only costs the next start a git read.
    }
  }

  private fileFor(gitDir: string): string {
    return path.join(this.dir, `history-${createHash('sha1').update(gitDir).digest('hex')}.json`);
  }
}

function textOf(array: Int32Array | Float64Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** A copy, so the typed array gets an aligned buffer of its own. */
function bytesOf(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, 'base64');
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

/** The arrays agree with one another, so no later index can fall outside them. */
function consistent(history: History): boolean {
  const n = history.deployments.length;
  if (history.leadStart.length !== n + 1 || history.leadStart[0] !== 0 || history.prSubjects.length !== n) return false;
  const total = history.leadStart[n]!;
  if (history.authorTimes.length !== total || history.committerTimes.length !== total) return false;
  for (let d = 0; d < n; d++) if (history.leadStart[d]! > history.leadStart[d + 1]!) return false;
  if (history.leadAuthors && history.leadAuthors.length !== total) return false;
  if (history.imported && history.imported.length !== n) return false;
  const authors = history.authors?.length ?? 0;
  if (history.leadAuthors?.some((a) => a < -1 || a >= authors)) return false;
  return history.reverts.every((r) => r.reverted >= 0 && r.reverted < n && r.carriedBy >= -1 && r.carriedBy < n);
}
