import * as vscode from 'vscode';
import { COMMAND_IDS, PANEL_VIEW_TYPE } from '../contracts/ids';
import type { AssessmentDocument, AssessmentState, PanelServices } from '../contracts/seams';
import type { GitView, HostMessage, PanelView } from '../core/protocol';
import { scoreAssessment } from '../core/scoring/score';
import type { AssessmentScore } from '../core/scoring/score';
import { openCommit } from './commitDocument';
import { GitFeed } from './gitFeed';
import { repositoryFolder } from '../services/gitInsights';
import { PanelSession } from './panelSession';
import type { PanelRequest } from './panelSession';
import { pageFor, webviewOptions } from './webviewPage';
import { openFileAt } from './openFile';

export interface ShowOptions {
  readonly view?: PanelView;
  readonly viewColumn?: vscode.ViewColumn;
  readonly preserveFocus?: boolean;
}

/**
 * One webview panel per assessment file: the vscode side of it (the webview, its title, focus, commands).
 * What the webview is told, and when, is decided by its `PanelSession`.
 */
export class AssessmentPanel implements vscode.Disposable {
  private static readonly panels = new Map<string, AssessmentPanel>();
  private static activePanel: AssessmentPanel | undefined;
  private static readonly activeChanged = new vscode.EventEmitter<AssessmentPanel | undefined>();
  /** Fires when the focused assessment panel changes (undefined: none is focused). */
  static readonly onDidChangeActivePanel = AssessmentPanel.activeChanged.event;

  /** The assessment panel that has the focus, if any. */
  static get active(): AssessmentPanel | undefined {
    return AssessmentPanel.activePanel;
  }

  static forUri(uri: vscode.Uri): AssessmentPanel | undefined {
    return AssessmentPanel.panels.get(uri.toString());
  }

  static get all(): readonly AssessmentPanel[] {
    return [...AssessmentPanel.panels.values()];
  }

  /** Reveals the panel of this file, or opens one. */
  /**
   * Shows the panel for a document, creating it if needed. The panel takes over the caller's reference to
   * the document and releases it when it closes; when a panel for the file already exists, the extra
   * reference is released at once.
   */
  static createOrShow(
    services: PanelServices,
    document: AssessmentDocument,
    options: ShowOptions = {},
  ): AssessmentPanel {
    const existing = AssessmentPanel.forUri(document.uri);
    if (existing) {
      existing.releaseIfNotMine(document);
      existing.webviewPanel.reveal(options.viewColumn, options.preserveFocus);
      if (options.view) existing.session.show(options.view);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      titleOf(document.state, document.uri),
      { viewColumn: options.viewColumn ?? vscode.ViewColumn.Active, preserveFocus: options.preserveFocus ?? false },
      webviewOptions(services.extensionUri),
    );
    return new AssessmentPanel(panel, services, document, options.view);
  }

  /** Takes over a panel VS Code restored after a window reload. */
  static revive(panel: vscode.WebviewPanel, services: PanelServices, document: AssessmentDocument): AssessmentPanel {
    const existing = AssessmentPanel.forUri(document.uri);
    if (existing) {
      panel.dispose();
      existing.releaseIfNotMine(document);
      return existing;
    }
    return new AssessmentPanel(panel, services, document);
  }

  private releaseIfNotMine(document: AssessmentDocument): void {
    if (document !== this.document) document.dispose();
  }

  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly git: GitFeed;
  private readonly session: PanelSession;
  /** The score of the state last asked about: computed when someone reads it, not on every change. */
  private scored: { state: AssessmentState; score: AssessmentScore | undefined } | undefined;
  private isDisposed = false;

  private constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    private readonly services: PanelServices,
    readonly document: AssessmentDocument,
    view?: PanelView,
  ) {
    AssessmentPanel.panels.set(document.uri.toString(), this);
    const git = new GitFeed(services, document, (view) => this.session.gitChanged(view));
    this.git = git;
    this.session = new PanelSession(document, {
      deliver: (message) => this.deliver(message),
      run: (request) => this.run(request),
      log: (level, text) => this.services.log[level](text),
      get git() {
        return git.view;
      },
      get ledger() {
        return git.ledger;
      },
    });
    webviewPanel.webview.options = webviewOptions(services.extensionUri);
    webviewPanel.webview.html = pageFor(
      webviewPanel.webview,
      services.extensionUri,
      webviewPanel.title,
      this.session.pageState(document.uri.toString(), vscode.workspace.asRelativePath(document.uri, false)),
    );
    this.disposables.push(
      this.git,
      this.disposed,
      webviewPanel.onDidDispose(() => this.dispose()),
      webviewPanel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      webviewPanel.onDidChangeViewState(({ webviewPanel: changed }) => this.viewStateChanged(changed)),
      document.onDidChange((state) => this.documentChanged(state)),
      services.onDidGrantTrust(() => void this.git.load()),
    );
    if (view) this.session.show(view);
    if (webviewPanel.active) AssessmentPanel.setActive(this);
    void this.git.load();
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  /** The live score, undefined while the file is not loaded; the same engine the webview and the report use. */
  get score(): AssessmentScore | undefined {
    const state = this.document.state;
    if (this.scored?.state !== state) this.scored = { state, score: scoreOf(state) };
    return this.scored.score;
  }

  get gitView(): GitView {
    return this.git.view;
  }

  /** Brings the metrics tab forward (the "Show Git Metrics" command); reads git if nothing is there yet. */
  showMetrics(): void {
    this.webviewPanel.reveal(undefined, false);
    this.session.show('metrics');
    if (this.git.needsLoad) void this.git.load();
  }

  /** Brings the questions forward at the first one with a suggestion (the "Suggest from git" command). */
  async showSuggestions(): Promise<void> {
    this.webviewPanel.reveal(undefined, false);
    if (this.git.needsLoad) await this.git.load();
    const git = this.git.view;
    this.session.show('assessment', git.kind === 'ok' ? git.result.suggestions[0]?.questionId : undefined);
  }

  /** Re-reads git history, ignoring the cache; resolves when the panel shows the new figures. */
  refreshGit(): Promise<void> {
    return this.git.load(true);
  }

  /** Every message from the webview comes through here (tests call it directly); anything off-protocol is logged and dropped. */
  receive(message: unknown): Promise<void> {
    return this.session.receive(message);
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    AssessmentPanel.panels.delete(this.document.uri.toString());
    if (AssessmentPanel.activePanel === this) AssessmentPanel.setActive(undefined);
    void this.document
      .flush()
      .catch((error: unknown) =>
        this.services.log.error(`Saving ${this.document.uri.fsPath} on close failed: ${String(error)}`),
      )
      .finally(() => {
        this.document.dispose();
      });
    this.disposed.fire();
    this.webviewPanel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  /** The requests that need vscode: opening the file, re-reading git, running one of the extension's commands. */
  private async run(request: PanelRequest): Promise<void> {
    switch (request.type) {
      case 'openFile':
        await openFileAt(this.document.uri, request.line, request.column);
        return;
      case 'refreshGit':
        await this.refreshGit();
        return;
      case 'choosePackage':
        await this.services.choosePackage(this.document, request.package);
        await this.refreshGit();
        return;
      case 'runCommand':
        await vscode.commands.executeCommand(COMMAND_IDS[request.command], this.document.uri);
        return;
      case 'openCommit':
        await openCommit(repositoryFolder(this.document.uri), request.sha);
        return;
    }
  }

  private documentChanged(state: AssessmentState): void {
    this.webviewPanel.title = titleOf(state, this.document.uri);
    this.session.documentChanged();
  }

  private deliver(message: HostMessage): void {
    if (this.isDisposed) return;
    void this.webviewPanel.webview.postMessage(message).then(undefined, (error: unknown) => {
      this.services.log.warn(`Posting "${message.type}" to the assessment panel failed: ${String(error)}`);
    });
  }

  private viewStateChanged(panel: vscode.WebviewPanel): void {
    if (!panel.visible) this.session.hidden();
    if (panel.active) AssessmentPanel.setActive(this);
    else if (AssessmentPanel.activePanel === this) AssessmentPanel.setActive(undefined);
  }

  private static setActive(panel: AssessmentPanel | undefined): void {
    if (AssessmentPanel.activePanel === panel) return;
    AssessmentPanel.activePanel = panel;
    AssessmentPanel.activeChanged.fire(panel);
  }
}

function scoreOf(state: AssessmentState): AssessmentScore | undefined {
  return state.kind === 'loaded' ? scoreAssessment(state.framework, state.assessment) : undefined;
}

function titleOf(state: AssessmentState, uri: vscode.Uri): string {
  const name = state.kind === 'loaded' ? state.assessment.title : (uri.path.split('/').pop() ?? 'Assessment');
  return `DORA: ${name}`;
}
