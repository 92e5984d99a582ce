/**
 * The webview's model: the state as the host last confirmed it, plus the answers given here that the host
 * has not acknowledged yet (applied at once, so the score moves on the click, not on the round trip), plus
 * what belongs to the page alone (tab, focus, notices). An acknowledgement folds its answer into the
 * confirmed state; a change from disk replaces the confirmed state, and the unacknowledged answers are
 * applied on top again, so no answer given a moment ago ever blinks out.
 */
import { answerRefusal } from '../src/core/assessment/answerRule';
import type { Framework } from '../src/core/framework/schema';
import { findQuestion } from '../src/core/framework/suggest';
import type { MetricSuggestion } from '../src/core/metrics/result';
import { parseHostMessage } from '../src/core/protocol';
import type {
  DocumentUpdate,
  DocumentView,
  GitView,
  HostMessage,
  PanelState,
  PanelView,
  PersistedState,
  SetAnswerMessage,
} from '../src/core/protocol';
import { scoreAssessment } from '../src/core/scoring/score';
import type { AssessmentScore } from '../src/core/scoring/score';
import { applyLocally } from './answers';
import { LedgerState } from './ledgerState';
import type { SetAnswer } from './answers';

export type LoadedDocument = Extract<DocumentView, { kind: 'loaded' }>;

/** An answer given here: `seq` once it is sent, undefined while it is notes still being typed. */
interface Unconfirmed {
  readonly change: SetAnswer;
  readonly seq: number | undefined;
}

export class PanelModel {
  private confirmed: PanelState;
  /** The framework this page holds: updates from the host leave it out unless it changed. */
  private heldFramework: Framework | undefined;
  private unconfirmed: readonly Unconfirmed[] = [];
  private nextSeq = 1;
  private composed: { base: DocumentView; unconfirmed: readonly Unconfirmed[]; document: DocumentView } | undefined;
  private shownState: { base: PanelState; state: PanelState } | undefined;
  private scored: { document: LoadedDocument; score: AssessmentScore } | undefined;
  private suggestionIndex: { git: GitView; byQuestion: Map<string, MetricSuggestion> } | undefined;
  private readonly listeners = new Set<() => void>();
  view: PanelView;
  /** Host-side failures, shown until dismissed. */
  notices: string[] = [];
  /** The list behind a git figure, when one is open in the metrics tab. */
  readonly ledger = new LedgerState();
  /** A question the host asked to bring forward; consumed by the next render. */
  pendingFocus: string | undefined;

  constructor(state: PanelState, restored?: PersistedState) {
    this.confirmed = state;
    this.heldFramework = state.document.kind === 'loaded' ? state.document.framework : undefined;
    this.view = restored?.uri === state.uri && restored.view ? restored.view : 'assessment';
    this.pendingFocus = restored?.uri === state.uri ? restored.questionId : undefined;
  }

  /** What the panel shows: the confirmed state with the unacknowledged answers applied. */
  get state(): PanelState {
    const document = this.shownDocument();
    if (document === this.confirmed.document) return this.confirmed;
    if (this.shownState?.base !== this.confirmed || this.shownState.state.document !== document)
      this.shownState = { base: this.confirmed, state: { ...this.confirmed, document } };
    return this.shownState.state;
  }

  get loaded(): LoadedDocument | undefined {
    const document = this.shownDocument();
    return document.kind === 'loaded' ? document : undefined;
  }

  get framework(): Framework | undefined {
    return this.loaded?.framework;
  }

  /** The live score, from the same engine the host and the CLI use; recomputed only when the answers change. */
  get score(): AssessmentScore | undefined {
    const document = this.loaded;
    if (!document) return undefined;
    if (this.scored?.document !== document)
      this.scored = { document, score: scoreAssessment(document.framework, document.assessment) };
    return this.scored.score;
  }

  suggestionFor(questionId: string): MetricSuggestion | undefined {
    const git = this.confirmed.git;
    if (git.kind !== 'ok') return undefined;
    if (this.suggestionIndex?.git !== git) {
      this.suggestionIndex = { git, byQuestion: new Map(git.result.suggestions.map((s) => [s.questionId, s])) };
    }
    return this.suggestionIndex.byQuestion.get(questionId);
  }

  /** A message from the host, validated here; returns what was wrong with it, if it was refused. */
  receive(data: unknown): string | undefined {
    const parsed = parseHostMessage(data);
    if (!parsed.ok) return `ignored a message from the host that does not match the protocol: ${parsed.error}`;
    return this.apply(parsed.value);
  }

  apply(message: HostMessage): string | undefined {
    switch (message.type) {
      case 'document': {
        const document = this.withFramework(message.document);
        if (!document) return 'the host sent the assessment without its framework, which this page does not hold';
        this.confirmed = { ...this.confirmed, revision: message.revision, document };
        break;
      }
      case 'ack':
        if (!this.acknowledge(message.seq, message.revision, message.refused)) return undefined;
        break;
      case 'git':
        this.confirmed = { ...this.confirmed, revision: message.revision, git: message.git };
        this.ledger.close();
        break;
      case 'ledger':
        this.ledger.receive(message.ledger);
        break;
      case 'show':
        this.view = message.view;
        if (message.questionId) this.pendingFocus = message.questionId;
        break;
      case 'error':
        this.notices = [...this.notices, message.message];
        break;
    }
    this.changed();
    return undefined;
  }

  /**
   * Shows an answer at once and numbers it for the host; undefined when the one rule in core refuses it
   * (e.g. the file is not loaded), so nothing is sent that the host would have to refuse.
   */
  answer(change: SetAnswer): SetAnswerMessage | undefined {
    const document = this.loaded;
    if (!document || answerRefusal(document, change.questionId) !== undefined) return undefined;
    const message: SetAnswerMessage = { ...change, seq: this.nextSeq++ };
    this.unconfirmed = [...this.unconfirmed, { change, seq: message.seq }];
    this.changed();
    return message;
  }

  /** Notes being typed: shown at once, sent by `takeDrafts` once typing pauses. */
  draftNotes(questionId: string, notes: string): void {
    const document = this.loaded;
    if (!document || answerRefusal(document, questionId) !== undefined) return;
    const draft: Unconfirmed = { change: { type: 'setAnswer', questionId, notes }, seq: undefined };
    const index = this.unconfirmed.findIndex((u) => u.seq === undefined && u.change.questionId === questionId);
    this.unconfirmed =
      index < 0 ? [...this.unconfirmed, draft] : this.unconfirmed.map((u, i) => (i === index ? draft : u));
    this.changed();
  }

  /** The notes typed since the last call, numbered for sending. */
  takeDrafts(): SetAnswerMessage[] {
    if (this.unconfirmed.every((u) => u.seq !== undefined)) return [];
    const sent: SetAnswerMessage[] = [];
    this.unconfirmed = this.unconfirmed.map((u) => {
      if (u.seq !== undefined) return u;
      const seq = this.nextSeq++;
      sent.push({ ...u.change, seq });
      return { change: u.change, seq };
    });
    return sent;
  }

  setView(view: PanelView): void {
    if (this.view === view) return;
    this.view = view;
    this.changed();
  }

  dismissNotice(index: number): void {
    this.notices = this.notices.filter((_, i) => i !== index);
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Folds an acknowledged answer into the confirmed state; true when what is shown changed (a refusal). */
  private acknowledge(seq: number, revision: number, refused: string | undefined): boolean {
    const entry = this.unconfirmed.find((u) => u.seq === seq);
    if (!entry) return false;
    this.unconfirmed = this.unconfirmed.filter((u) => u !== entry);
    const base = this.confirmed.document;
    if (refused === undefined) {
      const document =
        base.kind === 'loaded' ? { ...base, assessment: applyLocally(base.assessment, entry.change) } : base;
      this.confirmed = { ...this.confirmed, revision, document };
      return false;
    }
    const question = this.heldFramework && findQuestion(this.heldFramework, entry.change.questionId);
    this.notices = [
      ...this.notices,
      `Your answer to "${question?.text ?? entry.change.questionId}" was not saved: ${refused}.`,
    ];
    this.confirmed = { ...this.confirmed, revision };
    return true;
  }

  private withFramework(update: DocumentUpdate): DocumentView | undefined {
    if (update.kind !== 'loaded') return update;
    const framework = update.framework ?? this.heldFramework;
    if (!framework) return undefined;
    this.heldFramework = framework;
    return { ...update, framework };
  }

  /** The confirmed document with the unconfirmed answers applied; the same object while its content is the same. */
  private shownDocument(): DocumentView {
    const base = this.confirmed.document;
    const composed = this.composed;
    if (composed?.base === base && composed.unconfirmed === this.unconfirmed) return composed.document;
    let document: DocumentView =
      base.kind === 'loaded' && this.unconfirmed.length > 0
        ? { ...base, assessment: this.unconfirmed.reduce(applyIfAccepted, base).assessment }
        : base;
    // An acknowledgement changes where an answer is kept, not what is shown: keep the object, so nothing is
    // redrawn or scored again.
    if (composed && sameDocument(composed.document, document)) document = composed.document;
    this.composed = { base, unconfirmed: this.unconfirmed, document };
    return document;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function applyIfAccepted(document: LoadedDocument, { change }: Unconfirmed): LoadedDocument {
  if (answerRefusal(document, change.questionId) !== undefined) return document;
  return { ...document, assessment: applyLocally(document.assessment, change) };
}

function sameDocument(a: DocumentView, b: DocumentView): boolean {
  if (a.kind !== 'loaded' || b.kind !== 'loaded') return a === b;
  return (
    a.framework === b.framework &&
    a.warnings === b.warnings &&
    JSON.stringify(a.assessment) === JSON.stringify(b.assessment)
  );
}
