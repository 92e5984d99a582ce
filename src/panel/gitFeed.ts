import * as vscode from 'vscode';
import type { Ledger } from '../core/explain/ledger';
import type { GitView } from '../core/protocol';
import type { AssessmentDocument, PanelServices } from '../contracts/seams';
import { gitView } from './views';

/**
 * The git evidence for one panel: asked in the background, never in an untrusted workspace, cancelled when a
 * newer request or the panel's closing makes it moot.
 */
export class GitFeed implements vscode.Disposable {
  private current: GitView;
  /** What the figures on screen are made of; kept beside them, so listing it never runs git again. */
  private currentLedger: Ledger | undefined;
  private request: vscode.CancellationTokenSource | undefined;
  private disposed = false;

  constructor(
    private readonly services: PanelServices,
    private readonly document: AssessmentDocument,
    private readonly onChange: (view: GitView) => void,
  ) {
    this.current = services.isTrusted() ? { kind: 'loading' } : { kind: 'untrusted' };
  }

  get view(): GitView {
    return this.current;
  }

  get ledger(): Ledger | undefined {
    return this.current.kind === 'ok' ? this.currentLedger : undefined;
  }

  /** A newer request or the panel's closing made this one's answer moot (both can happen while it awaits). */
  private isMoot(request: vscode.CancellationTokenSource): boolean {
    return request.token.isCancellationRequested || this.disposed;
  }

  /** Reads (or, with `refresh`, re-reads) the insights; resolves once the view is settled. */
  async load(refresh = false): Promise<void> {
    if (this.disposed) return;
    if (!this.services.isTrusted()) {
      this.set({ kind: 'untrusted' });
      return;
    }
    const previous = this.request;
    const request = new vscode.CancellationTokenSource();
    this.request = request;
    this.set({ kind: 'loading' });
    try {
      // Join the new request before dropping the old one, so an analysis both want keeps running.
      const pending = this.services.gitInsights(this.document, { refresh, token: request.token });
      previous?.cancel();
      const insights = await pending;
      if (this.isMoot(request)) return;
      const { view, problem } = gitView(insights);
      this.currentLedger = insights.kind === 'ok' ? insights.ledger : undefined;
      if (problem)
        this.services.log.error(
          `Git insights for ${this.document.uri.fsPath} do not match the panel protocol: ${problem}`,
        );
      this.set(view);
    } catch (error) {
      if (this.isMoot(request)) return;
      const message = error instanceof Error ? error.message : String(error);
      this.services.log.error(`Reading git history for ${this.document.uri.fsPath} failed: ${message}`);
      this.set({
        kind: 'unavailable',
        reason: `Git history could not be read (${message}). Use "Refresh from git" to try again.`,
      });
    } finally {
      if (this.request === request) this.request = undefined;
      request.dispose();
    }
  }

  /** True when no answer from git is on screen or on its way, so a command asking for suggestions should fetch them. */
  get needsLoad(): boolean {
    return this.current.kind === 'unavailable' || (this.current.kind === 'untrusted' && this.services.isTrusted());
  }

  dispose(): void {
    this.disposed = true;
    this.request?.cancel();
  }

  private set(view: GitView): void {
    this.current = view;
    this.onChange(view);
  }
}
