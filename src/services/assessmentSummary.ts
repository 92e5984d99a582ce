import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { loadAssessment } from '../core/assessment/load';
import type { Assessment } from '../core/assessment/schema';
import { formatProblem } from '../core/problems';
import { levelLabel } from '../core/scoring/levels';
import type { Level } from '../core/scoring/levels';
import { formatPercent, scoreAssessment } from '../core/scoring/score';
import { readTextFile } from '../frameworks/catalog';
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
  /** Set when the file does not parse or its framework is unknown; the file is still listed, to be fixed. */
  readonly problem: string | undefined;
}

export type Resolve = (file: string, assessment: Assessment) => FrameworkLookup;

/** Every `*.json` directly in the folder (not `frameworks/`, not temporary files), summarised. */
export function summariseFolder(dir: string, resolve: Resolve): AssessmentSummary[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.toLowerCase().endsWith('.json') && !name.startsWith('.'));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const file = path.join(dir, name);
    try {
      return statSync(file).isFile() ? [summariseFile(file, resolve)] : [];
    } catch {
      return [];
    }
  });
}

export function summariseFile(file: string, resolve: Resolve): AssessmentSummary {
  const fallback = {
    file,
    title: path.basename(file),
    team: undefined,
    frameworkId: undefined,
    frameworkName: undefined,
    updated: modified(file),
    percent: undefined,
    level: undefined,
    answered: 0,
    total: 0,
    orphans: 0,
  };
  const read = readTextFile(file);
  if (!read.ok) return { ...fallback, problem: read.problem.message };
  const loaded = loadAssessment(read.text, file);
  if (!loaded.ok) return { ...fallback, problem: loaded.problems.map(formatProblem)[0] ?? 'does not load' };
  const assessment = loaded.value;
  const base = {
    ...fallback,
    title: assessment.title,
    team: assessment.team,
    frameworkId: assessment.framework.id,
    updated: new Date(assessment.updatedAt),
  };
  const lookup = resolve(file, assessment);
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
    problem: undefined,
  };
}

/** Newest first; equal times fall back to the file name, newest-dated name first, so the order is stable. */
export function newestFirst(a: AssessmentSummary, b: AssessmentSummary): number {
  const byTime = b.updated.getTime() - a.updated.getTime();
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.file < b.file ? 1 : a.file > b.file ? -1 : 0;
}

/** "62.5% · Level 4 High", "not scored yet (3/25)" or "does not load". */
export function scoreText(summary: AssessmentSummary): string {
  if (summary.problem) return 'does not load';
  if (!summary.level) return `not scored yet (${summary.answered}/${summary.total})`;
  return `${formatPercent(summary.percent)} · ${levelLabel(summary.level)}`;
}

function modified(file: string): Date {
  try {
    return statSync(file).mtime;
  } catch {
    return new Date(0);
  }
}
