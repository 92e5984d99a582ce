import type { Score } from '../../src/core/framework/schema';
import type { MetricSuggestion } from '../../src/core/metrics/result';
import type { LedgerList } from '../../src/core/explain/schema';
import type { PanelCommand, PanelView } from '../../src/core/protocol';
import type { SetAnswer } from '../answers';

/**
 * Everything a control in the panel can do; the templates call these and never post messages themselves.
 * Function-typed properties, not methods: they are handed around unbound (e.g. to the keyboard handler).
 */
export interface PanelActions {
  readonly answer: (questionId: string, score: Score) => void;
  readonly clear: (questionId: string) => void;
  /** Any other change to an answer (a Quick Check band or percentage, the benchmark), shown at once and sent. */
  readonly send: (change: SetAnswer) => void;
  readonly useSuggestion: (suggestion: MetricSuggestion) => void;
  /** Every keystroke: updates the model, and sends once typing pauses. */
  readonly editNotes: (questionId: string, notes: string) => void;
  /** Sends pending notes now (the field lost focus). */
  readonly commitNotes: () => void;
  readonly openFile: (line?: number, column?: number) => void;
  readonly refreshGit: () => void;
  /** Measures one package of a monorepo, or (null) the whole repository. */
  readonly choosePackage: (name: string | null) => void;
  readonly run: (command: PanelCommand) => void;
  readonly showView: (view: PanelView) => void;
  readonly focusQuestion: (questionId: string) => void;
  readonly dismissNotice: (index: number) => void;
  /** Opens the list behind a git figure; with `deployment`, the commits that deployment ships. */
  readonly explain: (list: LedgerList, deployment?: number) => void;
  readonly showMoreLedger: () => void;
  readonly closeLedger: () => void;
  /** Opens a commit's diff in the editor. */
  readonly openCommit: (sha: string) => void;
}
