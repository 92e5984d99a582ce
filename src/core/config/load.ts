import { compilePattern, EXAMPLE_HOTFIX_PATTERN } from '../metrics/patterns';
import { formatPath } from '../problems';
import type { Problem } from '../problems';
import { loadYamlWith } from '../text/loadYaml';
import type { Locator } from '../text/zodProblems';
import { branchNameProblem } from './branchName';
import { teamConfigSchema } from './schema';
import type { TeamConfig } from './schema';

/** A loaded team configuration that can still point at its own lines, for problems found after the analysis. */
export interface LoadedConfig {
  readonly file: string;
  readonly config: TeamConfig;
  readonly warnings: readonly Problem[];
  /** The problem to show for a key of the file, positioned at that key's value. */
  problemAt(path: readonly PropertyKey[], message: string, severity?: Problem['severity']): Problem;
}

export type ConfigLoad =
  { readonly ok: true; readonly value: LoadedConfig } | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Parses and checks `.dora/config.yaml`. Never throws: YAML syntax, unknown keys, wrong types, invalid
 * regular expressions and branch names all come back as file:line:col problems, all at once.
 */
export function loadTeamConfig(text: string, file: string): ConfigLoad {
  const loaded = loadYamlWith(
    teamConfigSchema,
    text,
    file,
    'the file is empty; write at least one setting (for example "windowDays: 90"), or delete the file to use the defaults',
  );
  if (!loaded.ok) return loaded;
  const problemAt = positionedProblem(file, loaded.positions);
  const semantic = checkTeamConfig(loaded.value, problemAt);
  if (semantic.length > 0) return { ok: false, problems: [...semantic, ...loaded.warnings] };
  return { ok: true, value: { file, config: loaded.value, warnings: loaded.warnings, problemAt } };
}

function positionedProblem(file: string, positions: Locator): LoadedConfig['problemAt'] {
  return (path, message, severity = 'error') => {
    const position = positions.locate(path);
    return {
      severity,
      file,
      line: position?.line,
      column: position?.column,
      path: formatPath(path) || undefined,
      message,
    };
  };
}

/** Rules zod cannot express on one node: patterns that compile, branch names git accepts, unique packages. */
function checkTeamConfig(config: TeamConfig, problemAt: LoadedConfig['problemAt']): Problem[] {
  const problems: Problem[] = [];
  const checkPattern = (path: PropertyKey[], source: string, flags = '', fallback?: string) => {
    const compiled = compilePattern(source, 'The pattern', flags, fallback);
    if (!compiled.ok) problems.push(problemAt(path, compiled.message));
  };
  const tagPatterns = typeof config.tagPattern === 'string' ? [config.tagPattern] : (config.tagPattern ?? []);
  tagPatterns.forEach((source, i) =>
    checkPattern(typeof config.tagPattern === 'string' ? ['tagPattern'] : ['tagPattern', i], source),
  );
  if (config.hotfixPattern !== undefined)
    checkPattern(['hotfixPattern'], config.hotfixPattern, 'i', EXAMPLE_HOTFIX_PATTERN);
  const seen = new Set<string>();
  (config.packages ?? []).forEach((pkg, i) => {
    if (seen.has(pkg.name))
      problems.push(problemAt(['packages', i, 'name'], `package "${pkg.name}" is listed twice; keep one entry`));
    seen.add(pkg.name);
    if (pkg.tagPattern !== undefined) checkPattern(['packages', i, 'tagPattern'], pkg.tagPattern);
  });
  if (config.defaultBranch !== undefined) {
    const message = branchNameProblem(config.defaultBranch);
    if (message) problems.push(problemAt(['defaultBranch'], message));
  }
  return problems;
}

/** The configured tag patterns as the one expression the analysis takes. */
export function combinedTagPattern(tagPattern: TeamConfig['tagPattern']): string | undefined {
  if (tagPattern === undefined || typeof tagPattern === 'string') return tagPattern;
  return tagPattern.length === 1 ? tagPattern[0] : tagPattern.map((source) => `(?:${source})`).join('|');
}
