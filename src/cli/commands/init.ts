import { access, mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { configTemplate } from '../../core/config/template';
import { configFileIn } from '../../config/read';
import { flagString } from '../args';
import { CliError } from '../command';
import type { CliCommand } from '../command';
import { measureForCli } from '../measure';

export const initCommand: CliCommand = {
  name: 'init',
  usage: 'init [--repo <path>]',
  summary:
    'Write .dora/config.yaml from what the analysis detects (tag pattern, default branch, deployments), for the team to review and commit. Never replaces an existing file.',
  options: {
    repo: { type: 'string', value: '<path>', help: 'The repository (default: the current folder).' },
  },
  positionals: false,
  async run(parsed, io) {
    const repo = path.resolve(io.cwd, flagString(parsed, 'repo') ?? '.');
    const file = configFileIn(repo);
    const shown = path.relative(io.cwd, file) || file;
    const exists = () => new CliError(`${shown} already exists; edit it, or delete it to write a new one`, 1);
    // Refused before the analysis, so nobody waits for a result that cannot be written.
    if (
      await access(file).then(
        () => true,
        () => false,
      )
    )
      throw exists();
    const result = await measureForCli('init', {
      repo,
      ignoreConfig: true,
      analysis: { cache: null, until: io.now() },
    });
    const text = configTemplate({ result, date: io.now().toISOString().slice(0, 10) });
    await mkdir(path.dirname(file), { recursive: true });
    try {
      await writeFile(file, text, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw exists();
      throw error;
    }
    const found =
      result.deployments.source === 'tags'
        ? `deployments are ${result.deployments.pattern}`
        : `no release tags found, so deployments are changes on ${result.deployments.defaultBranch ?? 'the default branch'}`;
    io.out(`Wrote ${shown}: ${found}. Review it, then commit it so the editor and CI measure the same way.`);
    return 0;
  },
};
