import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Assessment } from '../core/assessment/schema';
import type { Framework } from '../core/framework/schema';
import { formatProblem } from '../core/problems';
import { findInCatalog, loadCatalogAsync } from '../frameworks/catalog';
import { isFrameworkFile, workspaceFrameworksDir } from '../workspace/assessmentFiles';
import type { ParseFramework } from '../frameworks/catalog';
import { listFiles } from '../store/listFiles';
import type { CatalogEntry } from '../frameworks/catalog';
import type { FrameworkLookup } from '../store/assessmentModel';
import { describeLookupFailure, hasFrameworkFiles } from './frameworkLookup';

/**
 * The frameworks people can assess against: the bundled ones, plus `*.yaml` in the `frameworks/` folder
 * beside the assessments (`.dora/frameworks/`). Workspace frameworks are code-like input from whoever wrote
 * the repository, so they are read only in a trusted workspace. Nothing is read until first asked.
 */
export class FrameworkCatalog implements vscode.Disposable {
  private bundledEntries: Promise<CatalogEntry[]> | undefined;
  private readonly workspaceEntries = new Map<string, { signature: string; entries: Promise<CatalogEntry[]> }>();
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when a workspace framework file changes, or trust is granted and workspace frameworks become readable. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionPath: string,
    private readonly isTrusted: () => boolean,
    private readonly log: vscode.LogOutputChannel,
    /** The host parses framework files in its worker thread; in-process when left out. */
    private readonly parse?: ParseFramework,
  ) {
    this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()));
  }

  /** True while workspace frameworks are held back (Restricted Mode). */
  isRestricted(): boolean {
    return !this.isTrusted();
  }

  bundled(): Promise<CatalogEntry[]> {
    this.bundledEntries ??= loadCatalogAsync(
      // The package's own folder: known exactly, so no synchronous search for it on the host.
      [{ dir: path.join(this.extensionPath, 'frameworks'), source: 'bundled' }],
      this.parse,
    ).then((entries) => {
      for (const entry of entries)
        if (!entry.result.ok)
          this.log.error(
            `Bundled framework ${entry.file} does not load: ${entry.result.problems.map(formatProblem).join('; ')}`,
          );
      return entries;
    });
    return this.bundledEntries;
  }

  /**
   * Workspace frameworks for assessments in `assessmentsDir`; none in an untrusted workspace. Read again
   * whenever a file's name, size or modification time changed, so an edit is picked up without relying on
   * a file watcher (which may miss events, e.g. for a folder created after it started).
   */
  async workspace(assessmentsDir: string): Promise<CatalogEntry[]> {
    if (!this.isTrusted()) return [];
    const dir = workspaceFrameworksDir(assessmentsDir);
    const signature = await folderSignature(dir);
    const cached = this.workspaceEntries.get(dir);
    if (cached && cached.signature === signature) return cached.entries;
    const entries =
      signature === '' ? Promise.resolve([]) : loadCatalogAsync([{ dir, source: 'workspace' }], this.parse);
    this.workspaceEntries.set(dir, { signature, entries });
    this.watch();
    return entries;
  }

  /** Bundled first, so a workspace file cannot shadow a bundled framework's id. */
  async entries(assessmentsDir: string | undefined): Promise<CatalogEntry[]> {
    const [bundled, workspace] = await Promise.all([
      this.bundled(),
      assessmentsDir ? this.workspace(assessmentsDir) : Promise.resolve([]),
    ]);
    return [...bundled, ...workspace];
  }

  /** The framework an assessment file names, or a message saying why there is none and how to fix it. */
  async resolve(assessmentFile: string, assessment: Pick<Assessment, 'framework'>): Promise<FrameworkLookup> {
    const dir = path.dirname(assessmentFile);
    const entries = await this.entries(dir);
    const framework = findInCatalog(entries, assessment.framework.id);
    if (framework) return { ok: true, framework, warnings: versionWarnings(assessmentFile, assessment, framework) };
    const frameworksDir = workspaceFrameworksDir(dir);
    return {
      ok: false,
      message: describeLookupFailure({
        id: assessment.framework.id,
        entries,
        trusted: this.isTrusted(),
        frameworksDir,
        heldBack: !this.isTrusted() && (await hasFrameworkFiles(frameworksDir)),
      }),
    };
  }

  private watch(): void {
    if (this.watcher) return;
    this.watcher = vscode.workspace.createFileSystemWatcher('**/frameworks/*.{yaml,yml}');
    // The signature check above keeps reads correct; the watcher only tells open documents to look again.
    const invalidate = () => this.changed.fire();
    this.disposables.push(
      this.watcher,
      this.watcher.onDidChange(invalidate),
      this.watcher.onDidCreate(invalidate),
      this.watcher.onDidDelete(invalidate),
    );
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function versionWarnings(file: string, assessment: Pick<Assessment, 'framework'>, framework: Framework) {
  if (assessment.framework.version === framework.version) return [];
  return [
    {
      severity: 'warning' as const,
      file,
      path: 'framework.version',
      message: `answered against version ${assessment.framework.version} of ${framework.name}; it is now version ${framework.version}. Answers to questions it no longer has are kept and listed as orphaned.`,
    },
  ];
}

/** Names, sizes and modification times of the YAML files in a folder; "" when there are none. */
async function folderSignature(dir: string): Promise<string> {
  const { files, skipped } = await listFiles(dir, isFrameworkFile);
  const parts = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (s) => `${path.basename(file)}:${s.size}:${s.mtimeMs}`,
        () => `${path.basename(file)}:gone`,
      ),
    ),
  );
  return [...parts, ...skipped.map((problem) => `${problem.file ?? ''}:special`)].join('|');
}
