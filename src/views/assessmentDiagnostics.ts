import * as vscode from 'vscode';
import type { Problem } from '../core/problems';
import type { AssessmentParser } from '../services/assessmentParser';
import { ownValidationKind } from '../workspace/workspaceFolders';

/** The pause after the last keystroke before a changed document is checked again. */
const DEBOUNCE_MS = 300;

/**
 * Problems in open files of a custom assessments folder (assessments, `config.yaml`, `frameworks/*.yaml`),
 * as you type: what the schemas show for `.dora/`, from the product's own loaders (the same rules, with
 * line and column, plus duplicate keys, strict timestamps, weights that must sum to 100...). Parsed in the
 * worker thread, so a large file never blocks typing.
 */
export class AssessmentDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dora');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly parser: AssessmentParser) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => void this.check(document)),
      vscode.workspace.onDidChangeTextDocument(({ document }) => this.checkSoon(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.checkAll()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('dora.assessmentsFolder')) void this.checkAll();
      }),
    );
    void this.checkAll();
  }

  /** Settles once every open document has been checked: for the tests, which wait on the result. */
  checkAll(): Promise<void> {
    this.collection.forEach((uri) => {
      if (ownValidationKind(uri) === undefined) this.forget(uri);
    });
    return Promise.all(vscode.workspace.textDocuments.map((document) => this.check(document))).then(() => undefined);
  }

  private checkSoon(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, DEBOUNCE_MS),
    );
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    const kind = ownValidationKind(document.uri);
    if (kind === undefined) return;
    const version = document.version;
    const problems = await this.parser.check(document.uri.fsPath, Buffer.from(document.getText(), 'utf8'), kind);
    // A later edit has its own check coming; a closed document keeps no problems.
    if (document.isClosed || document.version !== version) return;
    this.collection.set(
      document.uri,
      problems.map((problem) => diagnosticOf(problem, document)),
    );
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** At the problem's line and column, to the end of that line; at the start when it has no position. */
function diagnosticOf(problem: Problem, document: vscode.TextDocument): vscode.Diagnostic {
  const line = Math.min(Math.max((problem.line ?? 1) - 1, 0), Math.max(document.lineCount - 1, 0));
  const end = document.lineAt(line).range.end;
  const start = new vscode.Position(line, Math.min(Math.max((problem.column ?? 1) - 1, 0), end.character));
  const message = problem.path ? `${problem.message} (at ${problem.path})` : problem.message;
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(start, start.isEqual(end) ? start : end),
    message,
    problem.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error,
  );
  diagnostic.source = 'DORA';
  return diagnostic;
}
