import { ChangeNotesBuilder } from '../core/metrics/changeNotes';
import { CommitGraphBuilder, NO_COMMIT, PRESENT } from '../core/metrics/graph';
import type { CommitGraph } from '../core/metrics/graph';
import { buildHistory } from '../core/metrics/history';
import type { DeploymentCandidate, DeploymentSource, History, PackageFolders } from '../core/metrics/history';
import { releaseEvents } from '../core/releases/releaseEvents';
import type { ReleaseEvent } from '../core/releases/releaseEvents';
import { cancelled, GitAnalysisError } from './errors';
import { readCommits } from './logStream';
import { commitsTouching, findPackagePaths } from './packagePaths';
import type { DefaultBranch, RefsSnapshot, TagRef } from './refs';
import { resolveDefaultBranch } from './refs';
import type { RepositoryInfo } from './repository';
import type { GitContext } from './run';
import { configOnlyCommits } from './touchedFiles';

export interface ReadOptions {
  /** The tags taken as deployments (by the configured pattern, or by detection). */
  readonly tags: readonly TagRef[];
  /** How the tags were chosen, for messages: a pattern, or "release tags (detected)". */
  readonly patternSource: string;
  /** Tags on one commit are one deployment (detection); with a configured pattern each tag counts. */
  readonly events?: boolean;
  /** The chosen tags already grouped by commit (detection's), so they are not grouped twice. */
  readonly releaseEvents?: () => readonly ReleaseEvent[];
  /** Forces a source; by default tags, or every first-parent commit when no tag was taken. */
  readonly source?: DeploymentSource | undefined;
  /** Why no tag was taken, when the fallback applies. */
  readonly fallbackReason?: string;
  readonly defaultBranch?: string | undefined;
  /** Lead time counts only this package's commits: the folders of its manifest, or `paths`. */
  readonly package?: { readonly name: string; readonly paths?: readonly string[] };
  readonly onCommits?: (commits: number) => void;
  /** The size of the last read of this repository, if known: memory is reserved for it up front. */
  readonly expectedCommits?: number;
}

/**
 * Reads what the metrics need with one streamed `git log` over the deployment tags, the default branch
 * and HEAD, then walks the graph in memory. The number of git processes does not grow with the number
 * of tags or commits: a package adds three (its manifests, their names, its commits), run alongside.
 */
export async function readHistory(
  context: GitContext,
  repo: RepositoryInfo,
  refs: RefsSnapshot,
  options: ReadOptions,
): Promise<History> {
  const warnings: string[] = [];
  const deployable = options.tags.filter((tag): tag is TagRef & { commit: string } => tag.commit !== null);
  if (deployable.length < options.tags.length) {
    const skipped = options.tags.length - deployable.length;
    warnings.push(
      `${skipped === 1 ? '1 tag' : `${skipped} tags`} (${options.patternSource}) ${skipped === 1 ? 'points' : 'point'} at something other than a commit (a tree or a blob) and ${skipped === 1 ? 'was' : 'were'} left out.`,
    );
  }
  const source = options.source ?? (deployable.length > 0 ? 'tags' : 'commits');
  const fallback = options.source === undefined && source === 'commits';

  const branch = resolveDefaultBranch(
    refs,
    { commit: repo.head, ref: repo.headRef, bare: repo.bare },
    options.defaultBranch,
  );
  if (!branch && options.defaultBranch) {
    const message = `The branch "${options.defaultBranch}" was not found, locally or on a remote; check the default branch setting.`;
    if (source !== 'tags') throw new GitAnalysisError('invalid-option', message);
    warnings.push(`${message} Reverts were looked for in the tagged history only.`);
  }
  if (branch?.warning) warnings.push(branch.warning);
  if (branch?.name === 'HEAD') {
    warnings.push(
      `HEAD is detached and there is no main, master, trunk or develop branch, so merges and reverts are read from HEAD (${branch.commit.slice(0, 12)}). Set the default branch to be exact.`,
    );
  }
  if (fallback) {
    warnings.push(
      `${options.fallbackReason ?? `No tag matches ${options.patternSource}`}, so every change landing on ${branch?.name ?? 'the default branch'} is treated as a deployment. Tag your releases, or set the tag pattern, for exact figures.`,
    );
  }

  const starts = new Set<string>();
  if (source === 'tags') for (const tag of deployable) starts.add(tag.commit);
  if (branch) starts.add(branch.commit);
  if (repo.head) starts.add(repo.head);
  // Fetched pull-request heads hold the commits a squash merge folded away: read them too.
  const pullHeads = refs.pullHeads ?? new Map<number, string>();
  for (const head of pullHeads.values()) starts.add(head);
  const builder = new CommitGraphBuilder(options.expectedCommits ?? 1 << 14, source === 'merges', source === 'commits');
  const notesBuilder = new ChangeNotesBuilder();
  const pkg = options.package;
  const at = branch?.commit ?? repo.head;
  const reading = Promise.all([
    readCommits(context, [...starts], builder, options.onCommits, notesBuilder),
    pkg && at ? findPackagePaths(context, at, pkg.name, pkg.paths) : Promise.resolve(undefined),
  ]);
  // git takes a while to walk from thousands of tags before the first commit arrives: time enough to list
  // the deployments, unless a tag without a date of its own needs its commit's.
  const dated = source === 'tags' && deployable.every((tag) => tag.time !== null && tag.offset !== null);
  const early = dated ? tagDeployments(null, deployable, options) : undefined;
  const [, packagePaths] = await reading;
  const graph = builder.build();
  const notes = notesBuilder.build(graph);
  const revertHashes = [...new Set(notes.reverts.map((link) => link.revert))].map((id) => graph.hashOf(id));
  const [touching, configOnly] = await Promise.all([
    packagePaths ? commitsTouching(context, [...starts], packagePaths.paths) : Promise.resolve(undefined),
    configOnlyCommits(context, revertHashes),
  ]);
  if (context.signal?.aborted) throw cancelled();
  if (packagePaths) warnings.push(...packageWarnings(pkg?.name ?? '', packagePaths));
  const changeStarts =
    branch && pullHeads.size > 0 && notes.pullRequestOf
      ? pullRequestStarts(graph, graph.lookup(branch.commit), pullHeads, notes.pullRequestOf)
      : undefined;
  if (changeStarts && changeStarts.size > 0)
    warnings.push(
      `${changeStarts.size === 1 ? '1 squash-merged change starts at the first commit of its' : `${changeStarts.size} squash-merged changes start at the first commit of their`} pull request, read from the fetched pull-request heads (refs/pull/*/head and the like), so lead time covers the time before the merge.`,
    );

  const firstParent = source === 'tags' ? undefined : firstParentCandidates(graph, branch, source === 'merges');
  const candidates = early ?? firstParent?.candidates ?? tagDeployments(graph, deployable, options);
  const history = buildHistory(
    graph,
    candidates,
    {
      source,
      pattern: options.patternSource,
      fallback,
      defaultBranch: branch?.name ?? null,
      shallow: repo.shallow,
      warnings,
      ...(touching ? { leadFilter: maskOf(graph, touching) } : {}),
      ...(firstParent ? { candidateIds: firstParent.ids } : {}),
      ...(changeStarts && changeStarts.size > 0 ? { changeStarts } : {}),
    },
    context.signal,
    { ...notes, configOnly: new Set([...configOnly].map((hash) => graph.lookup(hash))) },
  );
  if (context.signal?.aborted) throw cancelled();
  return packagePaths ? { ...history, packagePaths } : history;
}

/**
 * For each squash merge on the branch whose "(#N)" names a fetched pull-request head that the branch does
 * not contain: the earliest author time among the pull request's own commits (the head's ancestors that
 * are not on the branch). A pull request merged with a merge commit is on the branch already and needs none.
 */
function pullRequestStarts(
  graph: CommitGraph,
  tip: number,
  pullHeads: ReadonlyMap<number, string>,
  pullRequestOf: Int32Array,
): Map<number, number> {
  const onBranch = new Uint8Array(graph.size);
  const reach = (from: number, visit: (id: number) => void, stop: (id: number) => boolean) => {
    const stack = [from];
    while (stack.length > 0) {
      const id = stack.pop() ?? NO_COMMIT;
      if (id === NO_COMMIT || stop(id) || !((graph.flags[id] ?? 0) & PRESENT)) continue;
      visit(id);
      const first = graph.parentOffset[id] ?? 0;
      for (let p = first; p < first + (graph.parentCount[id] ?? 0); p++) stack.push(graph.parents[p] ?? NO_COMMIT);
    }
  };
  reach(
    tip,
    (id) => (onBranch[id] = 1),
    (id) => onBranch[id] === 1,
  );
  const starts = new Map<number, number>();
  for (let id = 0; id < graph.size && id < pullRequestOf.length; id++) {
    const pr = pullRequestOf[id] ?? 0;
    const head = pr > 0 && onBranch[id] === 1 ? pullHeads.get(pr) : undefined;
    if (head === undefined || (graph.parentCount[id] ?? 0) > 1) continue;
    const headId = graph.lookup(head);
    if (headId === NO_COMMIT || onBranch[headId] === 1) continue;
    let earliest = graph.authorTime[id] ?? 0;
    const seen = new Set<number>();
    reach(
      headId,
      (c) => {
        seen.add(c);
        earliest = Math.min(earliest, graph.authorTime[c] ?? earliest);
      },
      (c) => onBranch[c] === 1 || seen.has(c),
    );
    starts.set(id, earliest);
  }
  return starts;
}

function packageWarnings(name: string, found: PackageFolders): string[] {
  if (found.missing.length > 0)
    return [
      `The package paths ${found.missing.join(', ')} do not exist on the default branch, so no commit there counts towards ${name}'s lead time. Check the paths.`,
    ];
  if (found.paths.length === 0)
    return [
      `No package.json, pyproject.toml, Cargo.toml or go.mod declares ${name}, so no commit counts towards its lead time. Give its paths in the configuration.`,
    ];
  return [];
}

function maskOf(graph: CommitGraph, hashes: ReadonlySet<string>): Uint8Array {
  const mask = new Uint8Array(graph.size);
  for (const hash of hashes) {
    const id = graph.lookup(hash);
    if (id !== NO_COMMIT) mask[id] = 1;
  }
  return mask;
}

/**
 * The tags as deployments: each tag, or (`events`) each release event. `graph` is only needed for a tag
 * without a date of its own; null when every tag has one.
 */
function tagDeployments(
  graph: CommitGraph | null,
  tags: ReadonlyArray<TagRef & { commit: string }>,
  options: Pick<ReadOptions, 'events' | 'releaseEvents'>,
): DeploymentCandidate[] {
  if (!options.events) return tagCandidates(graph, tags);
  // Detection's own grouping is the same as grouping these tags when each has its date: the same set.
  const grouped = graph === null ? options.releaseEvents?.() : undefined;
  return grouped ? candidatesOfEvents(grouped, tags) : eventCandidates(graph, tags);
}

/** A tag without a creator date (an annotated tag with no tagger) falls back to its commit's committer date. */
function tagCandidates(
  graph: CommitGraph | null,
  tags: ReadonlyArray<TagRef & { commit: string }>,
): DeploymentCandidate[] {
  return tags.map((tag) => {
    if (tag.time !== null && tag.offset !== null)
      return { name: tag.name, label: tag.name, commit: tag.commit, time: tag.time, offset: tag.offset };
    if (!graph) throw new Error(`The tag ${tag.name} has no date of its own: its commit's date is needed.`);
    const id = graph.lookup(tag.commit);
    const time = id === NO_COMMIT ? 0 : graph.committerTime[id]!;
    const offset = id === NO_COMMIT ? 0 : graph.committerOffset[id]!;
    return { name: tag.name, label: tag.name, commit: tag.commit, time, offset };
  });
}

/** One deployment per release event: the tags on one commit, at the earliest of them, named by it. */
function eventCandidates(
  graph: CommitGraph | null,
  tags: ReadonlyArray<TagRef & { commit: string }>,
): DeploymentCandidate[] {
  const single = tagCandidates(graph, tags);
  return candidatesOfEvents(releaseEvents(single), single);
}

/** Each event as the deployment of its first tag (`tags`: the dated tags it was grouped from). */
function candidatesOfEvents(
  events: readonly ReleaseEvent[],
  tags: ReadonlyArray<{ name: string; commit: string; time: number | null; offset: number | null }>,
): DeploymentCandidate[] {
  const byName = new Map<string, (typeof tags)[number]>();
  for (const tag of tags) byName.set(tag.name, tag);
  const candidates: DeploymentCandidate[] = [];
  for (const event of events) {
    const first = byName.get(event.name);
    if (!first || first.time === null || first.offset === null) continue;
    const { name, commit, time, offset } = first;
    candidates.push(
      event.tags.length === 1
        ? { name, label: name, commit, time, offset }
        : { name, label: name, commit, time, offset, tags: event.tags },
    );
  }
  return candidates;
}

/**
 * Every first-parent commit on the branch (merges only, when asked), each at its committer time, with the
 * commit ids alongside (a tagless history has a deployment per commit: no need to look each up again).
 */
function firstParentCandidates(
  graph: CommitGraph,
  branch: DefaultBranch | null,
  mergesOnly: boolean,
): { candidates: DeploymentCandidate[]; ids: Int32Array } {
  if (!branch) return { candidates: [], ids: new Int32Array(0) };
  const candidates: DeploymentCandidate[] = [];
  const ids: number[] = [];
  const seen = new Uint8Array(graph.size);
  let id = graph.lookup(branch.commit);
  while (id !== NO_COMMIT && (graph.flags[id] ?? 0) & PRESENT && !seen[id]) {
    seen[id] = 1;
    const count = graph.parentCount[id] ?? 0;
    if (!mergesOnly || count > 1) {
      const hash = graph.hashOf(id);
      const name = hash.slice(0, 12);
      candidates.push({
        name,
        label: graph.mergeSubjects.get(id) ?? name,
        commit: hash,
        time: graph.committerTime[id] ?? 0,
        offset: graph.committerOffset[id] ?? 0,
      });
      ids.push(id);
    }
    id = count > 0 ? (graph.parents[graph.parentOffset[id] ?? 0] ?? NO_COMMIT) : NO_COMMIT;
  }
  return { candidates: candidates.reverse(), ids: new Int32Array(ids.reverse()) };
}
