import { lstat } from 'node:fs/promises';
import * as path from 'node:path';
import { newAssessment, serializeAssessment } from '../../core/assessment/serialize';
import { flagSet, flagString } from '../args';
import { CliError } from '../command';
import type { CliCommand } from '../command';
import { catalogFor } from '../resolve';
import { findInCatalog } from '../../frameworks/catalog';
import { existingAncestor, writeFileAtomic } from '../../store/atomicWrite';

export const newCommand: CliCommand = {
  name: 'new',
  usage: 'new --framework <id> [--title T] [--team T] -o <file> [--force]',
  summary: 'Write an empty assessment for a framework.',
  options: {
    framework: {
      type: 'string',
      short: 'f',
      value: '<id>',
      help: 'The framework to assess against (see "dora-assess frameworks").',
    },
    title: { type: 'string', value: '<text>', help: 'The assessment title (default: "<framework> assessment").' },
    team: { type: 'string', value: '<name>', help: 'The team assessed.' },
    output: { type: 'string', short: 'o', value: '<file>', help: 'The assessment file to write.' },
    force: { type: 'boolean', help: 'Replace the file if it exists.' },
  },
  positionals: true,
  async run(parsed, io) {
    const id = flagString(parsed, 'framework');
    const output = flagString(parsed, 'output') ?? parsed.positional[0];
    if (!id) throw new CliError('new needs --framework <id>; run "dora-assess frameworks" to list them');
    if (!output) throw new CliError('new needs -o <file> for the assessment to write');
    const target = path.resolve(io.cwd, output);
    const catalog = catalogFor(path.dirname(target));
    const framework = findInCatalog(catalog, id);
    if (!framework) throw new CliError(`unknown framework "${id}"; run "dora-assess frameworks" to list them`, 1);
    // lstat, not exists: a dangling link is something there too, and is never written through.
    const there = await lstat(target).then(
      () => true,
      () => false,
    );
    if (there && !flagSet(parsed, 'force'))
      throw new CliError(`${output} already exists; pass --force to replace it`, 1);
    const title = (flagString(parsed, 'title') ?? `${framework.name} assessment`).trim();
    if (title === '') throw new CliError('--title cannot be empty or only spaces; give the assessment a title');
    const assessment = newAssessment({ framework, title, team: flagString(parsed, 'team'), now: io.now() });
    // The folder given (or its nearest existing ancestor) is the limit: links inside it cannot lead out.
    const root = await existingAncestor(path.dirname(target));
    await writeFileAtomic(target, serializeAssessment(assessment, framework), { root, createFolders: true });
    io.out(
      `Wrote ${output}: ${framework.name}, ${framework.domains.reduce((n, d) => n + d.questions.length, 0)} questions to answer.`,
    );
    return 0;
  },
};
