import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { newAssessment, serializeAssessment } from '../../core/assessment/serialize';
import { flagString, parseArgs } from '../args';
import { CliError } from '../command';
import type { CliCommand } from '../command';
import { catalogFor } from '../resolve';
import { findInCatalog } from '../../frameworks/catalog';

export const newCommand: CliCommand = {
  name: 'new',
  usage: 'new --framework <id> [--title T] [--team T] -o <file> [--force]',
  summary: 'Write an empty assessment for a framework.',
  run(args, io) {
    const parsed = parseArgs(args, {
      values: ['framework', 'title', 'team', 'output'],
      booleans: ['force'],
      aliases: { '-o': 'output', '-f': 'framework' },
    });
    const id = flagString(parsed, 'framework');
    const output = flagString(parsed, 'output') ?? parsed.positional[0];
    if (!id) throw new CliError('new needs --framework <id>; run "dora-assess frameworks" to list them');
    if (!output) throw new CliError('new needs -o <file> for the assessment to write');
    const target = path.resolve(io.cwd, output);
    const catalog = catalogFor(path.dirname(target));
    const framework = findInCatalog(catalog, id);
    if (!framework) throw new CliError(`unknown framework "${id}"; run "dora-assess frameworks" to list them`, 1);
    if (existsSync(target) && !parsed.flags.has('force'))
      throw new CliError(`${output} already exists; pass --force to replace it`, 1);
    const title = flagString(parsed, 'title') ?? `${framework.name} assessment`;
    const assessment = newAssessment({ framework, title, team: flagString(parsed, 'team'), now: io.now() });
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, serializeAssessment(assessment, framework));
    io.out(
      `Wrote ${output}: ${framework.name}, ${framework.domains.reduce((n, d) => n + d.questions.length, 0)} questions to answer.`,
    );
    return 0;
  },
};
