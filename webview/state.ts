/**
 * The webview's model: the host's state as last received, the answers given since (applied at once so the
 * score moves on the click, not on the round trip), and what belongs to the page alone (tab, focus, notices).
 */
import type { Framework } from '../src/core/framework/schema';
import type { MetricSuggestion } from '../src/core/metrics/result';
import type { DocumentView, GitView, HostMessage, PanelState, PanelView, PersistedState } from '../src/core/protocol';
import { scoreAssessment } from '../src/core/scoring/score';
import type { AssessmentScore } from '../src/core/scoring/score';
import { applyLocally } from './answers';
import type { SetAnswer } from './answers';

export type LoadedDocument = Extract<DocumentView, { kind: 'loaded' }>;

export class PanelModel {
  private current: PanelState;
  private scored: { document: LoadedDocument; score: AssessmentScore } | undefined;
  private suggestionIndex: { git: GitView; byQuestion: Map<string, MetricSuggestion> } | undefined;
  private readonly listeners = new Set<() => void>();
  view: PanelView;
  /** Host-side failures, shown until dismissed. */
  notices: string[] = [];
  /** A question the host asked to bring forward; consumed by the next render. */
  pendingFocus: string | undefined;

  constructor(state: PanelState, restored?: PersistedState) {
    this.current = state;
    this.view = restored?.uri === state.uri && restored.view ? restored.view : 'assessment';
    this.pendingFocus = restored?.uri === state.uri ? restored.questionId : undefined;
  }

  get state(): PanelState {
    return this.current;
  }

  get loaded(): LoadedDocument | undefined {
    return this.current.document.kind === 'loaded' ? this.current.document : undefined;
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
    const git = this.current.git;
    if (git.kind !== 'ok') return undefined;
    if (this.suggestionIndex?.git !== git) {
      this.suggestionIndex = { git, byQuestion: new Map(git.result.suggestions.map((s) => [s.questionId, s])) };
    }
    return this.suggestionIndex.byQuestion.get(questionId);
  }

  apply(message: HostMessage): void {
    switch (message.type) {
      case 'state':
        this.current = message.state;
        break;
      case 'git':
        this.current = { ...this.current, revision: message.revision, git: message.git };
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
  }

  /** Applies an answer before the host confirms it; the host's next state replaces it either way. */
  answerLocally(message: SetAnswer): void {
    const document = this.loaded;
    if (!document) return;
    const assessment = applyLocally(document.assessment, message);
    this.current = { ...this.current, document: { ...document, assessment } };
    this.changed();
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

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
