import * as path from 'node:path';
import { loadAssessment } from '../../core/assessment/load';
import { loadTeamConfig } from '../../core/config/load';
import { CONFIG_FILE_NAME } from '../../core/config/schema';
import { findQuestion } from '../../core/framework/suggest';
import { loadFramework } from '../../core/framework/load';
import { formatProblem } from '../../core/problems';
import type { Problem } from '../../core/problems';
import { readTextFile } from '../../frameworks/catalog';
import { isFrameworkFile } from '../../workspace/assessmentFiles';
import { CliError } from '../command';
import type { CliCommand } from '../command';
import { catalogFor } from '../resolve';
import { findInCatalog } from '../../frameworks/catalog';

export const validateCommand: CliCommand = {
  name: 'validate',
  usage: 'validate <file…>',
  summary:
    'Check framework YAML, team configuration (.dora/config.yaml) or assessment JSON files; prints file:line:col: message for each problem.',
  options: {},
  positionals: true,
  run(parsed, io) {
    const args = parsed.positional;
    if (args.length === 0) throw new CliError('validate needs at least one file: dora-assess validate <file…>');
    let failed = false;
    for (const file of args) {
      const problems = validateFile(file, path.resolve(io.cwd, file));
      for (const problem of problems) {
        if (problem.severity === 'error') io.err(formatProblem(problem));
        else io.out(formatProblem(problem));
      }
      if (problems.some((p) => p.severity === 'error')) failed = true;
      else io.out(`${file}: ok`);
    }
    return failed ? 1 : 0;
  },
};

/** `file` as the user typed it names the problems; `absolute` (against the command's cwd) is what is read. */
function validateFile(file: string, absolute: string): Problem[] {
  const read = readTextFile(absolute);
  if (!read.ok) return [{ ...read.problem, file }];
  if (path.basename(file) === CONFIG_FILE_NAME) {
    const result = loadTeamConfig(read.text, file);
    return result.ok ? [...result.value.warnings] : [...result.problems];
  }
  if (isFrameworkFile(file)) {
    const result = loadFramework(read.text, file);
    return result.ok ? [...result.warnings] : [...result.problems];
  }
  const result = loadAssessment(read.text, file);
  if (!result.ok) return [...result.problems];
  // An answer to a question the framework lacks is kept, but worth a warning.
  const framework = findInCatalog(catalogFor(path.dirname(absolute)), result.value.framework.id);
  const orphans: Problem[] = framework
    ? Object.keys(result.value.answers)
        .filter((id) => !findQuestion(framework, id))
        .map((id) => ({
          severity: 'warning',
          file,
          path: `answers.${id}`,
          message: `answer to "${id}", which framework "${framework.id}" does not have; it is kept but not scored`,
        }))
    : [
        {
          severity: 'warning',
          file,
          message: `framework "${result.value.framework.id}" is not installed here, so answers were not checked against it`,
        },
      ];
  return [...result.warnings, ...orphans];
}
