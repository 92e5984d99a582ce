import type { LedgerList } from '../src/core/explain/schema';
import type { LedgerSummary } from '../src/core/explain/summary';
import type { ExplainMessage, LedgerView } from '../src/core/protocol';

type Rows = Extract<LedgerView, { kind: 'ok' }>['page']['rows'];

/** Which list is open: one of the ledger's lists, or (with `deployment`) the commits one deployment ships. */
export interface LedgerRequest {
  readonly list: LedgerList;
  readonly deployment?: number;
}

export type LedgerShown =
  | { readonly kind: 'closed' }
  | { readonly kind: 'loading'; readonly request: LedgerRequest }
  | { readonly kind: 'unavailable'; readonly request: LedgerRequest; readonly reason: string }
  | {
      readonly kind: 'ok';
      readonly request: LedgerRequest;
      readonly summary: LedgerSummary;
      /** Every page received so far, in order: "Show more" appends the next. */
      readonly rows: Rows;
      readonly total: number;
    };

/**
 * The ledger the metrics tab shows: asked for page by page, kept while the figures it explains are on
 * screen, and closed when new figures arrive (it would explain the old ones).
 */
export class LedgerState {
  shown: LedgerShown = { kind: 'closed' };

  /** Opens a list from its first page; returns the message that asks for it. */
  open(request: LedgerRequest): ExplainMessage {
    this.shown = { kind: 'loading', request };
    return { type: 'explain', list: request.list, offset: 0, ...optional(request.deployment) };
  }

  /** The message for the next page of the open list, or undefined when every row is shown. */
  more(): ExplainMessage | undefined {
    const shown = this.shown;
    if (shown.kind !== 'ok' || shown.rows.length >= shown.total) return undefined;
    return {
      type: 'explain',
      list: shown.request.list,
      offset: shown.rows.length,
      ...optional(shown.request.deployment),
    };
  }

  close(): void {
    this.shown = { kind: 'closed' };
  }

  /** A page arrived; one for a list that is no longer open is dropped. */
  receive(view: LedgerView): void {
    const shown = this.shown;
    if (shown.kind === 'closed') return;
    if (view.kind === 'unavailable') {
      this.shown = { kind: 'unavailable', request: shown.request, reason: view.reason };
      return;
    }
    const request: LedgerRequest = {
      list: view.deployment === undefined ? view.page.list : 'lead-time',
      ...optional(view.deployment),
    };
    if (request.list !== shown.request.list || request.deployment !== shown.request.deployment) return;
    const previous = shown.kind === 'ok' && view.page.offset > 0 ? shown.rows : [];
    if (previous.length !== view.page.offset) return;
    this.shown = {
      kind: 'ok',
      request,
      summary: view.summary,
      rows: [...previous, ...view.page.rows] as Rows,
      total: view.page.total,
    };
  }
}

function optional(deployment: number | undefined): { deployment?: number } {
  return deployment === undefined ? {} : { deployment };
}
