import { plural } from '../text/words';
import type { DatedTag, Family, ReleaseTag } from './families';
import { countByLabel, groupFamilies } from './families';
import type { ReleaseEvent } from './releaseEvents';
import { eventsInWindow, releaseEvents } from './releaseEvents';
import { parseTag } from './tagParse';

const DAY = 86_400;
/** A family decides only while it releases: its last release is at most this long before the window ends. */
export const ACTIVE_DAYS = 365;

export interface DetectOptions {
  /** End of the window, epoch seconds. */
  readonly until: number;
  readonly days: number;
  /** Only this package's tags are deployments. */
  readonly package?: string;
}

export interface Detection {
  /** Every tag taken as a deployment, over the whole history: earlier ones bound what later ones ship. */
  readonly selected: readonly ReleaseTag[];
  /** Plain words: "Releases: 38 tags astro@x.y.z and 170 @astrojs/*@x.y.z in 90 days, grouped into 36 release events." */
  readonly summary: string;
  readonly tagsInWindow: number;
  readonly eventsInWindow: number;
  /** Families that decide, with their tags in the window. */
  readonly families: ReadonlyArray<{ readonly label: string; readonly tags: number }>;
  /** Packages with release tags in active families, sorted: what a package picker offers. */
  readonly packages: readonly string[];
  /** Tags in the window none of which is taken as a deployment (at most 10 names), and a pattern for them. */
  readonly untaken: readonly string[];
  readonly proposal: string | null;
}

/** Which tags detection takes, before any wording: what reading the history needs first. */
export interface ReleaseSelection {
  /** Every tag taken as a deployment, over the whole history: earlier ones bound what later ones ship. */
  readonly selected: readonly ReleaseTag[];
  /** Packages with release tags in active families, sorted: what a package picker offers. */
  readonly packages: readonly string[];
  /** The selected tags grouped by commit (releaseEvents), worked out once for whoever asks first. */
  readonly events: () => readonly ReleaseEvent[];
  readonly parsed: readonly ReleaseTag[];
  readonly families: readonly Family[];
  readonly deciding: readonly Family[];
}

/**
 * Works out which tags are releases, with no configuration: every tag is parsed into a family
 * (tagParse.ts); pre-releases never deploy; and a family decides only if it released in the
 * ACTIVE_DAYS before the window ends, so a project that moved from v1.x tags to pkg@x.y.z tags is
 * read by its current convention.
 */
export function detectReleases(tags: readonly DatedTag[], options: DetectOptions): Detection {
  return describeSelection(tags, options, selectReleases(tags, options));
}

/** The selection half of detectReleases: cheap, so the history can be read before the summary is worded. */
export function selectReleases(tags: readonly DatedTag[], options: DetectOptions): ReleaseSelection {
  const parsed: ReleaseTag[] = [];
  for (const tag of tags) {
    const p = parseTag(tag.name);
    if (p) parsed.push({ ...tag, parsed: p });
  }
  const families = groupFamilies(parsed);
  const horizon = options.until - ACTIVE_DAYS * DAY;
  const deciding = families.filter((family) =>
    options.package === undefined
      ? family.lastRelease > horizon && family.releases.some((tag) => tag.time !== null && tag.time <= options.until)
      : family.package === options.package,
  );
  // Active families decide whether tags are the deployments at all. Once they do, an older family's
  // releases still count where they happened (they shipped those commits), so a long window or the
  // lead time of the first new release is not distorted; they just lie before a normal window.
  const counted = options.package === undefined && deciding.length > 0 ? families : deciding;
  const selected = counted.flatMap((family) => family.releases);
  const packages = [...new Set(families.filter((f) => f.lastRelease > horizon).map((f) => f.package))]
    .filter((p): p is string => p !== null)
    .sort();
  let events: ReleaseEvent[] | undefined;
  return { selected, packages, events: () => (events ??= releaseEvents(selected)), parsed, families, deciding };
}

/** The wording half of detectReleases: counts in the window, the summary, and a pattern for untaken tags. */
export function describeSelection(
  tags: readonly DatedTag[],
  options: DetectOptions,
  selection: ReleaseSelection,
): Detection {
  const { selected, parsed, families, deciding } = selection;
  const since = options.until - options.days * DAY;
  const inWindow = selected.filter((tag) => tag.time !== null && tag.time > since && tag.time <= options.until);
  const events = eventsInWindow(selection.events(), since, options.until).length;

  const taken = new Set(inWindow.map((tag) => tag.name));
  const windowTags = tags.filter((tag) => tag.time !== null && tag.time > since && tag.time <= options.until);
  const untaken = taken.size === 0 ? windowTags.map((tag) => tag.name) : [];
  const byLabel = countByLabel(inWindow, options.package !== undefined);
  const ignored = families.filter((f) => !deciding.includes(f) && f.releases.length > 0);
  if (selected.length === 0 && options.package === undefined) ignored.length = 0;
  const summary = describe(options, byLabel, inWindow.length, events, ignored, parsed, since);
  return {
    selected,
    summary,
    tagsInWindow: inWindow.length,
    eventsInWindow: events,
    families: byLabel,
    packages: selection.packages,
    untaken: untaken.slice(0, 10),
    proposal: untaken.length > 0 ? proposePattern(untaken) : null,
  };
}

function describe(
  options: DetectOptions,
  byLabel: ReadonlyArray<{ label: string; tags: number }>,
  tags: number,
  events: number,
  ignored: readonly Family[],
  parsed: readonly ReleaseTag[],
  since: number,
): string {
  const days = plural(options.days, 'day');
  const whose = options.package === undefined ? 'Releases' : `Releases of ${options.package}`;
  const head =
    tags === 0
      ? `${whose}: no release tag in ${days}.`
      : `${whose}: ${listLabels(byLabel)} in ${days}, grouped into ${plural(events, 'release event')}.`;
  const notes: string[] = [];
  const pre = parsed.filter(
    (tag) =>
      tag.parsed.prerelease !== null &&
      (options.package === undefined || tag.parsed.package === options.package) &&
      tag.time !== null &&
      tag.time > since &&
      tag.time <= options.until,
  ).length;
  if (pre > 0) notes.push(`${plural(pre, 'pre-release')} (rc, beta, alpha, next, canary, dev, nightly…) never count`);
  if (options.package === undefined) {
    // Labels, not families: "@scope/*@x.y.z" stays unnamed while any of its packages still releases.
    const active = new Set(byLabel.map((l) => l.label));
    const labels = [...new Set(ignored.filter((f) => Number.isFinite(f.lastRelease)).map((f) => f.label))];
    const stale = labels.filter((label) => !active.has(label));
    if (stale.length > 0)
      notes.push(
        `${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ` and ${plural(stale.length - 3, 'other')}` : ''} last released more than ${ACTIVE_DAYS} days before the window ends, so ${stale.length === 1 ? 'it does' : 'they do'} not decide the convention`,
      );
  }
  return notes.length === 0 ? head : `${head} Not counted: ${notes.join('; ')}.`;
}

/** "38 tags astro@x.y.z and 170 @astrojs/*@x.y.z", naming the four largest groups. */
export function listLabels(byLabel: ReadonlyArray<{ label: string; tags: number }>): string {
  const shown = byLabel.slice(0, 4).map((l) => `${plural(l.tags, 'tag')} ${l.label}`);
  const rest = byLabel.slice(4).reduce((sum, l) => sum + l.tags, 0);
  if (rest > 0) shown.push(`${plural(rest, 'tag')} of ${plural(byLabel.length - 4, 'other family', 'other families')}`);
  const last = shown.pop() ?? '';
  return shown.length === 0 ? last : `${shown.join(', ')} and ${last}`;
}

/** A pattern for the commonest shape among the names: digit runs become \d+, the rest is literal. */
export function proposePattern(names: readonly string[]): string {
  return tagShapes(names)[0] ?? '';
}

/** Every shape among the names (digit runs become \d+, the rest is literal), commonest first. */
export function tagShapes(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) {
    const shape = shapeOfName(name);
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  // A stable sort keeps first-seen order among equals, as the single proposal always did.
  return [...counts].sort((a, b) => b[1] - a[1]).map(([shape]) => shape);
}

const SPECIAL = new Set('.*+?^${}()|[]\\');

/** "^v\\d+\\.\\d+$" for "v1.2": one pass over the name, as every selected tag (12,000 of them) is shaped. */
function shapeOfName(name: string): string {
  let shape = '^';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      while (i + 1 < name.length && name.charCodeAt(i + 1) >= 48 && name.charCodeAt(i + 1) <= 57) i++;
      shape += '\\d+';
    } else {
      const ch = name[i] ?? '';
      shape += SPECIAL.has(ch) ? `\\${ch}` : ch;
    }
  }
  return `${shape}$`;
}
