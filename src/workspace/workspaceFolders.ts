import * as path from 'node:path';
import * as vscode from 'vscode';
import { coveredByManifestSchema, fileKindIn } from './assessmentFiles';
import type { CheckedFileKind } from './assessmentFiles';
import { resolveAssessmentsFolder } from './paths';
import type { FolderResolution } from './paths';

/** The folder an action is for: the only one, or the one the user picks in a multi-root workspace. */
export async function pickWorkspaceFolder(purpose: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage(
      `DORA: ${purpose} needs a folder. Open the folder of your project (File > Open Folder), then try again.`,
    );
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: `Which folder? (${purpose})`, ignoreFocusOut: true });
}

/** The absolute assessments folder of a workspace folder (`dora.assessmentsFolder`, `.dora` by default). */
export function assessmentsDirOf(folder: vscode.WorkspaceFolder): FolderResolution {
  const setting = vscode.workspace.getConfiguration('dora', folder.uri).get<unknown>('assessmentsFolder');
  return resolveAssessmentsFolder(folder.uri.fsPath, typeof setting === 'string' ? setting : '.dora');
}

/** `folder/.dora/x.json` in a multi-root workspace, `.dora/x.json` otherwise: what people recognise a file by. */
export function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/** The context key menus match files against: the absolute assessments folder of every workspace folder. */
export const ASSESSMENT_FOLDERS_CONTEXT = 'dora.assessmentFolders';

/** Whether a file sits directly in the assessments folder of its workspace folder (whatever the setting names). */
export function isAssessmentFile(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || !/\.json$/i.test(uri.fsPath)) return false;
  const dir = assessmentsDirOf(folder);
  return dir.ok && path.dirname(uri.fsPath) === dir.dir;
}

/**
 * What the extension validates this document as, itself: an assessment, the team configuration or a
 * framework in a folder that `dora.assessmentsFolder` names and the manifest's schemas do not cover (see
 * assessmentFiles.ts for why the manifest cannot follow the setting). undefined for anything else.
 */
export function ownValidationKind(uri: vscode.Uri): CheckedFileKind | undefined {
  if (uri.scheme !== 'file') return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const dir = assessmentsDirOf(folder);
  if (!dir.ok || coveredByManifestSchema(dir.dir)) return undefined;
  return fileKindIn(dir.dir, uri.fsPath);
}

/**
 * Keeps `dora.assessmentFolders` up to date, so "Open in DORA Assessment" shows on files in the folder
 * `dora.assessmentsFolder` names, not only in `.dora/`.
 */
export function trackAssessmentFolders(): vscode.Disposable {
  const update = () => {
    const dirs = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
      const dir = assessmentsDirOf(folder);
      return dir.ok ? [dir.dir] : [];
    });
    void vscode.commands.executeCommand('setContext', ASSESSMENT_FOLDERS_CONTEXT, dirs);
  };
  update();
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeWorkspaceFolders(update),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dora.assessmentsFolder')) update();
    }),
  );
}
