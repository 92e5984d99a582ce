import { createHash } from 'node:crypto';
import type { GitContext } from './run';
import { gitFailure, runGit } from './run';

export interface TagRef {
  readonly name: string;
  /** The commit the tag points at, peeled through annotated (and nested) tags; null when it is not a commit. */
  readonly commit: string | null;
  /** Creator date in epoch seconds (tagger date, or the committer date of a lightweight tag's commit). */
  readonly time: number | null;
  readonly offset: number | null;
}

export interface RefsSnapshot {
  readonly tags: readonly TagRef[];
  /** Full ref name → commit, for refs/heads/* and the remote refs that can name a default branch (origin/HEAD included). */
  readonly branches: ReadonlyMap<string, string>;
  /** Symbolic remote refs such as refs/remotes/origin/HEAD → refs/remotes/origin/main. */
  readonly symbolic: ReadonlyMap<string, string>;
  /** A digest of every ref read: with HEAD, the cache key. */
  readonly digest: string;
  /** Fetched pull-request heads (refs/pull/N/head, refs/remotes/origin/pr/N, refs/merge-requests/N/head): N → commit. */
  readonly pullHeads?: ReadonlyMap<number, string>;
}

/** The pull-request number a fetched pull-request head ref names, or 0. */
export function pullNumberOf(ref: string): number {
  const match = /^refs\/(?:pull\/(\d+)\/head|remotes\/[^/]+\/pr\/(\d+)|merge-requests\/(\d+)\/head)$/.exec(ref);
  return match ? Number(match[1] ?? match[2] ?? match[3]) : 0;
}

const FORMAT =
  '%(refname)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)%00%(creatordate:raw)%00%(symref)';

/** One `git for-each-ref` for all tags and candidate default branches, however many tags there are. */
export async function readRefs(context: GitContext, defaultBranch?: string): Promise<RefsSnapshot> {
  const remoteNames = ['HEAD', ...DEFAULT_BRANCH_NAMES, ...(defaultBranch ? [defaultBranch] : [])];
  const patterns = [
    'refs/tags',
    'refs/heads',
    ...remoteNames.map((name) => `refs/remotes/*/${name}`),
    'refs/pull',
    'refs/merge-requests',
    'refs/remotes/*/pr/*',
  ];
  const output = await runGit(context, ['for-each-ref', `--format=${FORMAT}`, ...patterns]);
  if (output.code !== 0) throw gitFailure('Reading tags and branches (git for-each-ref)', output);
  const text = output.stdout.toString('utf8');

  const tags: TagRef[] = [];
  const nested: Array<{ index: number; ref: string }> = [];
  const branches = new Map<string, string>();
  const symbolic = new Map<string, string>();
  const pullHeads = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [ref = '', type, object = '', peeledType, peeled = '', created = '', symref = ''] = line.split('\0');
    if (ref.startsWith('refs/tags/')) {
      const commit = type === 'commit' ? object : type === 'tag' && peeledType === 'commit' ? peeled : null;
      const [time, offset] = parseRawDate(created);
      if (type === 'tag' && peeledType === 'tag') nested.push({ index: tags.length, ref });
      tags.push({ name: ref.slice('refs/tags/'.length), commit, time, offset });
    } else if (pullNumberOf(ref) > 0) {
      if (type === 'commit') pullHeads.set(pullNumberOf(ref), object);
    } else {
      if (symref !== '') symbolic.set(ref, symref);
      if (type === 'commit') branches.set(ref, object);
    }
  }
  if (nested.length > 0) await peelNested(context, tags, nested);
  return { tags, branches, symbolic, pullHeads, digest: createHash('sha1').update(text).digest('hex') };
}

/** A tag of a tag: for-each-ref peels one level only, so the rest are peeled in one batch. */
async function peelNested(
  context: GitContext,
  tags: TagRef[],
  nested: ReadonlyArray<{ index: number; ref: string }>,
): Promise<void> {
  const input = nested.map((n) => `${n.ref}^{commit}\n`).join('');
  const output = await runGit(context, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], input);
  if (output.code !== 0) return;
  const lines = output.stdout.toString('utf8').split('\n');
  nested.forEach((n, i) => {
    const [object, type] = (lines[i] ?? '').split(' ');
    const tag = tags[n.index];
    if (tag && type === 'commit' && object) tags[n.index] = { ...tag, commit: object };
  });
}

/**
 * "1704099600 +0200" → [1704099600, 120]; an empty date (a tag without tagger) → nulls. Read by hand, not
 * with a regular expression: once per tag, 12,000 of them before the history read can start.
 */
export function parseRawDate(raw: string): [number | null, number | null] {
  const text = raw.trim();
  // "<seconds> ±hhmm": the zone is always the last six characters.
  const space = text.length - 6;
  const from = text.charCodeAt(0) === 45 ? 1 : 0;
  const sign = text.charCodeAt(space + 1);
  if (space <= from || text.charCodeAt(space) !== 32 || (sign !== 43 && sign !== 45)) return [null, null];
  if (!digitsOnly(text, from, space) || !digitsOnly(text, space + 2, text.length)) return [null, null];
  const minutes = Number(text.slice(space + 2, space + 4)) * 60 + Number(text.slice(space + 4));
  return [Number(text.slice(0, space)), sign === 45 ? -minutes : minutes];
}

function digitsOnly(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export interface DefaultBranch {
  /** Short name as the user knows it: "main", "origin/main", or "HEAD". */
  readonly name: string;
  readonly commit: string;
  /** Set when the candidates disagree: which one was chosen over which. */
  readonly warning?: string;
}

/** Branch names that, checked out or present, stand for the default branch, in order of preference. */
export const DEFAULT_BRANCH_NAMES = ['main', 'master', 'trunk', 'develop'] as const;

/**
 * The branch merges are counted on and reverts looked for: the configured one (local, else a remote of
 * that name); else, in order, the remote's default (origin/HEAD), a bare repository's HEAD, the
 * checked-out branch if it is main, master, trunk or develop, then those names locally or on a remote,
 * then the checked-out branch, then HEAD itself. When the candidates disagree, the warning says so.
 */
export function resolveDefaultBranch(
  refs: RefsSnapshot,
  head: { commit: string | null; ref: string | null; bare?: boolean },
  configured?: string,
): DefaultBranch | null {
  const local = (name: string) => refs.branches.get(`refs/heads/${name}`);
  const remote = (name: string): DefaultBranch | null => {
    const prefer = refs.branches.get(`refs/remotes/origin/${name}`);
    if (prefer) return { name: `origin/${name}`, commit: prefer };
    for (const [ref, commit] of refs.branches)
      if (ref.startsWith('refs/remotes/') && ref.endsWith(`/${name}`) && !ref.endsWith('/HEAD'))
        return { name: ref.slice('refs/remotes/'.length), commit };
    return null;
  };
  const named = (name: string): DefaultBranch | null => {
    const commit = local(name);
    return commit ? { name, commit } : remote(name);
  };
  if (configured) return named(configured);

  const current = head.ref?.startsWith('refs/heads/') ? head.ref.slice('refs/heads/'.length) : null;
  const currentCommit = head.ref ? refs.branches.get(head.ref) : undefined;
  const candidates: DefaultBranch[] = [];
  const originHead = refs.symbolic.get('refs/remotes/origin/HEAD');
  const target = refs.branches.get('refs/remotes/origin/HEAD');
  if (originHead && target) candidates.push({ name: originHead.slice('refs/remotes/'.length), commit: target });
  if (head.bare && current && currentCommit) candidates.push({ name: current, commit: currentCommit });
  const conventional = (name: string | null) => DEFAULT_BRANCH_NAMES.some((n) => n === name);
  if (current && currentCommit && conventional(current)) candidates.push({ name: current, commit: currentCommit });
  const byName = DEFAULT_BRANCH_NAMES.map(named).find((found) => found !== null);
  if (byName) candidates.push(byName);
  // Only these sources vote: a git-flow repository with both main and develop is not ambiguous by itself.
  const voters = candidates.length;
  if (current && currentCommit) candidates.push({ name: current, commit: currentCommit });
  const chosen = candidates[0] ?? (head.commit ? { name: 'HEAD', commit: head.commit } : null);
  if (!chosen) return null;
  const others = disagreeing(chosen, candidates.slice(0, voters));
  if (others.length === 0) return chosen;
  return {
    ...chosen,
    warning: `The default branch is unclear: ${others.join(' and ')} could also be it. Measured ${chosen.name}${originHead ? ", the remote's default (origin/HEAD)" : ''}; set the default branch to choose another.`,
  };
}

/** The branches other voters name, besides the chosen one (origin/main and main are the same branch). */
function disagreeing(chosen: DefaultBranch, voters: readonly DefaultBranch[]): string[] {
  const short = (name: string) => name.replace(/^[^/]+\//, '');
  const names = new Set<string>();
  for (const voter of voters) if (short(voter.name) !== short(chosen.name)) names.add(voter.name);
  return [...names];
}
