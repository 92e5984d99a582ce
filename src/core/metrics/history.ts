import { attributeCommits } from './attribution';
import type { ChangeNotes, RevertMatch } from './changeNotes';
import { importedCommits } from './lineage';
import { NO_COMMIT, PR_SUBJECT, PRESENT } from './graph';
import type { CommitGraph } from './graph';

/** A deployment as read from git, before ordering and attribution. */
export interface DeploymentCandidate {
  /** Tag name, or the merge commit's short hash. */
  readonly name: string;
  /** What the hotfix pattern is matched against: the tag name, or the merge subject. */
  readonly label: string;
  readonly commit: string;
  /** Epoch seconds. */
  readonly time: number;
  /** Minutes east of UTC of the recorded time. */
  readonly offset: number;
  /** A release event's tags (several packages released on one commit); absent for a single tag or a commit. */
  readonly tags?: readonly string[];
}

export interface Deployment extends DeploymentCandidate {
  /** Calendar day (YYYY-MM-DD) in the time zone the time was recorded in. */
  readonly day: string;
  /** Commits (merges included) this deployment ships first. */
  readonly shipped: number;
}

/** A revert whose reverted commit was shipped; deployment indices are into History.deployments. */
export interface RevertEvent {
  /** Committer time of the revert, epoch seconds. */
  readonly time: number;
  /** The deployment that shipped the reverted commit. */
  readonly reverted: number;
  /** The deployment that ships the revert, or -1 while it is not deployed. */
  readonly carriedBy: number;
  /** How the revert named what it reverts; "sha" when absent. */
  readonly match?: RevertMatch;
  /** Short hashes of the revert and of the commit it reverts, for the rule that cites them. */
  readonly revert?: string;
  readonly commit?: string;
  /** It reverts a revert: a change put back, not a failure. */
  readonly ofRevert?: boolean;
  /** It changes only CI or repository configuration (.github/, .gitlab-ci.yml...): no failure of the product. */
  readonly configOnly?: boolean;
}

/** What the change notes add to a graph for buildHistory: the reverts found, and which touch only configuration. */
export type HistoryNotes = ChangeNotes & { readonly configOnly?: ReadonlySet<number> };

/**
 * Everything the metrics need from a repository, independent of the window: computing metrics for
 * another `until` or `days` needs no git, which is what makes the cache useful.
 */
export type DeploymentSource = 'tags' | 'merges' | 'commits';

/** A package's folders: where its lead time is counted. */
export interface PackageFolders {
  readonly paths: readonly string[];
  /** Found from where its manifest lives, or given as an option. */
  readonly from: 'manifest' | 'option';
  /** Given paths that do not exist on the default branch. */
  readonly missing: readonly string[];
}

export interface History {
  readonly source: DeploymentSource;
  readonly pattern: string;
  /** True when no tag was taken and commits (or merges) on the default branch stand in for deployments. */
  readonly fallback: boolean;
  readonly defaultBranch: string | null;
  /** Sorted by time, then name. */
  readonly deployments: readonly Deployment[];
  /** Non-merge commits each deployment ships, grouped: deployment d owns [leadStart[d], leadStart[d+1]). */
  readonly leadStart: Int32Array;
  readonly authorTimes: Float64Array;
  readonly committerTimes: Float64Array;
  /** Per deployment: how many of its non-merge commits have a "(#123)" subject. */
  readonly prSubjects: Int32Array;
  readonly reverts: readonly RevertEvent[];
  /** Per lead-time commit (parallel to authorTimes): an index into `authors`, or -1 when unknown. */
  readonly leadAuthors?: Int32Array;
  /** Distinct "name <email>" of the authors of lead-time commits. */
  readonly authors?: readonly string[];
  /** Per deployment: non-merge commits it ships that came from an unrelated history, left out of lead time. */
  readonly imported?: Int32Array;
  /** The hashes of the lead-time commits (parallel to authorTimes) and of the imported ones: the ledger's rows. */
  readonly hashes?: CommitHashes;
  /** Committer times of the reverts whose target is not in the history read: a commit outside it, or a subject no commit has. */
  readonly unmatchedReverts?: readonly number[];
  readonly commits: number;
  readonly shallow: boolean;
  /** Problems found while reading, e.g. tags whose commit is missing. */
  readonly warnings: readonly string[];
  /** Set when lead time counts one package's commits only. */
  readonly packagePaths?: PackageFolders;
}

/**
 * Commit hashes as hex bytes in one array, `width` bytes each, instead of a string per commit: a large
 * history keeps its ledger for a few bytes a commit. Imported commits are listed with their deployment.
 */
export interface CommitHashes {
  readonly width: number;
  /** Lead-time commit i's hash is lead[i * width, (i + 1) * width). */
  readonly lead: Uint8Array;
  readonly imported: Uint8Array;
  /** Per imported commit, the deployment that ships it. */
  readonly importedBy: Int32Array;
}

/** The hex hash at position `index` of a packed hash array. */
export function hashAt(bytes: Uint8Array, width: number, index: number): string {
  return String.fromCharCode(...bytes.subarray(index * width, (index + 1) * width));
}

export interface HistoryInfo {
  readonly source: History['source'];
  readonly pattern: string;
  readonly fallback: boolean;
  readonly defaultBranch: string | null;
  readonly shallow: boolean;
  readonly warnings: readonly string[];
  /** Per commit id: 1 when its lead time counts (a package's own commits); absent, every commit counts. */
  readonly leadFilter?: Uint8Array;
  /** The commit id of each candidate, when the caller has them already: spares a lookup per deployment. */
  readonly candidateIds?: Int32Array;
  /** Squash merges whose change starts earlier: commit id → author time of its pull request's first commit. */
  readonly changeStarts?: ReadonlyMap<number, number>;
}

/** Deployment order: by time, then by name, so two tags at the same second still have a fixed order. */
export function compareDeployments(a: DeploymentCandidate, b: DeploymentCandidate): number {
  return a.time - b.time || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

export function buildHistory(
  graph: CommitGraph,
  candidates: readonly DeploymentCandidate[],
  info: HistoryInfo,
  signal?: { readonly aborted: boolean },
  notes?: HistoryNotes,
): History {
  const warnings = [...info.warnings];
  const located: Array<{ candidate: DeploymentCandidate; id: number }> = [];
  candidates.forEach((candidate, c) => {
    const id = info.candidateIds?.[c] ?? graph.lookup(candidate.commit);
    if (id !== NO_COMMIT && (graph.flags[id]! & PRESENT) !== 0) located.push({ candidate, id });
  });
  const missing = candidates.length - located.length;
  if (missing > 0)
    warnings.push(
      `${missing} deployment${missing === 1 ? '' : 's'} point at commits that are not in the local history and were left out.`,
    );
  located.sort((a, b) => compareDeployments(a.candidate, b.candidate));
  const ordered = located.map((l) => l.candidate);
  // A loop, not Int32Array.from(located, map): that goes through the iterator protocol, slow for 40,000.
  const commits = new Int32Array(located.length);
  for (let d = 0; d < located.length; d++) commits[d] = located[d]!.id;
  const owner = attributeCommits(graph, commits, signal);

  const n = ordered.length;
  const shipped = new Int32Array(n);
  const leadStart = new Int32Array(n + 1);
  const outside = importedCommits(graph, n > 0 ? commits[n - 1]! : NO_COMMIT, info.shallow);
  const imported = new Int32Array(n);
  let read = 0;
  const counts = (i: number) =>
    graph.parentCount[i]! <= 1 && (info.leadFilter === undefined || info.leadFilter[i] === 1);
  for (let i = 0; i < graph.size; i++) {
    if (graph.flags[i]! & PRESENT) read++;
    const d = owner[i]!;
    if (d === NO_COMMIT) continue;
    shipped[d]!++;
    if (!counts(i)) continue;
    if (outside?.[i]) imported[d]!++;
    else leadStart[d + 1]!++;
  }
  for (let d = 0; d < n; d++) leadStart[d + 1]! += leadStart[d]!;
  const total = leadStart[n]!;
  const authorTimes = new Float64Array(total);
  const committerTimes = new Float64Array(total);
  const prSubjects = new Int32Array(n);
  const leadAuthors = new Int32Array(notes ? total : 0);
  const hashes = packedHashes(graph, total, imported);
  const fill = leadStart.slice(0, n);
  let importedAt = 0;
  for (let i = 0; i < graph.size; i++) {
    const d = owner[i]!;
    if (d === NO_COMMIT || !counts(i)) continue;
    if (outside?.[i]) {
      hashes.importedBy[importedAt] = d;
      graph.copyHash(i, hashes.imported, importedAt++ * hashes.width);
      continue;
    }
    const at = fill[d]!++;
    graph.copyHash(i, hashes.lead, at * hashes.width);
    authorTimes[at] = info.changeStarts?.get(i) ?? graph.authorTime[i]!;
    committerTimes[at] = graph.committerTime[i]!;
    if (notes) leadAuthors[at] = notes.authorOf[i] ?? -1;
    // A squash merge started at its pull request's first commit no longer measures from the merge.
    if (graph.flags[i]! & PR_SUBJECT && !info.changeStarts?.has(i)) prSubjects[d]!++;
  }

  const reverts = revertEvents(graph, owner, notes);

  // Built field by field, and each calendar day formatted once: with every commit a deployment (40,000
  // of them), spreading each candidate and formatting each date was a third of the analysis.
  const days = new Map<number, string>();
  const deployments = ordered.map((c, d): Deployment => {
    const local = c.time + c.offset * 60;
    const key = Math.floor(local / 86_400);
    let day = days.get(key);
    if (day === undefined) days.set(key, (day = localDay(c.time, c.offset)));
    const { name, label, commit, time, offset, tags } = c;
    const count = shipped[d] ?? 0;
    return tags
      ? { name, label, commit, time, offset, tags, day, shipped: count }
      : { name, label, commit, time, offset, day, shipped: count };
  });
  return {
    source: info.source,
    pattern: info.pattern,
    fallback: info.fallback,
    defaultBranch: info.defaultBranch,
    deployments,
    leadStart,
    authorTimes,
    committerTimes,
    prSubjects,
    reverts,
    ...(notes ? { leadAuthors, authors: notes.authors, unmatchedReverts: notes.unmatchedReverts } : {}),
    imported,
    hashes,
    commits: read,
    shallow: info.shallow,
    warnings,
  };
}

/**
 * The reverts whose reverted commit was shipped, each with the deployments on both sides. Without change
 * notes, only "This reverts commit <sha>" reverts are known.
 */
function revertEvents(graph: CommitGraph, owner: Int32Array, notes: HistoryNotes | undefined): RevertEvent[] {
  const links =
    notes?.reverts ?? graph.reverts.map(([revert, reverted]) => ({ revert, reverted, match: 'sha' as const }));
  const isRevert = new Set(links.map((link) => link.revert));
  const events: RevertEvent[] = [];
  for (const { revert, reverted, match } of links) {
    const shippedBy = owner[reverted]!;
    if (shippedBy === NO_COMMIT) continue;
    events.push({
      time: graph.committerTime[revert]!,
      reverted: shippedBy,
      carriedBy: owner[revert]!,
      match,
      revert: graph.hashOf(revert).slice(0, 12),
      commit: graph.hashOf(reverted).slice(0, 12),
      ...(isRevert.has(reverted) ? { ofRevert: true } : {}),
      ...(notes?.configOnly?.has(revert) ? { configOnly: true } : {}),
    });
  }
  return events;
}

function packedHashes(graph: CommitGraph, lead: number, imported: Int32Array): CommitHashes {
  const width = graph.size > 0 ? graph.hashOf(0).length : 40;
  const importedCount = imported.reduce((sum, n) => sum + n, 0);
  return {
    width,
    lead: new Uint8Array(lead * width),
    imported: new Uint8Array(importedCount * width),
    importedBy: new Int32Array(importedCount),
  };
}

/** The calendar day at `time` in a zone `offset` minutes east of UTC. */
export function localDay(time: number, offset: number): string {
  const date = new Date((time + offset * 60) * 1000);
  return Number.isNaN(date.getTime()) ? 'unknown' : date.toISOString().slice(0, 10);
}
