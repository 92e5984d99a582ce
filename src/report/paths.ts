import * as path from 'node:path';

export interface ReportPaths {
  readonly markdownFile: string;
  /** The self-contained HTML export, beside the Markdown with the same name. */
  readonly htmlFile: string;
  /** The charts' file name stem: `<stem>-radar.svg` and the others sit beside the report. */
  readonly chartBaseName: string;
  /** The assessment's file name without `.json`, shown in the report. */
  readonly assessmentName: string;
}

/**
 * Where a report goes: `reports/<assessment-name>.md` in the assessment's folder (so `.dora/reports/`
 * for the usual `.dora/` assessments) unless an output file is given; the chart sits beside it with
 * the same name stem (`<name>-radar.svg`, `<name>-roadmap.svg`, `<name>-metrics.svg`).
 */
export function reportPaths(assessmentFile: string, output?: string): ReportPaths {
  const absolute = path.resolve(assessmentFile);
  const assessmentName = path.basename(absolute).replace(/\.json$/i, '') || 'assessment';
  const markdownFile = output
    ? path.resolve(output)
    : path.join(path.dirname(absolute), 'reports', `${assessmentName}.md`);
  const chartBaseName = path.basename(markdownFile).replace(/\.(md|markdown)$/i, '');
  const htmlFile = path.join(path.dirname(markdownFile), `${chartBaseName}.html`);
  return { markdownFile, htmlFile, chartBaseName, assessmentName };
}

/** Why an output path cannot take a report, or undefined when it can. */
export function outputProblem(assessmentFile: string, markdownFile: string): string | undefined {
  if (!/\.(md|markdown)$/i.test(markdownFile))
    return `${markdownFile}: the report is Markdown; give an output file ending in .md`;
  if (path.resolve(markdownFile) === path.resolve(assessmentFile))
    return `${markdownFile} is the assessment itself; choose another output file`;
  return undefined;
}
