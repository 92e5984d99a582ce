import { formatProblem } from '../../core/problems';
import type { CliCommand } from '../command';
import { catalogFor } from '../resolve';

export const frameworksCommand: CliCommand = {
  name: 'frameworks',
  usage: 'frameworks',
  summary: 'List the bundled frameworks.',
  options: {},
  positionals: false,
  run(_args, io) {
    let failed = false;
    for (const entry of catalogFor()) {
      if (entry.result.ok) {
        const f = entry.result.value;
        const questions = f.domains.reduce((n, d) => n + d.questions.length, 0);
        io.out(`${f.id.padEnd(12)} ${f.name} ${f.version} (${f.domains.length} domains, ${questions} questions)`);
      } else {
        failed = true;
        for (const problem of entry.result.problems) io.err(formatProblem(problem));
      }
    }
    return failed ? 1 : 0;
  },
};
