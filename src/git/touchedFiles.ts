import { touchesOnlyConfig } from '../core/metrics/configPaths';
import type { GitContext } from './run';
import { runGit } from './run';

/** Not a hash, so `git diff-tree --stdin` echoes it back: it marks where one commit's files end. */
const SEPARATOR = ':end';

/**
 * Of the given commits (the reverts), those that change only CI or repository configuration. One
 * `git diff-tree --stdin` process for all of them, whatever their number; never a file list for the
 * whole log. A git failure here loses only this refinement: every revert then counts.
 */
export async function configOnlyCommits(context: GitContext, hashes: readonly string[]): Promise<Set<string>> {
  const configOnly = new Set<string>();
  if (hashes.length === 0) return configOnly;
  const input = hashes.map((hash) => `${hash}\n${SEPARATOR}\n`).join('');
  const output = await runGit(context, ['diff-tree', '--stdin', '--no-commit-id', '--name-only', '-r'], input);
  if (output.code !== 0) return configOnly;
  const lines = output.stdout.toString('utf8').split('\n');
  let files: string[] = [];
  let next = 0;
  for (const line of lines) {
    if (line !== SEPARATOR) {
      if (line !== '') files.push(line);
      continue;
    }
    const hash = hashes[next++];
    if (hash !== undefined && touchesOnlyConfig(files)) configOnly.add(hash);
    files = [];
  }
  return configOnly;
}
