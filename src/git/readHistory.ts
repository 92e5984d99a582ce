import { ChangeNotesBuilder } from '../core/metrics/changeNotes';
import type { Matcher } from '../core/metrics/patterns';
import { testPattern } from '../core/metrics/patterns';
import { firstParentMerges } from '../core/metrics/attribution';
import { CommitGraphBuilder, NO_COMMIT } from '../core/metrics/graph';
import type { CommitGraph } from '../core/metrics/graph';
import { buildHistory } from '../core/metrics/history';
import type { DeploymentCandidate, History } from '../core/metrics/history';
import { cancelled, GitAnalysisError } from './errors';
import { readCommits } from './logStream';
import type { DefaultBranch, RefsSnapshot, TagRef } from './refs';
import { resolveDefaultBranch } from './refs';
import type { RepositoryInfo } from './repository';
import type { GitContext } from './run';
import { configOnlyCommits } from './touchedFiles';

export interface ReadOptions {
  readonly tagPattern: Matcher;
  readonly patternSource: string;
  readonly source?: 'tags' | 'merges';
  readonly defaultBranch?: string;
  readonly onCommits?: (commits: number) => void;
  /** The size of the last read of this repository, if known: memory is reserved for it up front. */
  readonly expectedCommits?: number;
}

/**
 * Reads what the metrics need with one streamed `git log` over the deployment tags, the default branch
 * and HEAD, then walks the graph in memory. The number of git processes does not grow with the number
 * of tags or commits.
 */
export async function readHistory(
  context: GitContext,
  repo: RepositoryInfo,
  refs: RefsSnapshot,
  options: ReadOptions,
): Promise<History> {
  const warnings: string[] = [];
  const matching = refs.tags.filter((tag) => testPattern(options.tagPattern, tag.name));
  const deployable = matching.filter((tag): tag is TagRef & { commit: string } => tag.commit !== null);
  if (deployable.length < matching.length) {
    const skipped = matching.length - deployable.length;
    warnings.push(
      `${skipped === 1 ? '1 tag' : `${skipped} tags`} matching ${options.patternSource} ${skipped === 1 ? 'points' : 'point'} at something other than a commit and ${skipped === 1 ? 'was' : 'were'} left out.`,
    );
  }
  const source = options.source ?? (deployable.length > 0 ? 'tags' : 'merges');
  const fallback = options.source === undefined && source === 'merges';

  const branch = resolveDefaultBranch(refs, { commit: repo.head, ref: repo.headRef }, options.defaultBranch);
  if (!branch && options.defaultBranch) {
    const message = `The branch "${options.defaultBranch}" was not found, locally or on a remote; check the default branch setting.`;
    if (source === 'merges') throw new GitAnalysisError('invalid-option', message);
    warnings.push(`${message} Reverts were looked for in the tagged history only.`);
  }
  if (branch?.name === 'HEAD') {
    warnings.push(
      `HEAD is detached and there is no main or master branch, so merges and reverts are read from HEAD (${branch.commit.slice(0, 12)}). Set the default branch to be exact.`,
    );
  }
  if (fallback) {
    warnings.push(
      `No tag matches ${options.patternSource}, so deployments are the first-parent merge commits on ${branch?.name ?? 'the default branch'}. Tag your releases, or set the tag pattern, for exact figures.`,
    );
  }

  const starts = new Set<string>();
  if (source === 'tags') for (const tag of deployable) starts.add(tag.commit);
  if (branch) starts.add(branch.commit);
  if (repo.head) starts.add(repo.head);
  const builder = new CommitGraphBuilder(options.expectedCommits ?? 1 << 14, source === 'merges');
  const notesBuilder = new ChangeNotesBuilder();
  await readCommits(context, [...starts], builder, options.onCommits, notesBuilder);
  if (context.signal?.aborted) throw cancelled();
  const graph = builder.build();
  const notes = notesBuilder.build(graph);
  const revertHashes = [...new Set(notes.reverts.map((link) => link.revert))].map((id) => graph.hashOf(id));
  const configOnly = await configOnlyCommits(context, revertHashes);
  if (context.signal?.aborted) throw cancelled();

  const candidates = source === 'tags' ? tagCandidates(graph, deployable) : mergeCandidates(graph, branch);
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
    },
    context.signal,
    { ...notes, configOnly: new Set([...configOnly].map((hash) => graph.lookup(hash))) },
  );
  if (context.signal?.aborted) throw cancelled();
  return history;
}

/** A tag without a creator date (an annotated tag with no tagger) falls back to its commit's committer date. */
function tagCandidates(graph: CommitGraph, tags: ReadonlyArray<TagRef & { commit: string }>): DeploymentCandidate[] {
  return tags.map((tag) => {
    if (tag.time !== null && tag.offset !== null)
      return { name: tag.name, label: tag.name, commit: tag.commit, time: tag.time, offset: tag.offset };
    const id = graph.lookup(tag.commit);
    const time = id === NO_COMMIT ? 0 : graph.committerTime[id]!;
    const offset = id === NO_COMMIT ? 0 : graph.committerOffset[id]!;
    return { name: tag.name, label: tag.name, commit: tag.commit, time, offset };
  });
}

function mergeCandidates(graph: CommitGraph, branch: DefaultBranch | null): DeploymentCandidate[] {
  if (!branch) return [];
  return firstParentMerges(graph, graph.lookup(branch.commit)).map((id) => {
    const hash = graph.hashOf(id);
    const name = hash.slice(0, 12);
    return {
      name,
      label: graph.mergeSubjects.get(id) ?? name,
      commit: hash,
      time: graph.committerTime[id]!,
      offset: graph.committerOffset[id]!,
    };
  });
}
