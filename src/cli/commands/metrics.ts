import { plural } from '../../core/text/words';
import * as path from 'node:path';
import type { Framework } from '../../core/framework/schema';
import { formatProblem } from '../../core/problems';
import { deploymentSource, leadTimeNotes } from '../../core/metrics/describe';
import { formatNumber } from '../../core/vocabulary/format';
import type { MetricsResult } from '../../core/metrics/result';
import { findInCatalog, loadFrameworkFile } from '../../frameworks/catalog';
import type { ChoiceLayer } from '../../core/config/resolve';
import { DEPLOYMENT_SOURCES, LEAD_TIME_CLOCKS } from '../../core/config/schema';
import { choiceLines } from '../../core/config/describe';
import { flagSet, flagString } from '../args';
import type { ParsedArgs } from '../args';
import { EXPLAIN_LISTS, explainJson, explainLines } from '../explainTable';
import { explainForCli } from '../measure';
import { CliError } from '../command';
import { metricFacts } from '../../core/vocabulary/metrics';
import type { CliCommand } from '../command';
import { catalogFor } from '../resolve';

export const metricsCommand: CliCommand = {
  name: 'metrics',
  usage: 'metrics [--repo <path>] [--days N] [--until <date>] [--tag-pattern <regex>] [--source <source>] [--json] …',
  summary:
    'Deployment frequency, lead time and the failure, recovery and rework heuristics from git history, with suggested scores. ' +
    'Measured as <repo>/.dora/config.yaml says; a flag wins over the file.',
  options: {
    repo: { type: 'string', value: '<path>', help: 'The repository to measure (default: the current folder).' },
    until: { type: 'string', value: '<date>', help: 'End of the window: an ISO date or epoch seconds (default: now).' },
    days: { type: 'string', value: 'N', help: 'Length of the window in days (default 90).' },
    'tag-pattern': { type: 'string', value: '<regex>', help: 'Regular expression a release tag matches.' },
    source: { type: 'string', value: '<source>', help: 'What a deployment is: auto, tags, commits or merges.' },
    package: { type: 'string', value: '<name>', help: 'The package of a monorepo to measure.' },
    'default-branch': { type: 'string', value: '<name>', help: 'The branch changes land on.' },
    clock: { type: 'string', value: 'author|committer', help: 'Start lead time at the author or committer time.' },
    'failure-days': {
      type: 'string',
      value: 'N',
      help: 'How soon after a deployment a revert or hotfix marks it failed.',
    },
    'hotfix-pattern': { type: 'string', value: '<regex>', help: 'Which deployments are hotfixes.' },
    'exclude-bots': { type: 'boolean', help: 'Leave commits by bots out of lead time.' },
    framework: { type: 'string', value: '<id>', help: 'Suggest scores for this framework (default: dora).' },
    'framework-file': { type: 'string', value: '<yaml>', help: 'Suggest scores for the framework in this file.' },
    explain: {
      type: 'string',
      value: 'deployments|lead-time|failures|excluded',
      help: 'List what a figure is made of: its deployments, its commits by lead time, the classified deployments with their rules, or the commits left out.',
    },
    json: { type: 'boolean', help: 'Print the result as JSON.' },
  },
  positionals: false,
  async run(parsed, io) {
    const repo = path.resolve(io.cwd, flagString(parsed, 'repo') ?? '.');
    const { framework, warning } = frameworkFor(parsed, repo);
    const explain = enumFlag(parsed, 'explain', EXPLAIN_LISTS);
    const { result, ledger } = await explainForCli('metrics', {
      repo,
      flags: choiceFlags(parsed),
      analysis: { until: untilFlag(flagString(parsed, 'until'), io.now()), framework, cache: null },
      explain: explain !== undefined,
    });
    if (warning) result.warnings.push(warning);
    if (explain && ledger) {
      if (flagSet(parsed, 'json')) io.out(JSON.stringify(explainJson(ledger, explain), null, 2));
      else for (const line of explainLines(ledger, explain)) io.out(line);
      return 0;
    }
    if (flagSet(parsed, 'json')) io.out(JSON.stringify(result, null, 2));
    else for (const line of metricsLines(result)) io.out(line);
    return 0;
  },
};

/** The measuring choices given as flags: the strongest layer, above the config file. */
function choiceFlags(parsed: ParsedArgs): ChoiceLayer {
  return {
    tagPattern: flagString(parsed, 'tag-pattern'),
    package: flagString(parsed, 'package'),
    source: enumFlag(parsed, 'source', DEPLOYMENT_SOURCES),
    defaultBranch: flagString(parsed, 'default-branch'),
    windowDays: numberFlag(parsed, 'days'),
    leadTimeClock: enumFlag(parsed, 'clock', LEAD_TIME_CLOCKS),
    failureDays: numberFlag(parsed, 'failure-days'),
    hotfixPattern: flagString(parsed, 'hotfix-pattern'),
    excludeBots: flagSet(parsed, 'exclude-bots') ? true : undefined,
  };
}

/** `--until` as an ISO date or epoch seconds; a bare date means midnight UTC at its start. */
export function untilFlag(value: string | undefined, now: Date): Date {
  if (value === undefined) return now;
  const date = /^-?\d+$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new CliError(
      `--until "${value}" is neither an ISO date (2026-03-31, 2026-03-31T12:00:00Z) nor epoch seconds`,
    );
  return date;
}

function numberFlag(parsed: ParsedArgs, name: string): number | undefined {
  const value = flagString(parsed, name);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new CliError(`--${name} "${value}" is not a number`);
  return number;
}

function enumFlag<T extends string>(parsed: ParsedArgs, name: string, allowed: readonly T[]): T | undefined {
  const value = flagString(parsed, name);
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a === value);
  if (!found)
    throw new CliError(`--${name} must be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}, not "${value}"`);
  return found;
}

/** --framework-file, else --framework <id>, else the bundled DORA framework (also looked for in <repo>/.dora/frameworks). */
function frameworkFor(parsed: ParsedArgs, repo: string): { framework?: Framework; warning?: string } {
  const file = flagString(parsed, 'framework-file');
  if (file) {
    const loaded = loadFrameworkFile(file);
    if (!loaded.ok) throw new CliError(loaded.problems.map(formatProblem).join('\n'), 1);
    return { framework: loaded.value };
  }
  const id = flagString(parsed, 'framework');
  const framework = findInCatalog(catalogFor(path.join(repo, '.dora')), id ?? 'dora');
  if (framework) return { framework };
  if (id)
    throw new CliError(
      `framework "${id}" not found; run "dora-assess frameworks" for the list, or pass --framework-file`,
      1,
    );
  return {
    warning:
      'The bundled DORA framework could not be loaded, so no scores are suggested; pass --framework-file to get suggestions.',
  };
}

/** The five key metrics, one aligned line each, named and formatted as everywhere else (core/vocabulary). */
function factLines(result: MetricsResult): string[] {
  const facts = metricFacts(result);
  const width = Math.max(...facts.map((f) => f.name.length)) + 2;
  return facts.map(
    (f) =>
      `${f.name.padEnd(width)}${f.value} (${f.detail})${f.band ? `  [DORA 2024: ${f.band}]` : ''}${f.heuristic ? '  heuristic' : ''}`,
  );
}

export function metricsLines(result: MetricsResult): string[] {
  const { deployments: dep, leadTime: lead } = result;
  const source = deploymentSource({
    source: dep.source,
    pattern: dep.pattern,
    defaultBranch: dep.defaultBranch ?? null,
  });
  const lines = [
    `Repository: ${result.repository ?? '(unknown)'}`,
    `Window: ${result.window.since} < t ≤ ${result.window.until} (${plural(result.window.days, 'day')})`,
    ...(dep.package
      ? [
          `Package: ${dep.package.name} (lead time over commits touching ${dep.package.paths.join(', ') || 'no folder'})`,
        ]
      : []),
    ...(dep.release ? [dep.release.summary] : []),
    '',
    ...factLines(result),
    `Deployments are ${source}; ${formatNumber(dep.deployDaysPerWeek, 2)} deploy days a week; lead time from the ${lead.clock} time.`,
  ];
  const notes = leadTimeNotes(lead);
  if (notes !== '') lines.push(`Lead time: ${notes.slice(2)}`);
  const classified = result.classified ?? [];
  if (classified.length > 0) {
    lines.push('', 'Classified deployments (heuristic):');
    for (const c of classified.slice(0, 20)) lines.push(`  ${c.deployment}: ${c.classification}, ${c.rule}`);
    if (classified.length > 20) lines.push(`  … and ${plural(classified.length - 20, 'more')} (run with --json)`);
  }
  const packages = dep.packages ?? [];
  if (packages.length > 1 && !dep.package) {
    const shown = packages.slice(0, 8).map((p) => `${p.name} ${p.deployments}`);
    lines.push(
      '',
      `Release events per package: ${shown.join(', ')}${packages.length > 8 ? `, and ${plural(packages.length - 8, 'more package')}` : ''}. Measure one with --package <name>.`,
    );
  }
  if (result.suggestions.length > 0) {
    lines.push('', 'Suggested scores:');
    for (const s of result.suggestions) lines.push(`  ${s.questionId}: ${s.score}  ${s.reason}`);
  }
  if (result.settings) lines.push('', ...choiceLines(result.settings));
  if (result.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const warning of result.warnings) lines.push(`  - ${warning}`);
  }
  lines.push('', 'Heuristic rules and methods: run with --json, or see docs/metrics.md.');
  return lines;
}
