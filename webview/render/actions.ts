import type { Score } from '../../src/core/framework/schema';
import type { MetricSuggestion } from '../../src/core/metrics/result';
import type { PanelCommand, PanelView } from '../../src/core/protocol';
import type { SetAnswer } from '../answers';

/** Everything a control in the panel can do; the templates call these and never post messages themselves. */
export interface PanelActions {
  answer(questionId: string, score: Score): void;
  clear(questionId: string): void;
  /** Any other change to an answer (a Quick Check band or percentage, the benchmark), shown at once and sent. */
  send(change: SetAnswer): void;
  useSuggestion(suggestion: MetricSuggestion): void;
  /** Every keystroke: updates the model, and sends once typing pauses. */
  editNotes(questionId: string, notes: string): void;
  /** Sends pending notes now (the field lost focus). */
  commitNotes(): void;
  openFile(line?: number, column?: number): void;
  refreshGit(): void;
  run(command: PanelCommand): void;
  showView(view: PanelView): void;
  focusQuestion(questionId: string): void;
  dismissNotice(index: number): void;
}
