import { createHash } from 'node:crypto';
import type { History } from '../core/metrics/history';
import type { RefsSnapshot } from './refs';
import type { RepositoryInfo } from './repository';

/**
 * What a History depends on: HEAD, every tag and candidate branch (as the for-each-ref digest), how deep a
 * shallow clone is, and the options that change which commits are deployments. The window, clock and
 * failure rule are left out: they are applied to the cached History without git.
 */
export function historyKey(
  repo: RepositoryInfo,
  refs: RefsSnapshot,
  options: { pattern: string; source?: string | undefined; defaultBranch?: string | undefined },
): string {
  const parts = [
    repo.gitDir,
    repo.head ?? '-',
    repo.headRef ?? '-',
    repo.shallowStamp,
    refs.digest,
    options.pattern,
    options.source ?? '',
    options.defaultBranch ?? '',
  ];
  return createHash('sha1').update(parts.join('\0')).digest('hex');
}

/**
 * Histories in memory, one per repository (the latest key wins), so reopening the panel or moving the
 * window costs two small git calls. Bounded: the least recently used repository is dropped first.
 */
export class HistoryCache {
  private readonly entries = new Map<string, { key: string; history: History }>();

  constructor(private readonly limit = 8) {}

  get(gitDir: string, key: string): History | undefined {
    const entry = this.entries.get(gitDir);
    if (!entry || entry.key !== key) return undefined;
    this.entries.delete(gitDir);
    this.entries.set(gitDir, entry);
    return entry.history;
  }

  /** The last History read for a repository, whatever its key: its size predicts the next read's. */
  previous(gitDir: string): History | undefined {
    return this.entries.get(gitDir)?.history;
  }

  set(gitDir: string, key: string, history: History): void {
    this.entries.delete(gitDir);
    this.entries.set(gitDir, { key, history });
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(gitDir?: string): void {
    if (gitDir === undefined) this.entries.clear();
    else this.entries.delete(gitDir);
  }
}

/** Shared by every caller in the process that does not bring its own cache. */
export const sharedHistoryCache = new HistoryCache();
