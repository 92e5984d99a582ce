import * as path from 'node:path';
import type { Assessment } from '../../core/assessment/schema';
import type { Framework } from '../../core/framework/schema';
import type { MetricsResult } from '../../core/metrics/result';
import { MAX_CAPACITY } from '../../core/report/roadmap';
import { configuredCapacity } from '../../report/capacity';
import type { AssessmentFile } from '../../report/previous';
import { ReportError, writeReport } from '../../report/writeReport';
import { flagSet, flagString } from '../args';
import { CliError } from '../command';
import { measureForCli } from '../measure';
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
  options: {
    output: {
      type: 'string',
      short: 'o',
      value: '<file.md>',
      help: 'Where to write the report (default: reports/<name>.md beside the assessment).',
    },
    previous: {
      type: 'string',
      value: '<older.json>',
      help: 'Compare with this assessment instead of the newest older one.',
    },
    'no-previous': { type: 'boolean', help: 'Do not compare with an earlier assessment.' },
    repo: {
      type: 'string',
      value: '<path>',
      help: 'Add git metrics from this repository, measured as its .dora/config.yaml says.',
    },
    top: { type: 'string', value: 'N', help: 'How many recommendations to list (1 to 50).' },
    capacity: {
      type: 'string',
      value: 'N',
      help: `How many improvements the roadmap works on at once (1 to ${MAX_CAPACITY}; default 2).`,
    },
    html: { type: 'boolean', help: 'Also write a self-contained HTML file with the charts inline, to print to PDF.' },
    'framework-file': {
      type: 'string',
      value: '<yaml>',
      help: 'Use this framework file instead of the one the assessment names.',
    },
  },
  positionals: true,
  async run(parsed, io) {
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
      written = await writeReport({
        assessmentFile,
        assessment,
        framework,
        output: output === undefined ? undefined : path.resolve(io.cwd, output),
        previous: previousFlag(flagSet(parsed, 'no-previous'), flagString(parsed, 'previous'), io.cwd),
        metrics,
        topRecommendations: topFlag(flagString(parsed, 'top')),
        capacity: capacityFlag(flagString(parsed, 'capacity')) ?? (await fromConfig(assessmentFile, io)),
        html: flagSet(parsed, 'html'),
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

/** The team configuration's capacity, when the flag does not give one; a broken file is reported, not fatal. */
async function fromConfig(assessmentFile: string, io: { err(line: string): void }): Promise<number | undefined> {
  const configured = await configuredCapacity(assessmentFile);
  if (configured.problem) io.err(`dora-assess report: ${configured.problem}`);
  return configured.capacity;
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
 * answers were given against, and regenerating the report later gives the same bytes. The repository's
 * `.dora/config.yaml` decides how they are measured, as in the editor.
 */
function measure(repo: string, framework: Framework, assessment: Assessment): Promise<MetricsResult> {
  return measureForCli('report', {
    repo,
    analysis: { framework, until: new Date(assessment.updatedAt), cache: null },
  });
}
