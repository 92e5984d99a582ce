import type { Ledger } from '../core/explain/ledger';
import { ledgerPage } from '../core/explain/ledger';
import type { LedgerCommit, LedgerDeployment, LedgerExcluded } from '../core/explain/schema';
import { formatDuration, plural } from '../core/vocabulary/format';

/** What `metrics --explain` can list. */
export const EXPLAIN_LISTS = ['deployments', 'lead-time', 'failures', 'excluded'] as const;
export type ExplainList = (typeof EXPLAIN_LISTS)[number];

/** A whole list, for `--json`: the rows as the panel gets them, without paging. */
export function explainJson(ledger: Ledger, list: ExplainList): unknown {
  const page = ledgerPage(ledger, list, 0, Number.MAX_SAFE_INTEGER);
  return { list, total: page.total, rows: page.rows };
}

/** A whole list as an aligned text table; subjects and names are the repository's text, printed as text. */
export function explainLines(ledger: Ledger, list: ExplainList): string[] {
  switch (list) {
    case 'deployments':
      return deploymentTable(ledger.deployments, `${plural(ledger.deployments.length, 'deployment')} in the window`);
    case 'failures': {
      const failed = ledger.deployments.filter((d) => d.classifications.length > 0);
      return [
        ...deploymentTable(failed, `${plural(failed.length, 'classified deployment')} in the window`),
        '',
        ...failed.flatMap((d) => d.classifications.map((c) => `${d.name} (${c.classification}): ${c.rule}`)),
      ];
    }
    case 'lead-time':
      return commitTable(ledger.leadTime);
    case 'excluded':
      return excludedTable(ledger.excluded);
  }
}

function deploymentTable(rows: readonly LedgerDeployment[], title: string): string[] {
  return [
    title,
    ...table(
      ['Deployment', 'Packages', 'Time', 'Commits', 'Classification'],
      rows.map((d) => [
        d.tags.length > 1 ? `${d.name} (+${d.tags.length - 1} tags)` : d.name,
        d.packages.join(', '),
        d.time,
        String(d.commits),
        d.classifications.map((c) => c.classification).join(', '),
      ]),
    ),
  ];
}

function commitTable(rows: readonly LedgerCommit[]): string[] {
  return [
    `${plural(rows.length, 'commit')} in lead time, shortest first`,
    ...table(
      ['Commit', 'Lead time', 'Deployment', 'Started', 'Author', 'Subject'],
      rows.map((c) => [
        `${c.sha.slice(0, 10)}${c.marks.length > 0 ? ` ${c.marks.join(', ')}` : ''}`,
        `${formatDuration(c.hours)}${c.outlier ? ' (outlier)' : ''}`,
        c.deployment,
        c.startedAt,
        `${c.author.replace(/\s*<[^>]*>$/, '')}${c.bot ? ' (bot)' : ''}`,
        c.subject,
      ]),
    ),
  ];
}

const REASONS: Record<LedgerExcluded['reason'], string> = {
  bot: 'bot (excludeBots)',
  imported: 'imported history',
};

function excludedTable(rows: readonly LedgerExcluded[]): string[] {
  return [
    `${plural(rows.length, 'commit')} left out of lead time`,
    ...table(
      ['Commit', 'Reason', 'Deployment', 'Subject'],
      rows.map((e) => [e.sha.slice(0, 10), REASONS[e.reason], e.deployment, e.subject]),
    ),
  ];
}

/** Columns padded to their widest cell, the last one left free so long subjects do not pad every line. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const flat = (cell: string) => visible(cell.replace(/[\t\n\r]+/g, ' '));
  const all = [header, ...rows].map((row) => row.map(flat));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]?.length ?? 0)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return all.map(line);
}

/** Control characters as visible `\u001b`-style escapes: a commit subject must not drive the terminal. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
