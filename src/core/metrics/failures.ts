import { formatDuration, plural } from '../vocabulary/format';
import { HOTFIX_CADENCE_FRACTION, releaseCadence, releaseVersion } from './cadence';
import type { ReleaseVersion } from './cadence';
import type { History, RevertEvent } from './history';
import type { Matcher } from './patterns';
import { testPattern } from './patterns';

const DAY = 86_400;

export interface FailureOptions {
  /** Epoch seconds: nothing later is known yet, so the figures for a past `until` never change. */
  readonly until: number;
  readonly failureDays: number;
  /** A hotfix pattern the team configured; without one, only the cadence rule finds hotfixes. */
  readonly hotfix?: Matcher;
}

export type Classification = 'failed' | 'hotfix' | 'revert';

/** Why a deployment was classified, in a sentence a reviewer can check against the history. */
export interface Classified {
  readonly deployment: number;
  readonly classification: Classification;
  readonly rule: string;
}

export interface Failures {
  /** Failed deployment → the first deployment that carries its fix, or -1 while none is deployed. */
  readonly failed: ReadonlyMap<number, number>;
  /** Deployments that are unplanned fixes (rework). */
  readonly fixes: ReadonlySet<number>;
  /** Every classification, in the order found, with its rule. */
  readonly classified: readonly Classified[];
  /** Reverts up to `until` that marked nothing failed, and why: the deployments that shipped what they revert. */
  readonly ignored: { readonly configOnly: readonly number[]; readonly ofRevert: readonly number[] };
}

/**
 * The change-failure heuristic. A deployment failed when, within `failureDays` after it, either
 * - a commit it shipped was reverted (by sha, pull request or subject) by a revert it did not ship itself,
 *   unless the revert touches only CI or repository configuration, or reverts a revert; or
 * - a hotfix deployment followed it: a release that ships new commits and either matches the configured
 *   hotfix pattern, or is a patch release that comes sooner after the one it patches than a third of the
 *   median interval between that package's releases (see cadence.ts). The one it fixes is the latest
 *   earlier deployment of its release line that shipped commits.
 * The fix is the hotfix deployment, or the deployment that ships the revert.
 */
export function findFailures(history: History, options: FailureOptions): Failures {
  const { deployments } = history;
  const horizon = options.failureDays * DAY;
  const fixOf = new Map<number, number>();
  const fixes = new Set<number>();
  const classified: Classified[] = [];
  const ignored = { configOnly: [] as number[], ofRevert: [] as number[] };
  const classify = (deployment: number, classification: Classification, rule: string) =>
    classified.push({ deployment, classification, rule });
  // Keeps the earliest deployed fix of each failure; -1 only until one is known.
  const note = (failed: number, fix: number) => {
    if (fix >= 0) fixes.add(fix);
    const known = fixOf.get(failed);
    if (known === undefined || (fix >= 0 && (known < 0 || fix < known))) fixOf.set(failed, fix);
  };

  for (const revert of history.reverts) {
    const failed = deployments[revert.reverted];
    if (!failed || failed.time > options.until || revert.time > options.until) continue;
    if (revert.carriedBy === revert.reverted) continue;
    if (revert.carriedBy >= 0 && revert.carriedBy < revert.reverted) continue;
    if (revert.time > failed.time + horizon) continue;
    if (revert.ofRevert || revert.configOnly) {
      (revert.ofRevert ? ignored.ofRevert : ignored.configOnly).push(revert.reverted);
      continue;
    }
    const carrier = deployments[revert.carriedBy];
    const fix = carrier && carrier.time <= options.until ? revert.carriedBy : -1;
    note(revert.reverted, fix);
    classify(revert.reverted, 'failed', revertedRule(revert, failed.time, fix >= 0 ? carrier : undefined));
    if (fix >= 0)
      classify(
        fix,
        'revert',
        `ships ${revertName(revert)}, which reverts ${revert.commit ?? 'a commit'} shipped by ${failed.name}`,
      );
  }

  findHotfixes(history, options, horizon, (failed, fix, why) => {
    note(failed, fix);
    classify(fix, 'hotfix', why);
    const later = formatDuration((deployments[fix]!.time - deployments[failed]!.time) / 3600);
    classify(
      failed,
      'failed',
      `followed by hotfix ${deployments[fix]!.name} ${later} later, within the failure window of ${plural(options.failureDays, 'day')}`,
    );
  });
  // In deployment order, so a reader sees each failure before its fix.
  classified.sort((a, b) => a.deployment - b.deployment);
  return { failed: fixOf, fixes, classified, ignored };
}

/**
 * Calls `found(failed, hotfix, rule)` for each hotfix deployment up to `until` within the failure window of
 * the deployment it fixes: the latest earlier one of its release line that shipped something (a second
 * tag on an already shipped commit is not what went wrong).
 */
function findHotfixes(
  history: History,
  options: FailureOptions,
  horizon: number,
  found: (failed: number, hotfix: number, rule: string) => void,
): void {
  const { deployments } = history;
  const versions: Array<ReleaseVersion | null> = deployments.map((d) =>
    history.source === 'tags' ? releaseVersion(d.name) : null,
  );
  const cadence = releaseCadence(deployments, versions);
  const lastOfLine = new Map<string, number>();
  let lastShipped = -1;
  deployments.forEach((deployment, index) => {
    if (deployment.time > options.until) return;
    const version = versions[index] ?? null;
    const previous = version === null ? lastShipped : (lastOfLine.get(version.line) ?? -1);
    if (deployment.shipped > 0) {
      lastShipped = index;
      if (version !== null) lastOfLine.set(version.line, index);
    }
    const before = deployments[previous];
    if (!before || deployment.shipped === 0) return;
    const gap = deployment.time - before.time;
    if (gap > horizon) return;
    if (options.hotfix && testPattern(options.hotfix, deployment.label)) {
      found(
        previous,
        index,
        `${history.source === 'tags' ? 'name' : 'subject'} matches the hotfix pattern /${options.hotfix.source}/i`,
      );
      return;
    }
    const usual = version?.patch ? cadence[index] : undefined;
    if (usual !== undefined && gap < usual * HOTFIX_CADENCE_FRACTION) {
      const of = version?.packageName ? ` of ${version.packageName}` : '';
      found(
        previous,
        index,
        `patch release ${formatDuration(gap / 3600)} after ${before.name}, sooner than a third of the usual ${formatDuration(usual / 3600)} between releases${of} (median of the latest intervals before it)`,
      );
    }
  });
}

function revertName(revert: RevertEvent): string {
  return `revert ${revert.revert ?? ''}`.trimEnd();
}

function revertedRule(revert: RevertEvent, shippedAt: number, carrier: { name: string } | undefined): string {
  const how =
    revert.match === 'pull request'
      ? '"Reverts owner/repo#N", matched by pull request number'
      : revert.match === 'subject'
        ? 'Revert "<subject>", matched by subject'
        : '"This reverts commit <sha>"';
  const when = formatDuration((revert.time - shippedAt) / 3600);
  const fixed = carrier ? `, deployed in ${carrier.name}` : ', not deployed yet';
  return `shipped ${revert.commit ?? 'a commit'}, reverted ${when} later by ${revertName(revert)} (${how})${fixed}`;
}
