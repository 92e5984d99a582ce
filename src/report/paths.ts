import * as path from 'node:path';

export interface ReportPaths {
  readonly markdownFile: string;
  readonly svgFile: string;
  /** The chart's name as the Markdown links to it: a file beside the report. */
  readonly chartFileName: string;
  /** The assessment's file name without `.json`, shown in the report. */
  readonly assessmentName: string;
}

/**
 * Where a report goes: `reports/<assessment-name>.md` in the assessment's folder (so `.dora/reports/`
 * for the usual `.dora/` assessments) unless an output file is given; the chart sits beside it with
 * the same name and `.svg`.
 */
export function reportPaths(assessmentFile: string, output?: string): ReportPaths {
  const absolute = path.resolve(assessmentFile);
  const assessmentName = path.basename(absolute).replace(/\.json$/i, '') || 'assessment';
  const markdownFile = output
    ? path.resolve(output)
    : path.join(path.dirname(absolute), 'reports', `${assessmentName}.md`);
  const chartFileName = `${path.basename(markdownFile).replace(/\.(md|markdown)$/i, '')}.svg`;
  return { markdownFile, svgFile: path.join(path.dirname(markdownFile), chartFileName), chartFileName, assessmentName };
}

/** Why an output path cannot take a report, or undefined when it can. */
export function outputProblem(assessmentFile: string, markdownFile: string): string | undefined {
  if (!/\.(md|markdown)$/i.test(markdownFile))
    return `${markdownFile}: the report is Markdown; give an output file ending in .md`;
  if (path.resolve(markdownFile) === path.resolve(assessmentFile))
    return `${markdownFile} is the assessment itself; choose another output file`;
  return undefined;
}
