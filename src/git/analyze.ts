import * as path from 'node:path';
import { buildLedger, ledgerHashes } from '../core/explain/ledger';
import type { Ledger } from '../core/explain/ledger';
import { computeMetrics } from '../core/metrics/compute';
import type { History } from '../core/metrics/history';
import {
  compilePattern,
  DEFAULT_FAILURE_DAYS,
  DEFAULT_WINDOW_DAYS,
  EXAMPLE_HOTFIX_PATTERN,
  slowPatternWarnings,
} from '../core/metrics/patterns';
import { chooseReleases } from './releases';
import type { MetricsResult } from '../core/metrics/result';
import { suggestionsFor } from '../core/metrics/suggestions';
import type { Framework } from '../core/framework/schema';
import type { HistoryCache } from './cache';
import { historyKey, sharedHistoryCache } from './cache';
import { cancelled, GitAnalysisError } from './errors';
import { readHistory } from './readHistory';
import { readRefs } from './refs';
import { readSubjects } from './subjects';
import { probeRepository } from './repository';
import type { GitContext } from './run';

export interface AnalysisProgress {
  readonly message: string;
  /** 0..1 when it can be estimated. */
  readonly fraction?: number;
}

export interface AnalyzeOptions {
  /** A folder inside a work tree, or a bare repository. */
  readonly repo: string;
  /** End of the window; defaults to now. */
  readonly until?: Date;
  /** Length of the window in days; defaults to 90. */
  readonly days?: number | undefined;
  /** Regular expression a deployment tag's name matches. Undefined: release tags are detected (src/core/releases). */
  readonly tagPattern?: string | undefined;
  /**
   * What a deployment is. "auto" (or undefined): release tags, else every first-parent commit on the default
   * branch; "tags", "commits" (every first-parent commit) and "merges" (first-parent merge commits) force one.
   */
  readonly source?: 'auto' | 'tags' | 'commits' | 'merges' | undefined;
  /** Measure one package of a monorepo: its release tags, and lead time over the commits touching its folders. */
  readonly package?: string | undefined;
  /** The package's folders; by default where its manifest (package.json, pyproject.toml, Cargo.toml, go.mod) lives. */
  readonly paths?: readonly string[] | undefined;
  /**
   * Where each given choice came from, named in the evidence: e.g. { tagPattern: '--tag-pattern' } or
   * { package: '.dora/config.yaml' }. A choice given without an origin is reported as "option".
   */
  readonly origins?: Partial<Record<'tagPattern' | 'source' | 'package' | 'paths' | 'defaultBranch', string>>;
  readonly defaultBranch?: string | undefined;
  /** Lead time from the author time (default) or the committer time of each commit. */
  readonly clock?: 'author' | 'committer' | undefined;
  /** Days after a deployment in which a revert or hotfix marks it failed; defaults to 7. */
  readonly failureDays?: number | undefined;
  /**
   * Tag names (merge subjects) that mark a hotfix, matched case-insensitively. Absent or empty: hotfixes are
   * only the patch releases that break the package's release cadence.
   */
  readonly hotfixPattern?: string | undefined;
  /** Leaves bot commits out of lead time (default false); they are reported apart either way. */
  readonly excludeBots?: boolean | undefined;
  /** Case-insensitive text in an author's name or email that marks a bot; defaults to [bot], dependabot, renovate, github-actions. */
  readonly botPatterns?: readonly string[] | undefined;
  /** When given, suggestions are made for its questions that have a `suggest` block. */
  readonly framework?: Framework | undefined;
  readonly signal?: AbortSignal;
  readonly onProgress?: ((progress: AnalysisProgress) => void) | undefined;
  /** The git executable; defaults to "git" on PATH. */
  readonly gitPath?: string;
  /** Defaults to a cache shared in the process; null reads git every time. */
  readonly cache?: HistoryCache | null;
  /** Reads git even when a cache holds this repository's current history. */
  readonly refresh?: boolean;
}

/**
 * Measures a repository's delivery from its git history: deployment frequency, lead time and the
 * change-failure, recovery and rework heuristics, with suggested scores for the framework's questions.
 * Throws GitAnalysisError with a message for the user when the analysis cannot run.
 */
export async function analyzeRepository(options: AnalyzeOptions): Promise<MetricsResult> {
  return (await measure(options)).result;
}

/** A measurement with its ledger: every deployment and commit behind the figures, for "explain". */
export interface ExplainedMetrics {
  readonly result: MetricsResult;
  readonly ledger: Ledger;
}

/**
 * Measures, then lists what the figures are made of. The commits' subjects are the only thing the history
 * pass does not keep, so they are read once here, for the window's commits, in one more git call.
 */
export async function analyzeAndExplain(options: AnalyzeOptions): Promise<ExplainedMetrics> {
  const { result, history, measuredWith: ledgerOptions, context } = await measure(options);
  const subjects = await readSubjects(context, ledgerHashes(history, ledgerOptions));
  return { result, ledger: buildLedger(history, ledgerOptions, subjects) };
}

async function measure(options: AnalyzeOptions) {
  const settings = validate(options);
  const report = options.onProgress ?? (() => undefined);
  const repo = path.resolve(options.repo);
  const context: GitContext = { cwd: repo, gitPath: options.gitPath ?? 'git', signal: options.signal };

  report({ message: 'Checking the repository and reading its tags', fraction: 0 });
  const [probed, read] = await Promise.allSettled([probeRepository(context), readRefs(context, options.defaultBranch)]);
  // The probe explains a failure best (not a repository, git missing...), so its error wins.
  if (probed.status === 'rejected') throw probed.reason;
  if (read.status === 'rejected') throw read.reason;
  const info = probed.value;
  const refs = read.value;
  if (info.head === null && refs.tags.length === 0 && refs.branches.size === 0) {
    throw new GitAnalysisError(
      'empty-repository',
      `The repository at ${repo} has no commits yet. Commit (and tag a release) first, then try again.`,
    );
  }

  const releases = chooseReleases(refs.tags, settings, options);
  const source = settings.source;
  if (options.package !== undefined && releases.tags.length === 0 && source !== 'commits' && source !== 'merges') {
    throw new GitAnalysisError(
      'invalid-option',
      `No release tag belongs to the package "${options.package}". ${releases.packages.length > 0 ? `Packages with release tags: ${releases.packages.slice(0, 12).join(', ')}${releases.packages.length > 12 ? ', …' : ''}.` : 'No tag names a package.'} Check the package name, or measure the whole repository.`,
      { name: options.package, packagesWithTags: releases.packages },
    );
  }

  const cache = options.cache === undefined ? sharedHistoryCache : options.cache;
  const key = historyKey(info, refs, {
    pattern: [releases.key, options.package ?? '', ...(options.paths ?? [])].join('\0'),
    source,
    defaultBranch: options.defaultBranch,
  });
  async function readFromGit(): Promise<History> {
    const expected = cache?.previous(info.gitDir)?.commits;
    report({ message: 'Reading the history', fraction: 0.1 });
    const history = await readHistory(context, info, refs, {
      tags: releases.tags,
      patternSource: releases.pattern,
      events: releases.events,
      ...(releases.releaseEvents ? { releaseEvents: releases.releaseEvents } : {}),
      source,
      ...(releases.fallbackReason ? { fallbackReason: releases.fallbackReason } : {}),
      defaultBranch: options.defaultBranch,
      ...(options.package !== undefined
        ? { package: { name: options.package, ...(options.paths ? { paths: options.paths } : {}) } }
        : {}),
      ...(expected ? { expectedCommits: expected } : {}),
      onCommits: (commits) =>
        report({
          message: `Read ${thousands(commits)} commits`,
          ...(expected ? { fraction: 0.1 + 0.8 * Math.min(1, commits / expected) } : {}),
        }),
    });
    cache?.set(info.gitDir, key, history);
    return history;
  }
  const cached = options.refresh ? undefined : cache?.get(info.gitDir, key);
  const reading = cached ? Promise.resolve(cached) : readFromGit();
  // Detection's summary needs no git: it is worded while git walks the history, not before git starts.
  const release = releases.describe();
  const history = await reading;
  if (options.signal?.aborted) throw cancelled();

  report({ message: 'Computing the metrics', fraction: 0.95 });
  // The choices the figures follow; a ledger of them must follow the same ones.
  const measuredWith = {
    until: settings.until,
    days: settings.days,
    clock: settings.clock,
    failureDays: settings.failureDays,
    hotfixPattern: settings.hotfixPattern,
    ...(options.excludeBots === undefined ? {} : { excludeBots: options.excludeBots }),
    ...(options.botPatterns === undefined ? {} : { botPatterns: options.botPatterns }),
  };
  const result = computeMetrics(history, {
    ...measuredWith,
    repository: repo,
    ...(history.source === 'tags' || history.fallback ? { release } : {}),
    ...(options.package !== undefined ? { package: options.package } : {}),
  });
  result.warnings.push(...settings.notices, ...slowPatternWarnings([settings.tagRegex]));
  if (options.framework) result.suggestions = suggestionsFor(options.framework, result);
  report({ message: 'Done', fraction: 1 });
  return { result, history, measuredWith, context };
}

function validate(options: AnalyzeOptions) {
  const fail = (message: string) => new GitAnalysisError('invalid-option', message);
  const until = options.until ?? new Date();
  if (Number.isNaN(until.getTime()))
    throw fail('"until" is not a valid date; give an ISO date such as 2026-03-31 or epoch seconds.');
  const days = options.days ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isFinite(days) || days <= 0 || days > 36_500)
    throw fail(`"days" must be a number of days above 0 (up to 36500); got ${days}.`);
  const failureDays = options.failureDays ?? DEFAULT_FAILURE_DAYS;
  if (!Number.isFinite(failureDays) || failureDays < 0)
    throw fail(`The failure window must be 0 days or more; got ${failureDays}.`);
  const sources = ['auto', 'tags', 'commits', 'merges'];
  if (options.source !== undefined && !sources.includes(options.source))
    throw fail(`"source" must be auto, tags, commits or merges; got ${options.source}.`);
  const source = options.source === 'auto' ? undefined : options.source;
  // Checked although typed: JavaScript callers and settings can pass any string.
  const clock: string = options.clock ?? 'author';
  if (clock !== 'author' && clock !== 'committer') throw fail(`"clock" must be author or committer; got ${clock}.`);
  const tagPattern = options.tagPattern;
  const tag = tagPattern === undefined ? undefined : compilePattern(tagPattern, 'The tag pattern');
  if (tag && !tag.ok) throw fail(tag.message);
  const hotfixPattern = options.hotfixPattern ?? '';
  const hotfix =
    hotfixPattern === '' ? null : compilePattern(hotfixPattern, 'The hotfix pattern', 'i', EXAMPLE_HOTFIX_PATTERN);
  if (hotfix && !hotfix.ok) throw fail(hotfix.message);
  if (options.botPatterns !== undefined && !options.botPatterns.every((p) => typeof p === 'string'))
    throw fail('"botPatterns" must be a list of texts, such as [bot] or dependabot.');
  const notices = tag?.ok && tag.notice !== null ? [tag.notice] : [];
  const tagRegex = tag?.ok ? tag.regex : undefined;
  return { until, days, failureDays, clock, source, tagRegex, hotfixPattern, notices } as const;
}

/** 120000 → "120,000"; toLocaleString would load ICU data on first use, a noticeable pause. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
