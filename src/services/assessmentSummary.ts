import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { loadAssessment } from '../core/assessment/load';
import type { Assessment } from '../core/assessment/schema';
import { formatProblem } from '../core/problems';
import type { LoadResult, Problem } from '../core/problems';
import type { Level } from '../core/scoring/levels';
import { scoreAssessment } from '../core/scoring/score';
import { DELIVERY_PERFORMANCE, figureOf } from '../core/quickcheck/figures';
import type { Figure } from '../core/quickcheck/figures';
import { readBounded, textOf } from '../store/boundedRead';
import { listFiles } from '../store/listFiles';
import type { FrameworkLookup } from '../store/assessmentModel';

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

export type Resolve = (file: string, assessment: Assessment) => Promise<FrameworkLookup>;

/**
 * Parsed files by path, with the modification time and size they were read at: a refresh of the tree
 * re-reads only files that changed. Scores are recomputed each time, since a framework file may have.
 */
export type SummaryCache = Map<string, { readonly stamp: string; readonly loaded: LoadResult<Assessment> | Problem }>;

export interface FolderSummaries {
  readonly summaries: AssessmentSummary[];
  /** Devices, pipes and sockets named like assessments: never read, listed here to be reported. */
  readonly skipped: readonly Problem[];
}

/**
 * Every `*.json` directly in the folder (not `frameworks/`, not temporary files), summarised. Files are
 * read asynchronously, at most the size limit each, and the host gets a turn between two files, so a
 * folder of large files never freezes it.
 */
export async function summariseFolder(
  dir: string,
  resolve: Resolve,
  cache: SummaryCache = new Map(),
): Promise<FolderSummaries> {
  const { files, skipped } = await listFiles(
    dir,
    (name) => name.toLowerCase().endsWith('.json') && !name.startsWith('.'),
  );
  const summaries: AssessmentSummary[] = [];
  for (const file of files) {
    summaries.push(await summariseFile(file, resolve, cache));
    await nextTurn();
  }
  for (const known of cache.keys()) if (path.dirname(known) === dir && !files.includes(known)) cache.delete(known);
  return { summaries, skipped };
}

export async function summariseFile(
  file: string,
  resolve: Resolve,
  cache: SummaryCache = new Map(),
): Promise<AssessmentSummary> {
  const { loaded, modified } = await loadCached(file, cache);
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
  if (!('ok' in loaded)) return { ...fallback, problem: loaded.message };
  if (!loaded.ok) return { ...fallback, problem: loaded.problems.map(formatProblem)[0] ?? 'does not load' };
  const assessment = loaded.value;
  const base = {
    ...fallback,
    title: assessment.title,
    team: assessment.team,
    frameworkId: assessment.framework.id,
    updated: new Date(assessment.updatedAt),
  };
  const lookup = await resolve(file, assessment);
  if (!lookup.ok) return { ...base, problem: lookup.message };
  const score = scoreAssessment(lookup.framework, assessment);
  return {
    ...base,
    frameworkName: lookup.framework.name,
    percent: score.percent,
    level: score.level,
    answered: score.answered,
    total: score.total,
    orphans: score.orphans.length,
    figure: figureOf(lookup.framework, assessment),
    problem: undefined,
  };
}

async function loadCached(
  file: string,
  cache: SummaryCache,
): Promise<{ loaded: LoadResult<Assessment> | Problem; modified: Date }> {
  const info = await stat(file).catch(() => undefined);
  const modified = info?.mtime ?? new Date(0);
  const stamp = info ? `${info.mtimeMs}:${info.size}` : 'gone';
  const cached = cache.get(file);
  if (cached && cached.stamp === stamp) return { loaded: cached.loaded, modified };
  const read = textOf(await readBounded(file));
  const loaded: LoadResult<Assessment> | Problem = !read
    ? { severity: 'error', file, message: 'the file was removed' }
    : read.ok
      ? loadAssessment(read.text, file)
      : read.problem;
  cache.set(file, { stamp, loaded });
  return { loaded, modified };
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
