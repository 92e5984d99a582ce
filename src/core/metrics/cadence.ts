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

/**
 * The median interval, in seconds, between consecutive releases of each package, over the deployments up
 * to `until` that shipped commits. A package with fewer than MIN_CADENCE_INTERVALS intervals has none.
 */
export function releaseCadence(
  deployments: readonly Deployment[],
  versions: ReadonlyArray<ReleaseVersion | null>,
  until: number,
): Map<string, number> {
  const times = new Map<string, number[]>();
  deployments.forEach((deployment, index) => {
    const version = versions[index];
    if (!version || deployment.shipped === 0 || deployment.time > until) return;
    const list = times.get(version.packageName);
    if (list) list.push(deployment.time);
    else times.set(version.packageName, [deployment.time]);
  });
  const cadence = new Map<string, number>();
  for (const [name, list] of times) {
    if (list.length - 1 < MIN_CADENCE_INTERVALS) continue;
    const middle = median(list.slice(1).map((time, i) => time - list[i]!));
    if (middle !== null && middle > 0) cadence.set(name, middle);
  }
  return cadence;
}
