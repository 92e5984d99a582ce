import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnswerOutcome, AnswerPatch, AssessmentDocument, AssessmentState } from '../contracts/seams';
import { AssessmentModel } from './assessmentModel';
import type { AssessmentModelOptions } from './assessmentModel';

/**
 * An assessment file as the host sees it: the vscode-free `AssessmentModel` plus a file watcher (so a git
 * pull, a hand edit or another window is read in) and an event for the panel, the tree and the status bar.
 */
export class FileAssessmentDocument implements AssessmentDocument {
  private readonly changed = new vscode.EventEmitter<AssessmentState>();
  readonly onDidChange = this.changed.event;
  private readonly model: AssessmentModel;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  private constructor(
    readonly uri: vscode.Uri,
    options: Omit<AssessmentModelOptions, 'file' | 'onState'>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.model = new AssessmentModel({ ...options, file: uri.fsPath, onState: (state) => this.changed.fire(state) });
    const folder = vscode.Uri.file(path.dirname(uri.fsPath));
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(folder, path.basename(uri.fsPath)),
    );
    const reread = () => {
      this.model
        .diskChanged()
        .catch((error: unknown) => this.log.error(`Could not re-read ${uri.fsPath}: ${String(error)}`));
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(reread),
      watcher.onDidCreate(reread),
      watcher.onDidDelete(reread),
    );
  }

  static async open(
    uri: vscode.Uri,
    options: Omit<AssessmentModelOptions, 'file' | 'onState'>,
    log: vscode.LogOutputChannel,
  ): Promise<FileAssessmentDocument> {
    const document = new FileAssessmentDocument(uri, options, log);
    await document.model.load();
    return document;
  }

  get state(): AssessmentState {
    return this.model.state;
  }

  setAnswer(questionId: string, patch: AnswerPatch): AnswerOutcome {
    const outcome = this.model.setAnswer(questionId, patch);
    if (!outcome.applied)
      this.log.warn(
        `Answer to "${questionId}" in ${this.uri.fsPath} not applied: ${outcome.reason ?? 'unknown reason'}`,
      );
    return outcome;
  }

  flush(): Promise<void> {
    return this.model.flush();
  }

  /** Reads the file again and looks its framework up again, e.g. after trust is granted or a framework file changed. */
  reload(): Promise<void> {
    return this.model.load(true);
  }

  /** Also exposed for a watcher event the OS may drop (e.g. on some network drives). */
  diskChanged(): Promise<void> {
    return this.model.diskChanged();
  }

  async close(): Promise<void> {
    for (const disposable of this.disposables.splice(1)) disposable.dispose();
    try {
      await this.model.dispose();
    } finally {
      this.changed.dispose();
    }
  }

  dispose(): void {
    void this.close().catch((error: unknown) =>
      this.log.error(`Could not save ${this.uri.fsPath} on close: ${String(error)}`),
    );
  }
}
