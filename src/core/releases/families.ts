import type { ParsedTag } from './tagParse';
import { scopeOf } from './tagParse';

/** A tag as read from git: time is the creator date in epoch seconds, null when unknown. */
export interface DatedTag {
  readonly name: string;
  readonly commit: string | null;
  readonly time: number | null;
}

export interface ReleaseTag extends DatedTag {
  readonly parsed: ParsedTag;
}

/** Tags of one shape, e.g. every "astro@x.y.z", with when it last released. */
export interface Family {
  readonly key: string;
  readonly package: string | null;
  /** How it is shown: scoped packages collapse to their scope, "@astrojs/*@x.y.z". */
  readonly label: string;
  readonly releases: ReleaseTag[];
  prereleases: number;
  /** Epoch seconds of the latest release tag, or -Infinity when it has none with a date. */
  lastRelease: number;
}

/** The shown form of a family: the package part of a scoped family becomes "<scope>/*". */
export function familyLabel(parsed: ParsedTag): string {
  const scope = scopeOf(parsed.package);
  if (scope === null || parsed.package === null) return parsed.family;
  return `${scope}/*${parsed.family.slice(parsed.package.length)}`;
}

/** Groups parsed tags by family key, in order of first appearance. */
export function groupFamilies(tags: readonly ReleaseTag[]): Family[] {
  const families = new Map<string, Family>();
  for (const tag of tags) {
    const { parsed } = tag;
    let family = families.get(parsed.family);
    if (!family) {
      family = {
        key: parsed.family,
        package: parsed.package,
        label: familyLabel(parsed),
        releases: [],
        prereleases: 0,
        lastRelease: -Infinity,
      };
      families.set(parsed.family, family);
    }
    if (parsed.prerelease !== null) {
      family.prereleases++;
      continue;
    }
    family.releases.push(tag);
    if (tag.time !== null && tag.time > family.lastRelease) family.lastRelease = tag.time;
  }
  return [...families.values()];
}

/**
 * Counts per label, largest first (ties by label), so a summary names the biggest groups first. `exact`
 * keeps each package's own family ("@changesets/cli@x.y.z") when one package is measured.
 */
export function countByLabel(tags: readonly ReleaseTag[], exact = false): Array<{ label: string; tags: number }> {
  const counts = new Map<string, number>();
  // One label per family, not per tag: 12,000 tags come in a handful of families.
  const labels = new Map<string, string>();
  for (const tag of tags) {
    let label = exact ? tag.parsed.family : labels.get(tag.parsed.family);
    if (label === undefined) labels.set(tag.parsed.family, (label = familyLabel(tag.parsed)));
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts]
    .map(([label, count]) => ({ label, tags: count }))
    .sort((a, b) => b.tags - a.tags || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
