import { DETECTED_PATTERN } from '../core/metrics/describe';
import type { Matcher } from '../core/metrics/patterns';
import { testPattern } from '../core/metrics/patterns';
import type { ReleaseReport } from '../core/metrics/result';
import { ACTIVE_DAYS, describeSelection, proposePattern, selectReleases, tagShapes } from '../core/releases/detect';
import type { ReleaseEvent } from '../core/releases/releaseEvents';
import { countByLabel } from '../core/releases/families';
import { parseTag } from '../core/releases/tagParse';
import { plural } from '../core/text/words';
import type { TagRef } from './refs';

const DAY = 86_400;

export interface ReleaseChoice {
  /** The tags taken as deployments, over the whole history. */
  readonly tags: readonly TagRef[];
  /** The pattern, or DETECTED_PATTERN with the families found: History.pattern. */
  readonly pattern: string;
  /** Tags on one commit are one deployment: with detection. A configured pattern counts every tag. */
  readonly events: boolean;
  /** Detection's tags grouped by commit, worked out once (the history read and the summary both need them). */
  readonly releaseEvents?: () => readonly ReleaseEvent[];
  /** What makes the chosen tags differ from another choice, for the cache key. */
  readonly key: string;
  /** Why no tag was taken, for the fallback's warning. */
  readonly fallbackReason?: string;
  /**
   * What was chosen, in words. A function, worked out once: detection's summary and tag shapes need no git,
   * so they are composed while git walks the history rather than before it starts.
   */
  readonly describe: () => ReleaseReport;
  /** Packages with recent release tags. */
  readonly packages: readonly string[];
}

interface Settings {
  readonly until: Date;
  readonly days: number;
  readonly tagRegex: Matcher | undefined;
}

interface Given {
  readonly tagPattern?: string | undefined;
  readonly package?: string | undefined;
  readonly origins?: { readonly tagPattern?: string };
}

/** A configured pattern always wins; without one, the release convention is detected from the tags' names. */
export function chooseReleases(tags: readonly TagRef[], settings: Settings, given: Given): ReleaseChoice {
  const until = settings.until.getTime() / 1000;
  const since = until - settings.days * DAY;
  const inWindow = (tag: TagRef) => tag.time !== null && tag.time > since && tag.time <= until;
  const days = plural(settings.days, 'day');
  if (settings.tagRegex && given.tagPattern !== undefined) {
    const regex = settings.tagRegex;
    const ofPackage = (tag: TagRef) => given.package === undefined || parseTag(tag.name)?.package === given.package;
    const taken = tags.filter((tag) => testPattern(regex, tag.name) && ofPackage(tag));
    const count = taken.filter(inWindow).length;
    const untaken = count === 0 ? tags.filter(inWindow).map((tag) => tag.name) : [];
    const from = given.origins?.tagPattern ?? 'option';
    const report: ReleaseReport = {
      how: 'configured',
      summary: `Releases: ${plural(count, 'tag')} matching ${given.tagPattern} in ${days}; the tag pattern comes from ${from}, so detection is off.`,
      tagsInWindow: count,
      untaken: untaken.slice(0, 10),
      proposal: untaken.length > 0 ? proposePattern(untaken) : null,
    };
    return {
      tags: taken,
      pattern: given.tagPattern,
      events: false,
      key: `pattern:${given.tagPattern}`,
      fallbackReason: `No tag matches ${given.tagPattern}`,
      describe: () => report,
      packages: packagesOf(taken),
    };
  }
  const options = { until, days: settings.days, ...(given.package !== undefined ? { package: given.package } : {}) };
  const selection = selectReleases(tags, options);
  const names = new Set(selection.selected.map((tag) => tag.name));
  const taken = tags.filter((tag) => names.has(tag.name));
  const labels = countByLabel(selection.selected, given.package !== undefined).map((l) => l.label);
  const shown = labels.length > 4 ? `${labels.slice(0, 4).join(', ')}, …` : labels.join(', ');
  let report: ReleaseReport | undefined;
  const describe = (): ReleaseReport => {
    const detection = describeSelection(tags, options, selection);
    return {
      how: 'detected',
      summary: detection.summary,
      tagsInWindow: detection.tagsInWindow,
      untaken: [...detection.untaken],
      proposal: detection.proposal,
      patterns: tagShapes(detection.selected.map((tag) => tag.name)),
    };
  };
  return {
    tags: taken,
    pattern: `${DETECTED_PATTERN}: ${shown || 'none'}`,
    events: true,
    releaseEvents: selection.events,
    // The tags in the order git listed them: the same set always reads the same for the same refs (whose
    // digest is in the cache key too), without sorting thousands of names.
    key: `detected:${taken.map((tag) => tag.name).join('\0')}`,
    fallbackReason:
      tags.length === 0
        ? 'The repository has no tags'
        : `None of its ${plural(tags.length, 'tag')} is a release tag with a release in the ${ACTIVE_DAYS} days before the window ends`,
    describe: () => (report ??= describe()),
    packages: selection.packages,
  };
}

function packagesOf(tags: readonly TagRef[]): string[] {
  const names = new Set<string>();
  for (const tag of tags) {
    const pkg = parseTag(tag.name)?.package;
    if (pkg) names.add(pkg);
  }
  return [...names].sort();
}
