import * as vscode from 'vscode';
import { assessmentsDirOf } from '../workspace/workspaceFolders';
import { formatProblem } from '../core/problems';
import { newestFirst, summariseFolder } from './assessmentSummary';
import type { AssessmentSummary, SummaryCache } from './assessmentSummary';
import type { AssessmentParser } from './assessmentParser';
import type { FrameworkCatalog } from './frameworkCatalog';

export interface AssessmentListing {
  readonly summaries: readonly AssessmentSummary[];
  /** Folders whose `dora.assessmentsFolder` setting could not be used, with why. */
  readonly problems: readonly string[];
}

/** Shared by the tree and the quick pick: an unchanged file is parsed once, however often either asks. */
const cache: SummaryCache = new Map();

/** Every assessment in the assessments folder of every workspace folder, newest first. */
export async function listAssessments(catalog: FrameworkCatalog, parser: AssessmentParser): Promise<AssessmentListing> {
  const summaries: AssessmentSummary[] = [];
  const problems: string[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const dir = assessmentsDirOf(folder);
    if (!dir.ok) {
      problems.push(`${folder.name}: ${dir.message}`);
      continue;
    }
    const listed = await summariseFolder(
      dir.dir,
      (file, assessment) => catalog.resolve(file, assessment),
      cache,
      parser,
    );
    summaries.push(...listed.summaries);
    problems.push(...listed.skipped.map(formatProblem));
  }
  return { summaries: summaries.sort(newestFirst), problems };
}

/** Watches `*.json` in each folder's assessments folder; rebuilt when folders or the setting change. */
export class AssessmentFilesWatcher implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private watchers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor() {
    this.rebuild();
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rebuild()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('dora.assessmentsFolder')) this.rebuild();
      }),
    );
  }

  private rebuild(): void {
    for (const watcher of this.watchers.splice(0)) watcher.dispose();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const dir = assessmentsDirOf(folder);
      if (!dir.ok) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(dir.dir), '*.json'),
      );
      const fire = () => this.changed.fire();
      this.watchers.push(watcher, watcher.onDidChange(fire), watcher.onDidCreate(fire), watcher.onDidDelete(fire));
    }
    this.changed.fire();
  }

  dispose(): void {
    for (const disposable of [...this.watchers.splice(0), ...this.disposables.splice(0)]) disposable.dispose();
  }
}
