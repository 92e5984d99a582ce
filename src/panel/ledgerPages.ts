import { commitsOf, ledgerPage, PAGE_SIZE } from '../core/explain/ledger';
import type { Ledger } from '../core/explain/ledger';
import { ledgerSummary } from '../core/explain/summary';
import type { ExplainMessage, GitView, LedgerView } from '../core/protocol';

/**
 * Answers the panel's `explain` from the analysis already made: no git runs, and only one page (200 rows)
 * travels, so a history of 12,000 tags stays far under a megabyte per message.
 */
export function explainPage(request: ExplainMessage, ledger: Ledger | undefined, git: GitView): LedgerView {
  if (!ledger) return { kind: 'unavailable', reason: unavailableReason(git) };
  const summary = ledgerSummary(ledger);
  if (request.deployment === undefined)
    return { kind: 'ok', summary, page: ledgerPage(ledger, request.list, request.offset) };
  const rows = commitsOf(ledger, request.deployment);
  return {
    kind: 'ok',
    summary,
    deployment: request.deployment,
    page: {
      list: 'lead-time',
      offset: request.offset,
      total: rows.length,
      rows: rows.slice(request.offset, request.offset + PAGE_SIZE),
    },
  };
}

function unavailableReason(git: GitView): string {
  switch (git.kind) {
    case 'untrusted':
      return 'This workspace is not trusted, so git is not run and there is nothing to explain. Trust the workspace (Manage Workspace Trust) to see the deployments and commits behind the figures.';
    case 'unavailable':
      return git.reason;
    case 'loading':
      return 'Git history is still being read; the list appears when it is done.';
    case 'ok':
      return 'These figures were measured before the panel could list what they are made of. Use "Refresh from git" to list them.';
  }
}
