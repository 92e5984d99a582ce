import type * as vscode from 'vscode';
import type { PanelView } from '../core/protocol';
import type { AssessmentParser } from '../services/assessmentParser';
import type { FrameworkCatalog } from '../services/frameworkCatalog';
import type { GitInsightsService } from '../services/gitInsights';
import type { DocumentRegistry } from '../store/documentRegistry';
import type { AssessmentsTreeProvider } from '../views/assessmentsTree';

/** What the commands need from the panel; implemented over src/panel in extension.ts. */
export interface PanelBridge {
  /** Opens (or brings forward) the panel for this file, optionally at a tab. */
  open(uri: vscode.Uri, view?: PanelView): Promise<void>;
  /** The file of the focused assessment panel, if one has the focus. */
  activeUri(): vscode.Uri | undefined;
  /** Has the open panel for this file ask for git insights again; resolves when it shows them. */
  refreshGit(uri: vscode.Uri): Promise<void>;
  /** Brings the questions forward at the first suggestion. */
  showSuggestions(uri: vscode.Uri): Promise<void>;
  /** Brings the metrics tab forward. */
  showMetrics(uri: vscode.Uri): void;
}

/** Everything a command factory receives: no container, just the parts, built once in `activate`. */
export interface HostContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly catalog: FrameworkCatalog;
  /** Parses assessment files for the lists and the report's comparison, off the host's thread. */
  readonly parser: AssessmentParser;
  readonly documents: DocumentRegistry;
  readonly git: GitInsightsService;
  readonly panels: PanelBridge;
  readonly tree: AssessmentsTreeProvider;
  /** The "DORA Git Metrics" output channel, created on first use. */
  metricsOutput(): vscode.OutputChannel;
}
