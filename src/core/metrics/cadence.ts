import { parseTag } from '../releases/tagParse';
import type { Deployment } from './history';
import { median } from './stats';

/**
 * The cadence rule for hotfixes. A project that ships a patch release every week is not failing every week:
 * what marks an unplanned fix is a patch release that breaks the package's usual rhythm, coming sooner after
 * the release it patches than a third of the median interval between that package's releases.
 */

/** A patch sooner than this fraction of the usual interval is a hotfix. */
export const HOTFIX_CADENCE_FRACTION = 1 / 3;
/** Intervals a package needs before its cadence is known; with fewer, only a hotfix pattern finds hotfixes. */
export const MIN_CADENCE_INTERVALS = 3;

export interface ReleaseVersion {
  /** "" for `v1.2.3`, "pkg" for `pkg@1.2.3`, `pkg-v1.2.3` or `pkg/v1.2.3`, "@scope/pkg" for `@scope/pkg@1.2.3`. */
  readonly packageName: string;
  /** The package and every number but the last: the releases a patch belongs with. */
  readonly line: string;
  /** A third number or later above zero, on a version that is not a calendar date. */
  readonly patch: boolean;
}

/**
 * Reads the version of a release tag (see releases/tagParse.ts). A calendar date (`2026.08.19`,
 * `2026.8.1`) is a release of its own, never a patch; a two-part version (`1.2`, `26.2`) has no patch
 * number. A pre-release reads as nothing: it is no deployment.
 */
export function releaseVersion(name: string): ReleaseVersion | null {
  const parsed = parseTag(name);
  if (!parsed || parsed.prerelease !== null) return null;
  const packageName = parsed.package ?? '';
  const numbers = parsed.version;
  const last = numbers[numbers.length - 1] ?? 0;
  return {
    packageName,
    line: `${packageName}@${numbers.slice(0, -1).join('.')}`,
    patch: parsed.scheme !== 'date' && numbers.length >= 3 && last > 0,
  };
}

/** How many of a package's latest intervals make its usual cadence: recent enough to follow a change of rhythm. */
export const CADENCE_INTERVALS = 12;

/**
 * Per deployment, the usual interval in seconds between its package's releases before it: the median of up
 * to CADENCE_INTERVALS intervals between the package's earlier releases that shipped commits. Only what came
 * before counts, so a deployment's classification never changes as later releases arrive, and a project
 * that released daily years ago and weekly now is judged by its weekly rhythm. Undefined until a package
 * has MIN_CADENCE_INTERVALS intervals.
 */
export function releaseCadence(
  deployments: readonly Deployment[],
  versions: ReadonlyArray<ReleaseVersion | null>,
): Array<number | undefined> {
  const usual: Array<number | undefined> = [];
  const times = new Map<string, number[]>();
  deployments.forEach((deployment, index) => {
    const version = versions[index];
    if (!version || deployment.shipped === 0) return;
    let list = times.get(version.packageName);
    if (!list) times.set(version.packageName, (list = []));
    // The intervals between the latest CADENCE_INTERVALS + 1 release times, read in place (no slices: a
    // release a day for years is thousands of deployments).
    const from = Math.max(0, list.length - (CADENCE_INTERVALS + 1));
    const count = list.length - from - 1;
    if (count >= MIN_CADENCE_INTERVALS) {
      const intervals = new Array<number>(count);
      for (let i = 0; i < count; i++) intervals[i] = list[from + i + 1]! - list[from + i]!;
      const middle = median(intervals);
      if (middle !== null && middle > 0) usual[index] = middle;
    }
    list.push(deployment.time);
  });
  return usual;
}
