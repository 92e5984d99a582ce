import type { History } from './history';
import { releaseLine, testPattern } from './patterns';

const DAY = 86_400;

export interface FailureOptions {
  /** Epoch seconds: nothing later is known yet, so the figures for a past `until` never change. */
  readonly until: number;
  readonly failureDays: number;
  readonly hotfix: RegExp;
}

export interface Failures {
  /** Failed deployment → the first deployment that carries its fix, or -1 while none is deployed. */
  readonly failed: ReadonlyMap<number, number>;
  /** Deployments that are unplanned fixes (rework). */
  readonly fixes: ReadonlySet<number>;
}

/**
 * The change-failure heuristic. A deployment failed when, within `failureDays` after it, either
 * - a commit it shipped was reverted ("This reverts commit <sha>") by a revert it did not ship itself, or
 * - a hotfix deployment followed it: one whose label matches the hotfix pattern, that ships new commits,
 *   and whose latest earlier deployment that shipped commits, on the same release line when the name
 *   has a version, is this one.
 * The fix is the hotfix deployment, or the deployment that ships the revert.
 */
export function findFailures(history: History, options: FailureOptions): Failures {
  const { deployments } = history;
  const horizon = options.failureDays * DAY;
  const fixOf = new Map<number, number>();
  const fixes = new Set<number>();
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
    const carrier = deployments[revert.carriedBy];
    note(revert.reverted, carrier && carrier.time <= options.until ? revert.carriedBy : -1);
  }

  // The deployment a hotfix fixes: the latest earlier one of its release line that shipped something
  // (a second tag on an already shipped commit is not what went wrong).
  const lastOfLine = new Map<string, number>();
  let lastShipped = -1;
  deployments.forEach((deployment, index) => {
    if (deployment.time > options.until) return;
    const line = releaseLine(deployment.name);
    const previous = line === null ? lastShipped : (lastOfLine.get(line) ?? -1);
    if (deployment.shipped > 0) {
      lastShipped = index;
      if (line !== null) lastOfLine.set(line, index);
    }
    const before = deployments[previous];
    if (!before || deployment.shipped === 0 || !testPattern(options.hotfix, deployment.label)) return;
    if (deployment.time - before.time <= horizon) note(previous, index);
  });

  return { failed: fixOf, fixes };
}
