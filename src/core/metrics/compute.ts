import { plural } from '../text/words';
import { changeFailureBand, frequencyBand, leadTimeBand, recoveryBand } from './bands';
import { changeFailureRule, deploymentMethod, leadTimeMethod, recoveryRule, reworkRule } from './describe';
import { findFailures } from './failures';
import type { History } from './history';
import { compilePattern, EXAMPLE_HOTFIX_PATTERN, slowPatternWarnings } from './patterns';
import { botAuthors, DEFAULT_BOT_PATTERNS } from './bots';
import type { MetricsResult, ReleaseReport } from './result';
import { parseTag } from '../releases/tagParse';
import { median, percentileNearestRank, round2, round2OrNull } from './stats';

const DAY = 86_400;

export interface MetricsOptions {
  readonly until: Date;
  readonly days: number;
  readonly clock: 'author' | 'committer';
  readonly failureDays: number;
  /** A hotfix pattern the team configured (matched case-insensitively); absent or empty: the cadence rule only. */
  readonly hotfixPattern?: string;
  /** Leaves bot commits out of lead time; they are reported apart either way. */
  readonly excludeBots?: boolean;
  /** What marks a bot's author name or email (case-insensitive substrings); defaults to DEFAULT_BOT_PATTERNS. */
  readonly botPatterns?: readonly string[];
  readonly repository?: string;
  /** How the release tags were chosen, for the evidence. */
  readonly release?: ReleaseReport;
  /** The package measured, when one was chosen. */
  readonly package?: string;
}

/** Lead times longer than this are flagged as outliers in the evidence, and kept in the figure. */
export const OUTLIER_HOURS = 365 * 24;

/** Deployments d with since < time ≤ until, as a range [from, to): deployments are in time order. */
export function windowRange(
  history: Pick<History, 'deployments'>,
  since: number,
  until: number,
): { from: number; to: number } {
  const { deployments } = history;
  let from = 0;
  while (from < deployments.length && deployments[from]!.time <= since) from++;
  let to = from;
  while (to < deployments.length && deployments[to]!.time <= until) to++;
  return { from, to };
}

/**
 * Every figure of the result for one window, from a History. Pure and fast (no git), so the same
 * cached History answers any `until`, `days`, clock or failure rule. Suggestions are added separately.
 */
export function computeMetrics(history: History, options: MetricsOptions): MetricsResult {
  const hotfixSource = options.hotfixPattern ?? '';
  const hotfix =
    hotfixSource === '' ? undefined : compilePattern(hotfixSource, 'The hotfix pattern', 'i', EXAMPLE_HOTFIX_PATTERN);
  if (hotfix && !hotfix.ok) throw new RangeError(hotfix.message);
  const untilMs = options.until.getTime();
  const until = untilMs / 1000;
  const since = until - options.days * DAY;
  const window = {
    since: new Date(untilMs - options.days * DAY * 1000).toISOString(),
    until: new Date(untilMs).toISOString(),
    days: options.days,
  };
  const { from, to } = windowRange(history, since, until);
  const { deployments } = history;
  const count = to - from;

  const days = new Set<string>();
  for (let d = from; d < to; d++) days.add(deployments[d]!.day);

  const times = options.clock === 'author' ? history.authorTimes : history.committerTimes;
  const first = history.leadStart[from] ?? 0;
  const isBot = botAuthors(history.authors ?? [], options.botPatterns ?? DEFAULT_BOT_PATTERNS);
  const excludeBots = options.excludeBots ?? false;
  const allHours = new Float64Array((history.leadStart[to] ?? 0) - first);
  let kept = 0;
  let bots = 0;
  let imported = 0;
  let outliers = 0;
  let prSubjects = 0;
  let sameTime = 0;
  for (let d = from; d < to; d++) {
    const time = deployments[d]!.time;
    for (let i = history.leadStart[d]!; i < history.leadStart[d + 1]!; i++) {
      const bot = isBot[history.leadAuthors?.[i] ?? -1] === 1;
      if (bot) bots++;
      if (bot && excludeBots) continue;
      const hours = Math.max(0, time - times[i]!) / 3600;
      if (hours > OUTLIER_HOURS) outliers++;
      allHours[kept++] = hours;
      // A squash merge: written and committed in the same second. When each commit is its own
      // deployment, only one deployed that same second counts, so a merge flow's branch commits do not.
      const committed = history.committerTimes[i];
      if (history.authorTimes[i] === committed && (history.source !== 'commits' || committed === time)) sameTime++;
    }
    prSubjects += history.prSubjects[d]!;
    imported += history.imported?.[d] ?? 0;
  }
  const leadHours = allHours.subarray(0, kept);
  const squashed = { commits: leadHours.length, sameTime, prSubjects, source: history.source };
  const mergeToDeploy = isMergeToDeploy(squashed);
  const medianHours = round2OrNull(median(leadHours));

  const hotfixMatcher = hotfix?.ok ? hotfix.regex : undefined;
  const failures = findFailures(history, {
    until,
    failureDays: options.failureDays,
    ...(hotfixMatcher ? { hotfix: hotfixMatcher } : {}),
  });
  const failedNames: string[] = [];
  const recoveryHours: number[] = [];
  let unresolved = 0;
  const fixNames: string[] = [];
  for (let d = from; d < to; d++) {
    const fix = failures.failed.get(d);
    if (fix !== undefined) {
      failedNames.push(deployments[d]!.name);
      if (fix >= 0) recoveryHours.push((deployments[fix]!.time - deployments[d]!.time) / 3600);
      else unresolved++;
    }
    if (failures.fixes.has(d)) fixNames.push(deployments[d]!.name);
  }
  const percentOf = (part: number) => (count === 0 ? null : round2((part / count) * 100));
  const cfr = percentOf(failedNames.length);
  const recoveryMedian = round2OrNull(median(recoveryHours));

  const warnings = [
    ...history.warnings,
    ...windowWarnings(history, count, squashed, options.release),
    ...(hotfix?.ok && hotfix.notice ? [hotfix.notice] : []),
    ...slowPatternWarnings([hotfixMatcher]),
  ];
  // Tags in the window but none taken: an empty window here says nothing about how often the team deploys.
  const silent = count === 0 && (options.release?.untaken.length ?? 0) > 0;
  const classified = failures.classified
    .filter((c) => c.deployment >= from && c.deployment < to)
    .map((c) => ({ deployment: deployments[c.deployment]!.name, classification: c.classification, rule: c.rule }));
  const allLead = leadHours.length + (excludeBots ? bots : 0);
  const inWindow = (deployment: number) => deployment >= from && deployment < to;
  return {
    ...(options.repository === undefined ? {} : { repository: options.repository }),
    window,
    deployments: {
      count,
      perWeek: round2((count * 7) / options.days),
      deployDaysPerWeek: round2((days.size * 7) / options.days),
      band: silent ? null : frequencyBand(count, options.days, deployments.length > 0),
      source: history.source,
      pattern: history.pattern,
      // What detection found travels with the method into every piece of evidence and the report.
      method: options.release ? `${options.release.summary} ${deploymentMethod(history)}` : deploymentMethod(history),
      distinctDays: days.size,
      defaultBranch: history.defaultBranch,
      ...(options.release ? { release: options.release } : {}),
      ...(options.package !== undefined && history.packagePaths
        ? {
            package: {
              name: options.package,
              paths: [...history.packagePaths.paths],
              pathsFrom: history.packagePaths.from,
            },
          }
        : {}),
      ...(history.source === 'tags' ? { packages: packageCounts(history, from, to) } : {}),
    },
    leadTime: {
      commits: leadHours.length,
      medianHours,
      p90Hours: round2OrNull(percentileNearestRank(leadHours, 90)),
      band: leadTimeBand(medianHours),
      clock: options.clock,
      method: mergeToDeploy
        ? `Merge to deploy, not DORA's lead time: most changes' author time equals their commit time, as squash merges write it, so the time before the merge is unknown. ${leadTimeMethod(options.clock, excludeBots)}`
        : leadTimeMethod(options.clock, excludeBots),
      kind: mergeToDeploy ? 'merge-to-deploy' : 'commit-to-deploy',
      imported,
      bots: { commits: bots, percent: allLead === 0 ? null : round2((bots / allLead) * 100), excluded: excludeBots },
      outliers,
    },
    changeFailure: {
      heuristic: true,
      rule: changeFailureRule(history.source, options.failureDays, hotfixMatcher?.source),
      deployments: count,
      failed: failedNames.length,
      percent: cfr,
      band: changeFailureBand(cfr),
      failedDeployments: failedNames,
      ignoredReverts: {
        configOnly: failures.ignored.configOnly.filter(inWindow).length,
        ofRevert: failures.ignored.ofRevert.filter(inWindow).length,
        unmatched: (history.unmatchedReverts ?? []).filter((time) => time > since && time <= until).length,
      },
    },
    recovery: {
      heuristic: true,
      rule: recoveryRule(),
      incidents: recoveryHours.length,
      medianHours: recoveryMedian,
      band: recoveryBand(recoveryMedian),
      unresolved,
    },
    rework: {
      heuristic: true,
      rule: reworkRule(),
      deployments: count,
      rework: fixNames.length,
      percent: percentOf(fixNames.length),
      fixDeployments: fixNames,
    },
    suggestions: [],
    warnings,
    history: { commits: history.commits, deployments: deployments.length, shallow: history.shallow },
    classified,
  };
}

interface SquashSigns {
  readonly commits: number;
  readonly sameTime: number;
  readonly prSubjects: number;
  readonly source: History['source'];
}

/**
 * Lead time is "merge to deploy" when most changes' author time equals their commit time (GitHub and
 * GitLab squash that way) and they are squash merges: their subject ends in "(#123)", or each of them
 * is itself the deployment (every commit on the branch deploys). Commits written straight on a tagged
 * branch also have equal times, but there the time from them to the tag is a real lead time.
 */
function isMergeToDeploy(signs: SquashSigns): boolean {
  if (signs.commits === 0 || signs.sameTime * 2 <= signs.commits) return false;
  return signs.source === 'commits' || signs.prSubjects * 2 > signs.commits;
}

/** Release events in [from, to) per package, from the tags of each event. */
function packageCounts(history: History, from: number, to: number): Array<{ name: string; deployments: number }> {
  const counts = new Map<string, number>();
  for (let d = from; d < to; d++) {
    const deployment = history.deployments[d]!;
    const names = new Set<string>();
    for (const tag of deployment.tags ?? [deployment.name]) {
      const pkg = parseTag(tag)?.package;
      if (pkg) names.add(pkg);
    }
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, deployments]) => ({ name, deployments }))
    .sort((a, b) => b.deployments - a.deployments || (a.name < b.name ? -1 : 1));
}

function windowWarnings(
  history: History,
  count: number,
  signs: SquashSigns,
  release: ReleaseReport | undefined,
): string[] {
  const warnings: string[] = [];
  if (history.shallow) {
    warnings.push(
      'This is a shallow clone: the history is truncated, so lead times are a lower bound and older commits are missing. Run "git fetch --unshallow" for full figures.',
    );
  }
  const untaken = release?.untaken ?? [];
  if (untaken.length > 0) {
    const names = untaken.slice(0, 5).join(', ');
    const why = count === 0 ? ', so no deployment frequency is suggested' : '';
    warnings.push(
      `The window has tags (${names}${untaken.length > 5 ? ', …' : ''}) but none is taken as a release${why}.${release?.proposal ? ` If these are your deployments, set the tag pattern to ${release.proposal}.` : ''}`,
    );
  }
  const explained = untaken.length > 0 && count === 0;
  if (explained) {
    // The untaken tags say why the window is empty better than the sentences below.
  } else if (history.deployments.length === 0) {
    warnings.push(
      history.source === 'tags'
        ? `No tag matches ${history.pattern}, so there are no deployments to measure. Tag your releases, pass another tag pattern, or use merges as deployments.`
        : `${history.defaultBranch ?? 'The default branch'} has no ${history.source === 'merges' ? 'merge commits' : 'commits'} to treat as deployments, so there are no deployments to measure. Tag your releases or pass a tag pattern that matches them.`,
    );
  } else if (count === 0) {
    warnings.push(
      `No deployment in the window, though the history has ${plural(history.deployments.length, 'deployment')}; widen the window (days) or move "until".`,
    );
  }
  if (isMergeToDeploy(signs)) {
    warnings.push(
      `${signs.sameTime} of ${plural(signs.commits, 'commit')} shipped in the window have an author time equal to their commit time, as squash merges write it: the figure is merge to deploy, not DORA's lead time for changes, so no lead time score is suggested. Fetch pull-request heads (refs/pull/*/head) or merge without squashing for commit-to-deploy times.`,
    );
  } else if (signs.commits > 0 && signs.prSubjects * 2 > signs.commits) {
    warnings.push(
      `${signs.prSubjects} of ${signs.commits} commits shipped in the window end in "(#123)", the mark of squash merges: lead time is measured from the merge, not from the first commit of the change.`,
    );
  }
  return warnings;
}
