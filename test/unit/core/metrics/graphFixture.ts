import { CommitGraphBuilder } from '../../../../src/core/metrics/graph';
import type { CommitGraph } from '../../../../src/core/metrics/graph';
import { buildHistory } from '../../../../src/core/metrics/history';
import type { History, HistoryInfo } from '../../../../src/core/metrics/history';
import { DEFAULT_TAG_PATTERN } from '../../../../src/core/metrics/patterns';

/** A commit in a test graph, named by a short id; times are ISO strings. */
export interface CommitSpec {
  readonly id: string;
  readonly parents?: readonly string[];
  readonly at: string;
  readonly committed?: string;
  readonly subject?: string;
  /** The id of the commit this one reverts. */
  readonly reverts?: string;
}

export interface DeploymentSpec {
  readonly name: string;
  readonly commit: string;
  readonly at: string;
  /** Minutes east of UTC. */
  readonly offset?: number;
  readonly label?: string;
}

/** A stable fake 40-hex hash for a short id. */
export function hashOf(id: string): string {
  return Buffer.from(id, 'utf8').toString('hex').padEnd(40, '0').slice(0, 40);
}

export const seconds = (iso: string): number => Date.parse(iso) / 1000;

export function graphOf(commits: readonly CommitSpec[]): CommitGraph {
  const builder = new CommitGraphBuilder(4);
  for (const c of commits) {
    builder.add({
      hash: hashOf(c.id),
      parents: (c.parents ?? []).map(hashOf),
      authorTime: seconds(c.at),
      committerTime: seconds(c.committed ?? c.at),
      committerOffset: 0,
      prSubject: /\(#\d+\)$/.test(c.subject ?? ''),
      subject: c.subject ?? c.id,
      reverts: c.reverts ? [hashOf(c.reverts)] : [],
    });
  }
  return builder.build();
}

/** A linear chain: each commit's parent is the one before it. */
export function chain(commits: ReadonlyArray<Omit<CommitSpec, 'parents'>>, first?: string): CommitSpec[] {
  return commits.map((c, i) => ({ ...c, parents: i === 0 ? (first ? [first] : []) : [commits[i - 1]!.id] }));
}

export function historyOf(
  commits: readonly CommitSpec[],
  deployments: readonly DeploymentSpec[],
  info: Partial<HistoryInfo> = {},
): History {
  return buildHistory(
    graphOf(commits),
    deployments.map((d) => ({
      name: d.name,
      label: d.label ?? d.name,
      commit: hashOf(d.commit),
      time: seconds(d.at),
      offset: d.offset ?? 0,
    })),
    {
      source: 'tags',
      pattern: DEFAULT_TAG_PATTERN,
      fallback: false,
      defaultBranch: 'main',
      shallow: false,
      warnings: [],
      ...info,
    },
  );
}
