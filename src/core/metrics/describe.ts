import type { History } from './history';
import { plural } from '../text/words';
import { formatPercent } from '../vocabulary/format';
import type { MetricsResult } from './result';

/**
 * The sentences that travel with the figures: method and rule texts go into the result and into every
 * piece of evidence, so a reviewer reading an assessment file sees how a suggested score was reached.
 */

/** Two decimals at most, without trailing zeros: 1.79, 2, 0.5. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function formatHours(hours: number): string {
  return `${formatNumber(hours)} h`;
}

/** What History.pattern starts with when the release tags were detected rather than configured. */
export const DETECTED_PATTERN = 'detected release tags';

/** "tags matching ^v?\d+\.\d+\.\d+$", "first-parent merges on main", "every change landing on main". */
export function deploymentSource(history: Pick<History, 'source' | 'pattern' | 'defaultBranch'>): string {
  const branch = history.defaultBranch ?? 'the default branch';
  if (history.source === 'commits') return `every change landing on ${branch}`;
  if (history.source === 'merges') return `first-parent merges on ${branch}`;
  return history.pattern.startsWith(DETECTED_PATTERN) ? history.pattern : `tags matching ${history.pattern}`;
}

export function deploymentMethod(history: Pick<History, 'source' | 'pattern' | 'defaultBranch' | 'fallback'>): string {
  const counted =
    'A deployment counts when since < time ≤ until. Per week = count ÷ (days ÷ 7); deploy days are distinct calendar days in the time zone each time was recorded in.';
  if (history.source === 'tags') {
    return `Deployments are ${deploymentSource(history)}, each at its creator date: the tagger date of an annotated tag, else the committer date of the tagged commit. ${counted}`;
  }
  const branch = history.defaultBranch ?? 'the default branch';
  const why = history.fallback
    ? ` No release tag was taken (${history.pattern}), so every change landing on ${branch} is treated as a deployment.`
    : '';
  const what =
    history.source === 'commits'
      ? `every first-parent commit on ${branch} (a squash merge, a merge commit or a direct commit)`
      : `first-parent merge commits on ${branch}`;
  return `Deployments are ${what}, each at its committer time.${why} ${counted}`;
}

export function leadTimeMethod(clock: 'author' | 'committer', excludeBots = false): string {
  const bots = excludeBots ? ', bot commits left out' : '';
  return (
    `For each non-merge commit shipped by a deployment in the window (a commit is shipped by the earliest deployment, by time then name, that reaches it): ` +
    `deployment time − ${clock} time, clamped at 0. Median (mean of the two middle values for an even count) and p90 (nearest rank), in hours. ` +
    `Commits from an unrelated history merged in (a second root: an imported repository or subtree) are left out${bots}; ` +
    `lead times over 365 days are flagged as outliers and kept.`
  );
}

/**
 * What lead time left out or flagged, for the evidence: "; 5 commits of an imported history left out;
 * 2 bot commits (50%), kept; 1 lead time over 365 days (kept)". Empty when there is nothing to say.
 */
export function leadTimeNotes(lead: Pick<MetricsResult['leadTime'], 'imported' | 'bots' | 'outliers'>): string {
  const notes: string[] = [];
  if (lead.imported) notes.push(`${plural(lead.imported, 'commit')} of an imported history left out`);
  if (lead.bots && lead.bots.commits > 0) {
    const share = lead.bots.percent === null ? '' : ` (${formatPercent(lead.bots.percent)})`;
    notes.push(`${plural(lead.bots.commits, 'bot commit')}${share}, ${lead.bots.excluded ? 'left out' : 'kept'}`);
  }
  if (lead.outliers) notes.push(`${plural(lead.outliers, 'lead time')} over 365 days, flagged and kept`);
  return notes.map((note) => `; ${note}`).join('');
}

export function changeFailureRule(source: History['source'], failureDays: number, hotfixPattern?: string): string {
  const label = source === 'tags' ? 'tag name' : source === 'commits' ? 'commit subject' : 'merge subject';
  const pattern = hotfixPattern ? ` or its ${label} matches /${hotfixPattern}/i` : '';
  return (
    `Heuristic: a deployment in the window failed when, within ${plural(failureDays, 'day')} after it, a commit it shipped was reverted ` +
    `by a revert it did not ship itself ("This reverts commit <sha>"; Revert "<subject>", matched by subject with or without "(#123)"; or "Reverts owner/repo#N", matched by pull request), ` +
    `unless the revert changes only CI or repository configuration (.github/, .gitlab-ci.yml, .circleci/...) or reverts a revert; ` +
    `or a hotfix followed it: a deployment that ships new commits and is a patch release (x.y.z with z above 0, not a calendar date) coming sooner after the release it patches ` +
    `than a third of the median interval between that package's releases (known once a package has 3 intervals)${pattern}. ` +
    `The release it fixes is the latest earlier one of its release line (x.y of x.y.z) that shipped commits. ` +
    `Only reverts and deployments up to "until" count, so deployments near the end of the window have had less time to show a failure.`
  );
}

export function recoveryRule(): string {
  return (
    'Heuristic: for each failed deployment in the window (see change failure rate), the time from it to the first deployment that carries its fix ' +
    '(the hotfix deployment, or the deployment that ships the revert). Median in hours; failures whose fix is not deployed yet are counted as unresolved and left out.'
  );
}

export function reworkRule(): string {
  return (
    'Heuristic (rework rate, DORA 2024): the share of deployments in the window that are unplanned fixes, that is the hotfix deployments ' +
    'and the deployments shipping a revert found by the change failure rule.'
  );
}
