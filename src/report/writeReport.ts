import * as path from 'node:path';
import type { Assessment } from '../core/assessment/schema';
import type { Framework } from '../core/framework/schema';
import type { MetricsResult } from '../core/metrics/result';
import { renderReport } from '../core/report/render';
import { renderHtml } from './html';
import { findPreviousAssessment } from './previous';
import type { AssessmentFile } from './previous';
import { outputProblem, reportPaths } from './paths';
import { existingAncestor, WriteRefused, writeFileAtomic } from '../store/atomicWrite';
import { readBounded } from '../store/boundedRead';

export interface ReportJob {
  readonly assessmentFile: string;
  readonly assessment: Assessment;
  readonly framework: Framework;
  /** The Markdown file to write; `reports/<name>.md` beside the assessment when absent. */
  readonly output?: string | undefined;
  /** undefined: find the previous assessment in the same folder; null: compare with nothing. */
  readonly previous?: AssessmentFile | null | undefined;
  readonly metrics?: MetricsResult | undefined;
  readonly topRecommendations?: number | undefined;
  /** Improvements the roadmap works on at once; 2 unless given (the report command's --capacity, the config's `capacity:`). */
  readonly capacity?: number | undefined;
  /** Also write the self-contained HTML export beside the Markdown. */
  readonly html?: boolean;
  /**
   * The folder no report may leave after links are followed: the workspace folder in the editor. On the
   * command line, the assessment's folder for the default `reports/` place, or the folder given with -o.
   */
  readonly root?: string | undefined;
}

export interface WrittenReport {
  readonly markdownFile: string;
  /** The charts the Markdown links to, beside it. */
  readonly chartFiles: readonly string[];
  /** Only when the HTML export was asked for. */
  readonly htmlFile: string | undefined;
  readonly previous: AssessmentFile | undefined;
  /** False when both files already held exactly these bytes (nothing was written). */
  readonly changed: boolean;
}

export class ReportError extends Error {}

/** Renders the report and writes it with its chart. Shared by the CLI and the VS Code command. */
export async function writeReport(job: ReportJob): Promise<WrittenReport> {
  const paths = reportPaths(job.assessmentFile, job.output);
  const problem = outputProblem(job.assessmentFile, paths.markdownFile);
  if (problem) throw new ReportError(problem);
  const previous =
    job.previous === undefined
      ? await findPreviousAssessment(job.assessmentFile, job.assessment)
      : (job.previous ?? undefined);
  if (previous && previous.assessment.framework.id !== job.assessment.framework.id) {
    throw new ReportError(
      `${previous.file} assesses framework "${previous.assessment.framework.id}", not "${job.assessment.framework.id}"; compare with an assessment of the same framework`,
    );
  }
  const { markdown, charts } = renderReport({
    framework: job.framework,
    assessment: job.assessment,
    previous: previous?.assessment,
    metrics: job.metrics,
    assessmentName: paths.assessmentName,
    chartBaseName: paths.chartBaseName,
    topRecommendations: job.topRecommendations,
    capacity: job.capacity,
  });
  const folder = path.dirname(paths.markdownFile);
  try {
    const root =
      job.root ?? (job.output ? await existingAncestor(folder) : path.dirname(path.resolve(job.assessmentFile)));
    const write = (file: string, content: string) => writeIfChanged(file, content, root);
    // The charts first: a preview opened on the report then never shows a broken image.
    let changed = false;
    const chartFiles: string[] = [];
    for (const chart of charts) {
      const file = path.join(folder, chart.fileName);
      changed = (await write(file, chart.svg)) || changed;
      chartFiles.push(file);
    }
    changed = (await write(paths.markdownFile, markdown)) || changed;
    const htmlFile = job.html ? paths.htmlFile : undefined;
    if (htmlFile) changed = (await write(htmlFile, renderHtml(markdown, charts, job.assessment.title))) || changed;
    return { markdownFile: paths.markdownFile, chartFiles, htmlFile, previous, changed };
  } catch (error) {
    if (error instanceof WriteRefused) throw new ReportError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportError(`Could not write the report ${paths.markdownFile} (${code ?? String(error)}).`);
  }
}

/** Unchanged bytes are left alone, so file watchers and git see nothing happen; a change is written whole. */
async function writeIfChanged(file: string, content: string, root: string): Promise<boolean> {
  const existing = await readBounded(file);
  if (existing.kind === 'bytes' && existing.bytes.equals(Buffer.from(content, 'utf8'))) return false;
  await writeFileAtomic(file, content, { root, createFolders: true });
  return true;
}
