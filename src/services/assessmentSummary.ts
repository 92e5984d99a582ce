import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Problem } from '../core/problems';
import type { Level } from '../core/scoring/levels';
import { DELIVERY_PERFORMANCE } from '../core/quickcheck/figures';
import type { Figure } from '../core/quickcheck/figures';
import { readBounded } from '../store/boundedRead';
import type { BoundedRead } from '../store/boundedRead';
import { listFiles } from '../store/listFiles';
import { inProcessParser } from './assessmentParser';
import type { AssessmentParser, Resolve, SummaryParts } from './assessmentParser';
import { isListedAssessmentName } from '../workspace/assessmentFiles';

/** One assessment file as lists show it (the Open quick pick, the Assessments view). No vscode here. */
export interface AssessmentSummary {
  readonly file: string;
  readonly title: string;
  readonly team: string | undefined;
  readonly frameworkId: string | undefined;
  readonly frameworkName: string | undefined;
  /** The file's `updatedAt`, else its modification time: what "newest" means. */
  readonly updated: Date;
  readonly percent: number | undefined;
  readonly level: Level | undefined;
  readonly answered: number;
  readonly total: number;
  readonly orphans: number;
  /** Delivery performance for a Quick Check, practice maturity otherwise; undefined when the file does not load. */
  readonly figure: Figure | undefined;
  /** Set when the file does not parse or its framework is unknown; the file is still listed, to be fixed. */
  readonly problem: string | undefined;
}

export type { Resolve };

/**
 * What was made of each file, by path, with the modification time and size it was read at: a refresh of
 * the tree re-reads only files that changed, and re-scores a file only when its framework changed.
 */
export type SummaryCache = Map<
  string,
  { readonly stamp: string; readonly parts: SummaryParts; readonly modified: Date }
>;

export interface FolderSummaries {
  readonly summaries: AssessmentSummary[];
  /** Devices, pipes and sockets named like assessments: never read, listed here to be reported. */
  readonly skipped: readonly Problem[];
}

/**
 * Every `*.json` directly in the folder (not `frameworks/`, not temporary files), summarised. Files are
 * read asynchronously, at most the size limit each, and parsed by `parser` (a worker thread on the host),
 * one at a time, so a folder of large files never freezes the host.
 */
export async function summariseFolder(
  dir: string,
  resolve: Resolve,
  cache: SummaryCache = new Map(),
  parser: AssessmentParser = inProcessParser,
): Promise<FolderSummaries> {
  const { files, skipped } = await listFiles(dir, isListedAssessmentName);
  const summaries: AssessmentSummary[] = [];
  for (const file of files) {
    summaries.push(await summariseFile(file, resolve, cache, parser));
    await nextTurn();
  }
  for (const known of cache.keys()) if (path.dirname(known) === dir && !files.includes(known)) cache.delete(known);
  return { summaries, skipped };
}

export async function summariseFile(
  file: string,
  resolve: Resolve,
  cache: SummaryCache = new Map(),
  parser: AssessmentParser = inProcessParser,
): Promise<AssessmentSummary> {
  const { parts, modified } = await partsOf(file, resolve, cache, parser);
  const fallback = {
    file,
    title: path.basename(file),
    team: undefined,
    frameworkId: undefined,
    frameworkName: undefined,
    updated: modified,
    percent: undefined,
    level: undefined,
    answered: 0,
    total: 0,
    orphans: 0,
    figure: undefined,
  };
  if (parts.kind === 'problem') return { ...fallback, problem: parts.message };
  const { header } = parts;
  const base = {
    ...fallback,
    title: header.title,
    team: header.team,
    frameworkId: header.framework.id,
    updated: new Date(header.updatedAt),
  };
  if (parts.kind === 'unresolved') return { ...base, problem: parts.message };
  return { ...base, frameworkName: parts.framework.name, ...parts.digest, problem: undefined };
}

/**
 * The cached parts while the file is unchanged and its framework is the very one it was scored against
 * (a changed framework file is a new object in the catalogue); else the file is read and parsed again.
 */
async function partsOf(
  file: string,
  resolve: Resolve,
  cache: SummaryCache,
  parser: AssessmentParser,
): Promise<{ parts: SummaryParts; modified: Date }> {
  const info = await stat(file).catch(() => undefined);
  const modified = info?.mtime ?? new Date(0);
  const stamp = info ? `${info.mtimeMs}:${info.size}` : 'gone';
  const cached = cache.get(file);
  if (cached && cached.stamp === stamp && (await stillScored(file, cached.parts, resolve))) return cached;
  const read = textOrBytes(await readBounded(file));
  const parts: SummaryParts = read.kind === 'problem' ? read : await parser.summarise(file, read.bytes, resolve);
  const entry = { stamp, parts, modified };
  cache.set(file, entry);
  return entry;
}

async function stillScored(file: string, parts: SummaryParts, resolve: Resolve): Promise<boolean> {
  if (parts.kind === 'problem') return true;
  const lookup = await resolve(file, parts.header);
  if (parts.kind === 'unresolved') return !lookup.ok && lookup.message === parts.message;
  return lookup.ok && lookup.framework === parts.framework;
}

function textOrBytes(read: BoundedRead): { kind: 'bytes'; bytes: Uint8Array } | { kind: 'problem'; message: string } {
  if (read.kind === 'missing') return { kind: 'problem', message: 'the file was removed' };
  if (read.kind === 'error') return { kind: 'problem', message: read.problem.message };
  return { kind: 'bytes', bytes: read.bytes };
}

/** Newest first; equal times fall back to the file name, newest-dated name first, so the order is stable. */
export function newestFirst(a: AssessmentSummary, b: AssessmentSummary): number {
  const byTime = b.updated.getTime() - a.updated.getTime();
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.file < b.file ? 1 : a.file > b.file ? -1 : 0;
}

/**
 * The figure a list shows first, named for what it measures: "Maturity 62.5% L4", "Delivery 7.8/10",
 * with "provisional" while less than half is answered; "not scored yet (3/25)" or "does not load".
 */
export function scoreText(summary: AssessmentSummary): string {
  const figure = summary.figure;
  if (summary.problem || !figure) return 'does not load';
  const name = figure.name === DELIVERY_PERFORMANCE ? 'Delivery' : 'Maturity';
  if (figure.value === 'not scored yet') return `${name}: not scored yet (${figure.answered}/${figure.total})`;
  return `${name} ${figure.short}${figure.provisional ? ' (provisional)' : ''}`;
}
