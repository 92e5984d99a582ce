import * as path from 'node:path';
import type { Assessment } from '../../core/assessment/schema';
import type { Framework } from '../../core/framework/schema';
import type { MetricsResult } from '../../core/metrics/result';
import { MAX_CAPACITY } from '../../core/report/roadmap';
import { analyzeRepository } from '../../git/analyze';
import { isGitAnalysisError } from '../../git/errors';
import type { AssessmentFile } from '../../report/previous';
import { ReportError, writeReport } from '../../report/writeReport';
import { flagString, parseArgs } from '../args';
import { CliError } from '../command';
import type { CliCommand } from '../command';
import { frameworkFor, readAssessment } from '../resolve';

export const reportCommand: CliCommand = {
  name: 'report',
  usage:
    'report <assessment.json> [-o out.md] [--html] [--capacity N] [--previous <older.json> | --no-previous] [--repo <path>] [--top N] [--framework-file <yaml>]',
  summary:
    'Write the Markdown report and its SVG charts (default: reports/<name>.md beside the assessment); --html also writes a self-contained ' +
    'HTML file to print to PDF. Compares with the newest older assessment of the same framework in the folder; --repo adds git metrics ' +
    "over the 90 days up to the assessment's last update; --capacity sets how many improvements the roadmap runs at once (default 2).",
  async run(args, io) {
    const parsed = parseArgs(args, {
      values: ['output', 'previous', 'repo', 'top', 'framework-file', 'capacity'],
      booleans: ['no-previous', 'html'],
      aliases: { '-o': 'output' },
    });
    const file = parsed.positional[0];
    if (!file) throw new CliError('report needs an assessment file: dora-assess report <assessment.json> [-o out.md]');
    if (parsed.positional.length > 1)
      throw new CliError(`report takes one assessment file; got also "${parsed.positional[1]}"`);
    const assessmentFile = path.resolve(io.cwd, file);
    const assessment = readAssessment(assessmentFile);
    const framework = frameworkFor(assessment, assessmentFile, flagString(parsed, 'framework-file'));
    const output = flagString(parsed, 'output');
    const repo = flagString(parsed, 'repo');
    const metrics = repo === undefined ? undefined : await measure(path.resolve(io.cwd, repo), framework, assessment);
    let written;
    try {
      written = writeReport({
        assessmentFile,
        assessment,
        framework,
        output: output === undefined ? undefined : path.resolve(io.cwd, output),
        previous: previousFlag(parsed.flags.has('no-previous'), flagString(parsed, 'previous'), io.cwd),
        metrics,
        topRecommendations: topFlag(flagString(parsed, 'top')),
        capacity: capacityFlag(flagString(parsed, 'capacity')),
        html: parsed.flags.has('html'),
      });
    } catch (error) {
      if (error instanceof ReportError) throw new CliError(error.message, 1);
      throw error;
    }
    const shown = (f: string) => path.relative(io.cwd, f) || f;
    const compared = written.previous ? `, compared with ${shown(written.previous.file)}` : '';
    const verb = written.changed ? 'Wrote' : 'Unchanged:';
    const files = [written.markdownFile, ...(written.htmlFile ? [written.htmlFile] : []), ...written.chartFiles].map(
      shown,
    );
    io.out(`${verb} ${files.join(', ')}${compared}.`);
    return 0;
  },
};

function previousFlag(none: boolean, file: string | undefined, cwd: string): AssessmentFile | null | undefined {
  if (none && file !== undefined) throw new CliError('give either --previous <file> or --no-previous, not both');
  if (none) return null;
  if (file === undefined) return undefined;
  const absolute = path.resolve(cwd, file);
  return { file: absolute, assessment: readAssessment(absolute) };
}

function topFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const top = Number(value);
  if (!Number.isInteger(top) || top < 1 || top > 50)
    throw new CliError(`--top "${value}" must be a whole number from 1 to 50`);
  return top;
}

function capacityFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const capacity = Number(value);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY)
    throw new CliError(
      `--capacity "${value}" must be a whole number from 1 to ${MAX_CAPACITY}: how many improvements run at once`,
    );
  return capacity;
}

/**
 * The git window ends at the assessment's last update, not at today: the figures are the ones the
 * answers were given against, and regenerating the report later gives the same bytes.
 */
async function measure(repo: string, framework: Framework, assessment: Assessment): Promise<MetricsResult> {
  try {
    return await analyzeRepository({ repo, framework, until: new Date(assessment.updatedAt), cache: null });
  } catch (error) {
    if (isGitAnalysisError(error)) throw new CliError(`dora-assess report: ${error.message}`, 1);
    throw error;
  }
}
