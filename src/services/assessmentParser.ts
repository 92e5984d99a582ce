import { loadAssessment } from '../core/assessment/load';
import type { Assessment } from '../core/assessment/schema';
import type { Framework } from '../core/framework/schema';
import { formatProblem } from '../core/problems';
import type { LoadResult, Problem } from '../core/problems';
import { loadTeamConfig } from '../core/config/load';
import { loadFramework } from '../core/framework/load';
import type { CheckedFileKind } from '../workspace/assessmentFiles';
import { textOfBytes } from '../store/boundedRead';
import { figureOf } from '../core/quickcheck/figures';
import type { Figure } from '../core/quickcheck/figures';
import type { Level } from '../core/scoring/levels';
import { scoreAssessment } from '../core/scoring/score';
import type { FrameworkLookup } from '../store/assessmentModel';

/** What a list or a comparison needs of a file before its framework is looked up. */
export interface AssessmentHeader {
  readonly title: string;
  readonly team: string | undefined;
  readonly framework: Assessment['framework'];
  readonly updatedAt: string;
}

/** A file's score as lists show it, computed where the assessment was parsed. */
export interface ScoreDigest {
  readonly percent: number | undefined;
  readonly level: Level | undefined;
  readonly answered: number;
  readonly total: number;
  readonly orphans: number;
  readonly figure: Figure;
}

export type Resolve = (file: string, assessment: Pick<Assessment, 'framework'>) => Promise<FrameworkLookup>;

/** One file, parsed, its framework looked up, and scored: or the first reason why it stopped. */
export type SummaryParts =
  | { readonly kind: 'problem'; readonly message: string }
  | { readonly kind: 'unresolved'; readonly header: AssessmentHeader; readonly message: string }
  | {
      readonly kind: 'scored';
      readonly header: AssessmentHeader;
      /** The framework it was scored against, so a cached summary is reused only while the catalogue holds it. */
      readonly framework: Framework;
      readonly digest: ScoreDigest;
    };

/**
 * The bulk parsing the lists and Generate Report do. In-process for tests and batch use; on the extension
 * host a worker thread does it (src/workers/parseWorkerClient.ts), so a large file never blocks the host.
 */
export interface AssessmentParser {
  /** Parses and validates the file's bytes, looks its framework up with `resolve`, and scores it. */
  summarise(file: string, bytes: Uint8Array, resolve: Resolve): Promise<SummaryParts>;
  /** The framework and date of a file, for choosing the previous assessment; a message when it is not one. */
  header(file: string, bytes: Uint8Array): Promise<HeaderResult>;
  /** The whole assessment, for the one file a report compares with. */
  load(file: string, bytes: Uint8Array): Promise<LoadResult<Assessment>>;
  /** A framework file, loaded: the workspace's `frameworks/*.yaml` can be as large as any assessment. */
  framework(file: string, bytes: Uint8Array): Promise<LoadResult<Framework>>;
  /** Every problem the loader of that kind of file finds (errors, or the warnings of a file that loads). */
  check(file: string, bytes: Uint8Array, kind: CheckedFileKind): Promise<readonly Problem[]>;
}

export type HeaderResult =
  { readonly ok: true; readonly header: AssessmentHeader } | { readonly ok: false; readonly message: string };

export function loadBytes(file: string, bytes: Uint8Array): LoadResult<Assessment> {
  return loadAssessment(textOfBytes(bytes), file);
}

/** The problems of one file, by its kind: what the schema would flag, and what only the loaders know. */
export function problemsOf(file: string, bytes: Uint8Array, kind: CheckedFileKind): readonly Problem[] {
  const text = textOfBytes(bytes);
  if (kind === 'config') {
    const config = loadTeamConfig(text, file);
    return config.ok ? config.value.warnings : config.problems;
  }
  const loaded = kind === 'assessment' ? loadAssessment(text, file) : loadFramework(text, file);
  return loaded.ok ? loaded.warnings : loaded.problems;
}

export function headerOf(loaded: LoadResult<Assessment>): HeaderResult {
  if (!loaded.ok) return { ok: false, message: loaded.problems.map(formatProblem)[0] ?? 'does not load' };
  const { title, team, framework, updatedAt } = loaded.value;
  return { ok: true, header: { title, team, framework: { ...framework }, updatedAt } };
}

export function digestOf(framework: Framework, assessment: Assessment): ScoreDigest {
  const score = scoreAssessment(framework, assessment);
  return {
    percent: score.percent,
    level: score.level,
    answered: score.answered,
    total: score.total,
    orphans: score.orphans.length,
    figure: figureOf(framework, assessment),
  };
}

/** The same work on the calling thread: the reference the worker's results are tested against. */
export const inProcessParser: AssessmentParser = {
  async summarise(file, bytes, resolve) {
    const loaded = loadBytes(file, bytes);
    const parsed = headerOf(loaded);
    if (!parsed.ok || !loaded.ok) return { kind: 'problem', message: parsed.ok ? 'does not load' : parsed.message };
    const lookup = await resolve(file, parsed.header);
    if (!lookup.ok) return { kind: 'unresolved', header: parsed.header, message: lookup.message };
    return {
      kind: 'scored',
      header: parsed.header,
      framework: lookup.framework,
      digest: digestOf(lookup.framework, loaded.value),
    };
  },
  header: (file, bytes) => Promise.resolve(headerOf(loadBytes(file, bytes))),
  load: (file, bytes) => Promise.resolve(loadBytes(file, bytes)),
  check: (file, bytes, kind) => Promise.resolve(problemsOf(file, bytes, kind)),
  framework: (file, bytes) => Promise.resolve(loadFramework(textOfBytes(bytes), file)),
};
