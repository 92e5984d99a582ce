import * as vscode from 'vscode';
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
