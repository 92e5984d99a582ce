import type { MetricsResult } from '../metrics/result';
import type { Problem } from '../problems';
import type { LoadedConfig } from './load';
import { configPathOf } from './resolve';
import type { ResolvedChoices } from './resolve';

/**
 * Choices from the config file that parsed but cannot work on this repository, found from the analysis
 * and pointed at the key in the file: a tag pattern that matches no tag in the history, a package without
 * release tags, a branch that does not exist. Choices from flags or settings are the analysis's own warnings.
 */
export function unworkableChoices(choices: ResolvedChoices, result: MetricsResult, loaded: LoadedConfig): Problem[] {
  const problems: Problem[] = [];
  const at = (name: keyof ResolvedChoices, message: string) =>
    problems.push(loaded.problemAt(configPathOf(name, loaded.config, choices.package.value), message, 'warning'));
  const tagged = result.deployments.source === 'tags' && (result.history?.deployments ?? result.deployments.count) > 0;
  const wantsTags = choices.source.value !== 'merges' && choices.source.value !== 'commits';
  const pattern = choices.tagPattern.value;
  if (choices.package.from === 'config' && wantsTags && !tagged) {
    at(
      'package',
      `package "${String(choices.package.value)}" has no release tags${pattern === undefined ? '' : ` matching ${pattern}`} in the history; check its name and tag pattern, or leave "package" out to measure the whole repository`,
    );
  } else if (choices.tagPattern.from === 'config' && wantsTags && !tagged && pattern !== undefined) {
    at(
      'tagPattern',
      `the tag pattern ${pattern} matches no tag in the history; run "git tag" to see how releases are named and change the pattern, or leave it out to detect it`,
    );
  }
  const branch = choices.defaultBranch.value;
  const found = result.deployments.defaultBranch ?? null;
  // A branch that exists only on a remote is read as origin/<name>.
  const exists = found !== null && (found === branch || found.endsWith(`/${String(branch)}`));
  if (choices.defaultBranch.from === 'config' && branch !== undefined && !exists) {
    at(
      'defaultBranch',
      `the branch "${branch}" does not exist, locally or on a remote; use the branch your changes land on, or leave it out to detect it`,
    );
  }
  return problems;
}
