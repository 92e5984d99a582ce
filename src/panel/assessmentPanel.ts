import * as vscode from 'vscode';
import { COMMAND_IDS, PANEL_VIEW_TYPE } from '../host/contracts';
import type { AssessmentDocument, AssessmentState, PanelServices } from '../host/contracts';
import { parseWebviewMessage } from '../core/protocol';
import type { GitView, HostMessage, PanelState, PanelView, WebviewMessage } from '../core/protocol';
import { scoreAssessment } from '../core/scoring/score';
import type { AssessmentScore } from '../core/scoring/score';
import { GitFeed } from './gitFeed';
import { documentView } from './views';
import { pageFor, webviewOptions } from './webviewPage';
import { openFileAt } from './openFile';

export interface ShowOptions {
  readonly view?: PanelView;
  readonly viewColumn?: vscode.ViewColumn;
  readonly preserveFocus?: boolean;
}

/**
 * One webview panel per assessment file. It shows the file's state, turns the webview's messages into answers
 * on the document, and feeds it the git evidence. Nothing is posted before the webview says it is ready.
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
      if (options.view) existing.show(options.view);
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
  private readonly scoreChanged = new vscode.EventEmitter<AssessmentScore | undefined>();
  private readonly disposed = new vscode.EventEmitter<void>();
  /** Fires when the live score of this assessment changes (an answer, a reload from disk). */
  readonly onDidChangeScore = this.scoreChanged.event;
  readonly onDidDispose = this.disposed.event;
  private readonly git: GitFeed;
  private revision = 0;
  private ready = false;
  /** Messages the bootstrapped page cannot already know (tab switches, failures), held until `ready`. */
  private readonly queued: HostMessage[] = [];
  private currentScore: AssessmentScore | undefined;
  private isDisposed = false;

  private constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    private readonly services: PanelServices,
    readonly document: AssessmentDocument,
    view?: PanelView,
  ) {
    AssessmentPanel.panels.set(document.uri.toString(), this);
    this.git = new GitFeed(services, document, (git) => this.gitChanged(git));
    this.currentScore = scoreOf(document.state);
    webviewPanel.webview.options = webviewOptions(services.extensionUri);
    webviewPanel.webview.html = pageFor(webviewPanel.webview, services.extensionUri, webviewPanel.title, this.state());
    this.disposables.push(
      this.git,
      this.scoreChanged,
      this.disposed,
      webviewPanel.onDidDispose(() => this.dispose()),
      webviewPanel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      webviewPanel.onDidChangeViewState(({ webviewPanel: changed }) => this.viewStateChanged(changed)),
      document.onDidChange((state) => this.documentChanged(state)),
      services.onDidGrantTrust(() => void this.git.load()),
    );
    if (view) this.show(view);
    if (webviewPanel.active) AssessmentPanel.setActive(this);
    void this.git.load();
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  /** The live score, undefined while the file is not loaded; the same engine the webview and the report use. */
  get score(): AssessmentScore | undefined {
    return this.currentScore;
  }

  get gitView(): GitView {
    return this.git.view;
  }

  /** Brings the metrics tab forward (the "Show Git Metrics" command); reads git if nothing is there yet. */
  showMetrics(): void {
    this.webviewPanel.reveal(undefined, false);
    this.show('metrics');
    if (this.git.needsLoad) void this.git.load();
  }

  /** Brings the questions forward at the first one with a suggestion (the "Suggest from git" command). */
  async showSuggestions(): Promise<void> {
    this.webviewPanel.reveal(undefined, false);
    if (this.git.needsLoad) await this.git.load();
    const git = this.git.view;
    const first = git.kind === 'ok' ? git.result.suggestions[0]?.questionId : undefined;
    this.post({ type: 'show', view: 'assessment', ...(first ? { questionId: first } : {}) });
  }

  /** Re-reads git history, ignoring the cache; resolves when the panel shows the new figures. */
  refreshGit(): Promise<void> {
    return this.git.load(true);
  }

  /** Every message from the webview comes through here (tests call it directly); anything off-protocol is logged and dropped. */
  async receive(message: unknown): Promise<void> {
    const parsed = parseWebviewMessage(message);
    if (!parsed.ok) {
      this.services.log.warn(
        `Ignored a message from the assessment panel that does not match the protocol: ${parsed.error}`,
      );
      return;
    }
    try {
      await this.handle(parsed.value);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.services.log.error(`The assessment panel's "${parsed.value.type}" failed: ${text}`);
      this.post({ type: 'error', message: `That did not work: ${text}` });
    }
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

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (message.revision !== this.revision) this.post({ type: 'state', state: this.state() });
        for (const queued of this.queued.splice(0)) this.post(queued);
        return;
      case 'setAnswer': {
        const refusal = this.refuseAnswer(message.questionId);
        if (refusal) {
          this.services.log.warn(`Ignored an answer to "${message.questionId}": ${refusal}`);
          return;
        }
        const { score, notes, evidence } = message;
        this.document.setAnswer(message.questionId, {
          ...(score !== undefined ? { score } : {}),
          ...(notes !== undefined ? { notes } : {}),
          ...(evidence !== undefined ? { evidence } : {}),
        });
        return;
      }
      case 'openFile':
        await openFileAt(this.document.uri, message.line, message.column);
        return;
      case 'refreshGit':
        await this.refreshGit();
        return;
      case 'runCommand':
        await vscode.commands.executeCommand(COMMAND_IDS[message.command], this.document.uri);
        return;
      case 'log':
        this.services.log[message.level](`Assessment panel: ${message.message}`);
        return;
    }
  }

  /** Why an answer must not be applied, if it must not: a file that does not parse is never written. */
  private refuseAnswer(questionId: string): string | undefined {
    const state = this.document.state;
    if (state.kind !== 'loaded')
      return `the file is ${state.kind === 'error' ? 'not readable' : 'missing'}, so nothing is written`;
    const known = state.framework.domains.some((domain) =>
      domain.questions.some((question) => question.id === questionId),
    );
    return known ? undefined : `framework "${state.framework.id}" has no such question`;
  }

  private show(view: PanelView): void {
    this.post({ type: 'show', view });
  }

  private state(): PanelState {
    return {
      revision: this.revision,
      uri: this.document.uri.toString(),
      fileName: vscode.workspace.asRelativePath(this.document.uri, false),
      document: documentView(this.document.state),
      git: this.git.view,
    };
  }

  private documentChanged(state: AssessmentState): void {
    this.revision++;
    this.webviewPanel.title = titleOf(state, this.document.uri);
    this.post({ type: 'state', state: this.state() });
    const score = scoreOf(state);
    if (JSON.stringify(score) !== JSON.stringify(this.currentScore)) {
      this.currentScore = score;
      this.scoreChanged.fire(score);
    }
  }

  private gitChanged(git: GitView): void {
    this.revision++;
    this.post({ type: 'git', revision: this.revision, git });
  }

  /** Before `ready`, state changes need no message: the webview's `ready` carries the revision it painted. */
  private post(message: HostMessage): void {
    if (this.isDisposed) return;
    if (!this.ready) {
      if (message.type !== 'state' && message.type !== 'git') this.queued.push(message);
      return;
    }
    void this.webviewPanel.webview.postMessage(message).then(undefined, (error: unknown) => {
      this.services.log.warn(`Posting "${message.type}" to the assessment panel failed: ${String(error)}`);
    });
  }

  private viewStateChanged(panel: vscode.WebviewPanel): void {
    // A hidden webview is torn down (no retainContextWhenHidden); the page that comes back says `ready` again.
    if (!panel.visible) this.ready = false;
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
