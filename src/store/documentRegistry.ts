import * as vscode from 'vscode';
import type { AnswerOutcome, AnswerPatch, AssessmentDocument, AssessmentState } from '../contracts/seams';
import type { AssessmentModelOptions } from '../store/assessmentModel';
import { FileAssessmentDocument } from './fileDocument';

interface Shared {
  readonly document: Promise<FileAssessmentDocument>;
  refs: number;
}

/**
 * One document per file, shared by the panel, the tree, commands and tests, so two views of a file never
 * hold two copies that would write over each other. Every `open` returns its own handle; the file is
 * flushed and closed when the last handle is disposed.
 */
export class DocumentRegistry implements vscode.Disposable {
  private readonly shared = new Map<string, Shared>();

  constructor(
    private readonly options: (uri: vscode.Uri) => Omit<AssessmentModelOptions, 'file' | 'onState'>,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async open(uri: vscode.Uri): Promise<AssessmentDocument> {
    const key = keyOf(uri);
    let entry = this.shared.get(key);
    if (!entry) {
      const file = vscode.Uri.file(uri.fsPath);
      entry = { document: FileAssessmentDocument.open(file, this.options(file), this.log), refs: 0 };
      this.shared.set(key, entry);
      entry.document.catch(() => this.shared.delete(key));
    }
    entry.refs++;
    try {
      return new DocumentHandle(await entry.document, () => this.release(key));
    } catch (error) {
      entry.refs--;
      throw error;
    }
  }

  /** The open documents, e.g. to reload them all when trust is granted. */
  async openDocuments(): Promise<FileAssessmentDocument[]> {
    const settled = await Promise.allSettled([...this.shared.values()].map((entry) => entry.document));
    return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  async reloadAll(): Promise<void> {
    await Promise.all((await this.openDocuments()).map((document) => document.reload()));
  }

  async flushAll(): Promise<void> {
    await Promise.all((await this.openDocuments()).map((document) => document.flush()));
  }

  private release(key: string): void {
    const entry = this.shared.get(key);
    if (!entry) return;
    entry.refs--;
    if (entry.refs > 0) return;
    this.shared.delete(key);
    void entry.document
      .then((document) => document.close())
      .catch((error: unknown) => this.log.error(`Could not close ${key}: ${String(error)}`));
  }

  /** Flushes and closes every document (deactivation); waits for the writes. */
  async closeAll(): Promise<void> {
    const entries = [...this.shared.values()];
    this.shared.clear();
    await Promise.allSettled(entries.map((entry) => entry.document.then((document) => document.close())));
  }

  dispose(): void {
    void this.closeAll();
  }
}

/** What a caller holds: the shared document, with a `dispose` that releases only this caller's reference. */
class DocumentHandle implements AssessmentDocument {
  private released = false;

  constructor(
    private readonly document: FileAssessmentDocument,
    private readonly release: () => void,
  ) {}

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  get state(): AssessmentState {
    return this.document.state;
  }

  get onDidChange(): vscode.Event<AssessmentState> {
    return this.document.onDidChange;
  }

  setAnswer(questionId: string, patch: AnswerPatch): AnswerOutcome {
    if (this.released) return { applied: false, reason: 'the document is closed' };
    return this.document.setAnswer(questionId, patch);
  }

  flush(): Promise<void> {
    return this.document.flush();
  }

  dispose(): void {
    if (this.released) return;
    this.released = true;
    this.release();
  }
}

/** Case and encoding differences in a uri must not give one file two documents. */
function keyOf(uri: vscode.Uri): string {
  const file = vscode.Uri.file(uri.fsPath).toString();
  return process.platform === 'win32' || process.platform === 'darwin' ? file.toLowerCase() : file;
}
