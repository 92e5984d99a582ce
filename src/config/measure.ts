import * as path from 'node:path';
import type { ChoiceLayer, ResolvedChoices } from '../core/config/resolve';
import { configPathOf, resolveChoices } from '../core/config/resolve';
import { unworkableChoices } from '../core/config/unworkable';
import type { MetricsResult } from '../core/metrics/result';
import { formatProblem } from '../core/problems';
import type { Problem } from '../core/problems';
import type { Ledger } from '../core/explain/ledger';
import { analyzeAndExplain, analyzeRepository } from '../git/analyze';
import type { AnalyzeOptions } from '../git/analyze';
import { analyzeOptionsFrom, DEFAULT_CHOICES, settingsProvenance } from '../git/choices';
import { GitAnalysisError, isGitAnalysisError } from '../git/errors';
import { configFileIn, readTeamConfig } from './read';

export interface MeasureRequest {
  readonly repo: string;
  /** The team configuration; `<repo>/.dora/config.yaml` by default (the extension follows `dora.assessmentsFolder`). */
  readonly configFile?: string;
  /** Measure from detection and defaults only, as `init` does before a file exists. */
  readonly ignoreConfig?: boolean;
  /** CLI flags, the strongest layer. */
  readonly flags?: ChoiceLayer;
  /** VS Code settings the user set explicitly, the weakest layer above the defaults. */
  readonly settings?: ChoiceLayer;
  /** Also list the deployments and commits behind the figures (one more git call, for their subjects). */
  readonly explain?: boolean;
  /** Everything else the analysis takes: the window's end, the framework, progress, cancellation. */
  readonly analysis: Omit<AnalyzeOptions, 'repo' | keyof ReturnType<typeof analyzeOptionsFrom>>;
}

export type Measured =
  | {
      readonly kind: 'ok';
      readonly result: MetricsResult;
      readonly choices: ResolvedChoices;
      /** Present when the request asked to explain. */
      readonly ledger?: Ledger;
    }
  | { readonly kind: 'invalid-config'; readonly file: string; readonly problems: readonly Problem[] };

/**
 * Measures a repository as its committed `.dora/config.yaml` says, so the editor and CI agree:
 * flags > config file > settings > defaults > detection. The result names where each choice came
 * from, and a choice in the file that cannot work here is a warning pointing at its line.
 */
export async function measureWithConfig(request: MeasureRequest): Promise<Measured> {
  const file = request.configFile ?? configFileIn(request.repo);
  const read = request.ignoreConfig ? ({ kind: 'none', file } as const) : await readTeamConfig(file);
  if (read.kind === 'invalid') return { kind: 'invalid-config', file, problems: read.problems };
  const loaded = read.kind === 'ok' ? read.loaded : undefined;
  const shownFile = loaded ? path.relative(request.repo, file) || file : undefined;
  const choices = resolveChoices({
    flags: request.flags,
    config: loaded?.config,
    settings: request.settings,
    defaults: DEFAULT_CHOICES,
  });
  let result: MetricsResult;
  let ledger: Ledger | undefined;
  try {
    const options = { ...request.analysis, ...analyzeOptionsFrom(choices), repo: request.repo };
    if (request.explain) ({ result, ledger } = await analyzeAndExplain(options));
    else result = await analyzeRepository(options);
  } catch (error) {
    // A branch or package the file names that is not there stops the analysis: say which line chose it.
    if (loaded && isGitAnalysisError(error)) {
      for (const name of ['defaultBranch', 'package'] as const) {
        const value = choices[name].value;
        if (choices[name].from !== 'config' || value === undefined || !error.message.includes(`"${value}"`)) continue;
        const message =
          name === 'defaultBranch'
            ? `the branch "${value}" does not exist, locally or on a remote; use the branch your changes land on, or leave it out to detect it`
            : error.message;
        const problem = loaded.problemAt(configPathOf(name, loaded.config, choices.package.value), message);
        throw new GitAnalysisError(error.code, formatProblem({ ...problem, file: shownFile }));
      }
    }
    throw error;
  }
  result.settings = settingsProvenance(choices, result, shownFile);
  if (loaded) {
    const unworkable = unworkableChoices(choices, result, loaded).map((p) => formatProblem({ ...p, file: shownFile }));
    // The analysis's own warning about the same branch says less than the positioned one.
    result.warnings = [...unworkable, ...result.warnings];
  }
  return { kind: 'ok', result, choices, ...(ledger ? { ledger } : {}) };
}
