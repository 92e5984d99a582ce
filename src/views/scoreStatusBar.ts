import * as vscode from 'vscode';
import { DELIVERY_PERFORMANCE, figureLine, figureOf } from '../core/quickcheck/figures';
import { COMMAND_IDS } from '../contracts/ids';
import type { AssessmentDocument, AssessmentState } from '../contracts/seams';

/**
 * The score of the assessment in the active panel, in the status bar while that panel is active, kept
 * live as answers change. Hidden whenever no assessment panel has focus.
 */
export class ScoreStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dora.score', vscode.StatusBarAlignment.Left, 50);
  private subscription: vscode.Disposable | undefined;
  private document: AssessmentDocument | undefined;

  constructor() {
    this.item.name = 'DORA Assessment score';
  }

  /** The active panel's document, or undefined when no assessment panel is active. */
  show(document: AssessmentDocument | undefined): void {
    if (document === this.document) return;
    this.subscription?.dispose();
    this.subscription = undefined;
    this.document = document;
    if (!document) {
      this.item.hide();
      return;
    }
    this.subscription = document.onDidChange((state) => this.render(document, state));
    this.render(document, document.state);
  }

  /** What the item says, for tests: its text, or undefined when hidden. */
  get text(): string | undefined {
    return this.document ? this.item.text : undefined;
  }

  private render(document: AssessmentDocument, state: AssessmentState): void {
    this.item.command = { command: COMMAND_IDS.generateReport, title: 'Generate Report', arguments: [document.uri] };
    if (state.kind === 'loaded') {
      // Named for what it measures: a Quick Check's delivery performance is never a practice percentage.
      const figure = figureOf(state.framework, state.assessment);
      const icon = figure.name === DELIVERY_PERFORMANCE ? '$(dashboard)' : '$(checklist)';
      const value = figure.value === 'not scored yet' ? 'not scored yet' : figure.short;
      const note = figure.provisional ? ` (provisional, ${figure.answered} of ${figure.total})` : '';
      this.item.text = `${icon} ${figure.name} ${value}${note}`;
      this.item.tooltip = `${state.assessment.title} (${state.framework.name}): ${figureLine(figure)}; answered ${figure.answered} of ${figure.total}. Click to generate the report.`;
      this.item.backgroundColor = undefined;
    } else {
      this.item.text = state.kind === 'missing' ? '$(warning) DORA: file missing' : '$(error) DORA: file does not load';
      this.item.tooltip =
        state.kind === 'missing'
          ? 'The assessment file was deleted or moved.'
          : 'The assessment file does not parse; the panel shows where. It is not written until it parses again.';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
    this.item.show();
  }

  dispose(): void {
    this.subscription?.dispose();
    this.item.dispose();
  }
}
