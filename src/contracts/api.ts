import type * as vscode from 'vscode';
import type { AssessmentScore } from '../core/scoring/score';
import type { AssessmentDocument, GitInsights, PanelServices } from './seams';

/** A panel as tests drive it: messages go in through the same path the webview's do. */
export interface PanelHandle {
  readonly uri: vscode.Uri;
  /** The live score the panel shows; undefined while the file is not loaded. */
  readonly score: AssessmentScore | undefined;
  /** The VS Code panel, for tests that read the page it was given. */
  readonly webviewPanel: vscode.WebviewPanel;
  receive(message: unknown): Promise<void>;
}

/** What `activate` returns. Light on purpose: the host behind it loads on first use. */
export interface DoraExtensionApi {
  /** Milliseconds spent loading the bundle plus running `activate` (not VS Code's own work in between). */
  readonly activationMs: number;
  /** The loaded host's surface (loading it if needed). */
  host(): Promise<DoraHostApi>;
}

/**
 * A small typed surface for the integration tests and for other extensions. Everything here is also
 * reachable through commands and the UI; this only saves tests from driving them.
 */
export interface DoraHostApi {
  readonly services: PanelServices;
  openDocument(uri: vscode.Uri): Promise<AssessmentDocument>;
  /** The open assessment panel for a file. */
  panel(uri: vscode.Uri): PanelHandle | undefined;
  /** Writes every pending answer now. */
  flushAll(): Promise<void>;
  /** How many git analyses have started since activation. */
  gitRuns(): number;
  /** Ids of the frameworks offered for assessments in this folder (bundled, plus workspace ones when trusted). */
  frameworkIds(assessmentsDir: string): Promise<string[]>;
  /** The status bar item's text, undefined while it is hidden. */
  statusBarText(): string | undefined;
  /** The Assessments view's items: label and description, in order. */
  assessmentItems(): Promise<Array<{ label: string; description: string }>>;
  gitInsights(uri: vscode.Uri, refresh?: boolean): Promise<GitInsights>;
}
