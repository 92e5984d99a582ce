/**
 * The host's end of the panel protocol, without vscode (so the whole answer loop runs in unit tests). It
 * decides what the webview is told: the page carries the framework once; a change the page made itself
 * is acknowledged, never echoed; any other change sends the new document, without the framework the page
 * already holds.
 */
import { parseWebviewMessage } from '../core/protocol';
import type {
  DocumentUpdate,
  GitView,
  HostMessage,
  PanelState,
  PanelView,
  SetAnswerMessage,
  WebviewMessage,
} from '../core/protocol';
import type { Framework } from '../core/framework/schema';
import type { AnswerOutcome, AnswerPatch, AssessmentState } from '../contracts/seams';
import type { Ledger } from '../core/explain/ledger';
import { explainPage } from './ledgerPages';
import { documentView } from './views';

/** What the session needs of the document: its state, and a way to change an answer that says if it did. */
export interface SessionDocument {
  readonly state: AssessmentState;
  setAnswer(questionId: string, patch: AnswerPatch): AnswerOutcome;
}

/** Messages the session does not handle itself: the panel runs them (they need vscode). */
export type PanelRequest = Extract<
  WebviewMessage,
  { type: 'openFile' | 'refreshGit' | 'runCommand' | 'openCommit' | 'choosePackage' }
>;

export interface SessionHost {
  /** Delivers a message to the webview (`webview.postMessage`). */
  deliver(message: HostMessage): void;
  run(request: PanelRequest): Promise<void>;
  log(level: 'warn' | 'error', text: string): void;
  readonly git: GitView;
  /** What the git figures on screen are made of, when the analysis listed it. */
  readonly ledger?: Ledger | undefined;
}

export class PanelSession {
  private revision = 0;
  private ready = false;
  /** Messages the bootstrapped page cannot already know (tab switches, failures), held until `ready`. */
  private readonly queued: HostMessage[] = [];
  /** The framework embedded in the current page, which every reload of that page starts from again. */
  private pageFramework: Framework | undefined;
  /** The framework the live page holds, so an update can leave it out. */
  private pageHolds: Framework | undefined;
  /** Set while the page's own answer is being applied, so the change it causes is acknowledged, not echoed. */
  private applyingOwn = false;

  constructor(
    private readonly document: SessionDocument,
    private readonly host: SessionHost,
  ) {}

  /** The state to embed in a new page; from here on, updates are relative to it. */
  pageState(uri: string, fileName: string): PanelState {
    const state = this.document.state;
    this.pageFramework = state.kind === 'loaded' ? state.framework : undefined;
    this.pageHolds = this.pageFramework;
    this.ready = false;
    return { revision: this.revision, uri, fileName, document: documentView(state), git: this.host.git };
  }

  /** Every message from the webview comes through here; anything off-protocol is logged and dropped. */
  async receive(data: unknown): Promise<void> {
    const parsed = parseWebviewMessage(data);
    if (!parsed.ok) {
      this.host.log(
        'warn',
        `Ignored a message from the assessment panel that does not match the protocol: ${parsed.error}`,
      );
      return;
    }
    const message = parsed.value;
    try {
      switch (message.type) {
        case 'ready':
          this.pageReady(message.revision);
          return;
        case 'setAnswer':
          this.answer(message);
          return;
        case 'log':
          this.host.log(message.level, `Assessment panel: ${message.message}`);
          return;
        case 'explain':
          this.post({ type: 'ledger', ledger: explainPage(message, this.host.ledger, this.host.git) });
          return;
        default:
          await this.host.run(message);
      }
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.host.log('error', `The assessment panel's "${message.type}" failed: ${text}`);
      this.post({ type: 'error', message: `That did not work: ${text}` });
    }
  }

  /** The document changed: by the page's own answer (acknowledged by `answer`), or otherwise (sent). */
  documentChanged(): void {
    this.revision++;
    if (this.applyingOwn || !this.ready) return;
    this.post({ type: 'document', revision: this.revision, document: this.update() });
  }

  gitChanged(git: GitView): void {
    this.revision++;
    if (this.ready) this.post({ type: 'git', revision: this.revision, git });
  }

  show(view: PanelView, questionId?: string): void {
    this.post({ type: 'show', view, ...(questionId ? { questionId } : {}) });
  }

  /** A hidden webview is torn down (no retainContextWhenHidden); the page that comes back says `ready` again. */
  hidden(): void {
    this.ready = false;
  }

  private pageReady(pageRevision: number): void {
    this.ready = true;
    // A page reloaded from the same HTML starts again from the framework embedded in it.
    this.pageHolds = this.pageFramework;
    if (pageRevision !== this.revision) {
      this.post({ type: 'document', revision: this.revision, document: this.update() });
      this.post({ type: 'git', revision: this.revision, git: this.host.git });
    }
    for (const queued of this.queued.splice(0)) this.post(queued);
  }

  private answer(message: SetAnswerMessage): void {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type is the envelope, not the patch
    const { type, seq, questionId, ...patch } = message;
    let outcome: AnswerOutcome;
    this.applyingOwn = true;
    try {
      outcome = this.document.setAnswer(questionId, patch);
    } finally {
      this.applyingOwn = false;
    }
    if (!outcome.applied) this.host.log('warn', `Ignored an answer to "${questionId}": ${outcome.reason ?? 'refused'}`);
    if (!this.ready) return;
    this.post({
      type: 'ack',
      revision: this.revision,
      seq,
      ...(outcome.applied ? {} : { refused: outcome.reason ?? 'the answer was not accepted' }),
    });
  }

  /** The document for the page, with the framework only when the page does not hold that one already. */
  private update(): DocumentUpdate {
    const view = documentView(this.document.state);
    if (view.kind !== 'loaded') return view;
    if (sameFramework(view.framework, this.pageHolds))
      return { kind: 'loaded', assessment: view.assessment, warnings: view.warnings };
    this.pageHolds = view.framework;
    return view;
  }

  private post(message: HostMessage): void {
    if (!this.ready) {
      if (message.type === 'show' || message.type === 'error') this.queued.push(message);
      return;
    }
    this.host.deliver(message);
  }
}

/** By reference first (the usual case: an answer or a reload that resolved the same framework object). */
function sameFramework(a: Framework, b: Framework | undefined): boolean {
  return a === b || (b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}
