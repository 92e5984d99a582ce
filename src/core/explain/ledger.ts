import { botAuthors, DEFAULT_BOT_PATTERNS } from '../metrics/bots';
import { windowRange } from '../metrics/compute';
import type { MetricsOptions } from '../metrics/compute';
import { findFailures } from '../metrics/failures';
import type { History } from '../metrics/history';
import { hashAt } from '../metrics/history';
import { compilePattern } from '../metrics/patterns';
import { parseTag } from '../releases/tagParse';
import type { LedgerCommit, LedgerDeployment, LedgerExcluded, LedgerList, LedgerPageOf, LedgerRows } from './schema';

const DAY = 86_400;
export const PAGE_SIZE = 200;

/** The measuring choices a ledger follows: the same as the figures it explains. */
export type LedgerOptions = Pick<
  MetricsOptions,
  'until' | 'days' | 'clock' | 'failureDays' | 'hotfixPattern' | 'excludeBots' | 'botPatterns'
>;

/** Subjects by full hash, read once for the window's commits; a missing one shows as "(subject not read)". */
export type Subjects = ReadonlyMap<string, string>;

export interface Ledger {
  readonly deployments: readonly LedgerDeployment[];
  /** Sorted by lead time, shortest first; the median and p90 rows are marked. */
  readonly leadTime: readonly LedgerCommit[];
  readonly excluded: readonly LedgerExcluded[];
  /** Time of each deployment in the window (epoch seconds), with whether it failed: for the timeline. */
  readonly window: { readonly since: number; readonly until: number };
}

/** The hashes of the commits a ledger for this window lists, so their subjects can be read in one git call. */
export function ledgerHashes(history: History, options: Pick<LedgerOptions, 'until' | 'days'>): string[] {
  const { from, to } = range(history, options);
  const hashes = history.hashes;
  if (!hashes) return [];
  const out: string[] = [];
  for (let i = history.leadStart[from] ?? 0; i < (history.leadStart[to] ?? 0); i++)
    out.push(hashAt(hashes.lead, hashes.width, i));
  for (let k = 0; k < hashes.importedBy.length; k++) {
    const d = hashes.importedBy[k]!;
    if (d >= from && d < to) out.push(hashAt(hashes.imported, hashes.width, k));
  }
  return out;
}

/** Every deployment and commit behind the figures of one window, with the rule behind each classification. */
export function buildLedger(history: History, options: LedgerOptions, subjects: Subjects): Ledger {
  const { from, to, since, until } = range(history, options);
  const pattern = options.hotfixPattern ?? '';
  const compiled = pattern === '' ? undefined : compilePattern(pattern, 'The hotfix pattern', 'i');
  const failures = findFailures(history, {
    until,
    failureDays: options.failureDays,
    ...(compiled?.ok ? { hotfix: compiled.regex } : {}),
  });
  const deployments: LedgerDeployment[] = [];
  for (let d = from; d < to; d++) {
    const deployment = history.deployments[d]!;
    const tags = deployment.tags ?? (history.source === 'tags' ? [deployment.name] : []);
    deployments.push({
      index: d - from,
      name: deployment.name,
      tags: [...tags],
      packages: [...new Set(tags.map((tag) => parseTag(tag)?.package ?? null).filter((p) => p !== null))],
      time: iso(deployment.time),
      commits: deployment.shipped,
      leadCommits: history.leadStart[d + 1]! - history.leadStart[d]!,
      classifications: failures.classified
        .filter((c) => c.deployment === d)
        .map((c) => ({ classification: c.classification, rule: c.rule })),
    });
  }
  const { lead, excluded } = commitRows(history, options, subjects, from, to);
  return { deployments, leadTime: markOrder(lead), excluded, window: { since, until } };
}

function commitRows(
  history: History,
  options: LedgerOptions,
  subjects: Subjects,
  from: number,
  to: number,
): { lead: LedgerCommit[]; excluded: LedgerExcluded[] } {
  const lead: LedgerCommit[] = [];
  const excluded: LedgerExcluded[] = [];
  const hashes = history.hashes;
  if (!hashes) return { lead, excluded };
  const authors = history.authors ?? [];
  const isBot = botAuthors(authors, options.botPatterns ?? DEFAULT_BOT_PATTERNS);
  const times = options.clock === 'author' ? history.authorTimes : history.committerTimes;
  const subjectOf = (sha: string) => subjects.get(sha) ?? '(subject not read)';
  for (let d = from; d < to; d++) {
    const deployment = history.deployments[d]!;
    for (let i = history.leadStart[d]!; i < history.leadStart[d + 1]!; i++) {
      const sha = hashAt(hashes.lead, hashes.width, i);
      const authorIndex = history.leadAuthors?.[i] ?? -1;
      const author = authors[authorIndex] ?? 'unknown author';
      const bot = isBot[authorIndex] === 1;
      if (bot && options.excludeBots) {
        excluded.push({ sha, subject: subjectOf(sha), author, deployment: deployment.name, reason: 'bot' });
        continue;
      }
      const hours = Math.max(0, deployment.time - times[i]!) / 3600;
      const row = { sha, subject: subjectOf(sha), author, startedAt: iso(times[i]!), deployment: deployment.name };
      lead.push({ ...row, deploymentIndex: d - from, hours, marks: [], outlier: hours > 365 * 24, bot });
    }
  }
  for (let k = 0; k < hashes.importedBy.length; k++) {
    const d = hashes.importedBy[k]!;
    if (d < from || d >= to) continue;
    const sha = hashAt(hashes.imported, hashes.width, k);
    const deployment = history.deployments[d]!.name;
    excluded.push({ sha, subject: subjectOf(sha), author: '', deployment, reason: 'imported' });
  }
  return { lead, excluded };
}

/**
 * Sorts by lead time and marks the rows the figures are read from: the median is the middle row (both
 * middle rows for an even count, whose mean it is), the p90 the row at nearest rank ⌈0.9 n⌉.
 */
function markOrder(rows: LedgerCommit[]): LedgerCommit[] {
  rows.sort((a, b) => a.hours - b.hours || a.startedAt.localeCompare(b.startedAt) || a.sha.localeCompare(b.sha));
  const n = rows.length;
  if (n === 0) return rows;
  const middle = n % 2 === 1 ? [n >> 1] : [(n >> 1) - 1, n >> 1];
  const p90 = Math.max(1, Math.ceil(0.9 * n)) - 1;
  return rows.map((row, i) => {
    const marks: LedgerCommit['marks'] = [];
    if (middle.includes(i)) marks.push('median');
    if (i === p90) marks.push('p90');
    return marks.length === 0 ? row : { ...row, marks };
  });
}

/** One page of one list, so a history of 12,000 tags never sends more than a page at a time. */
export function ledgerPage<L extends LedgerList>(
  ledger: Ledger,
  list: L,
  offset = 0,
  limit = PAGE_SIZE,
): LedgerPageOf<L> {
  const rows = ledgerRows(ledger, list);
  // A conditional type cannot be narrowed by a generic value; the rows are of `list`'s kind by construction.
  return { list, offset, total: rows.length, rows: rows.slice(offset, offset + limit) } as LedgerPageOf<L>;
}

function ledgerRows<L extends LedgerList>(ledger: Ledger, list: L): readonly LedgerRows[L][] {
  const byList: { readonly [K in LedgerList]: () => readonly LedgerRows[K][] } = {
    deployments: () => ledger.deployments,
    failures: () => ledger.deployments.filter((d) => d.classifications.length > 0),
    'lead-time': () => ledger.leadTime,
    excluded: () => ledger.excluded,
  };
  return byList[list]();
}

/** The commits one deployment ships that count in lead time: what clicking a deployment shows. */
export function commitsOf(ledger: Ledger, deploymentIndex: number): LedgerCommit[] {
  return ledger.leadTime
    .filter((row) => row.deploymentIndex === deploymentIndex)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

function range(history: History, options: Pick<LedgerOptions, 'until' | 'days'>) {
  const until = options.until.getTime() / 1000;
  const since = until - options.days * DAY;
  return { ...windowRange(history, since, until), since, until };
}

function iso(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace('.000Z', 'Z');
}
