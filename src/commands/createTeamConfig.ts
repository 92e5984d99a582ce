import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../core/config/schema';
import { configTemplate } from '../core/config/template';
import { assessmentsDirOf, displayPath, pickWorkspaceFolder } from '../workspace/workspaceFolders';
import { findInCatalog } from '../frameworks/catalog';
import { trusted, withGitProgress } from './gitCommands';
import type { HostContext } from './hostContext';

/**
 * DORA: Create Team Configuration. Runs the analysis and writes `<assessments folder>/config.yaml` from
 * what it detected (and the settings the user set), with a comment per choice, for the team to review and
 * commit. An existing file is opened, never replaced. Git does not run in Restricted Mode, so neither does this.
 */
export function createTeamConfigCommand(host: HostContext) {
  return async (): Promise<vscode.Uri | undefined> => {
    const folder = await pickWorkspaceFolder('team configuration');
    if (!folder) return undefined;
    const dir = assessmentsDirOf(folder);
    if (!dir.ok) {
      void vscode.window.showErrorMessage(dir.message);
      return undefined;
    }
    const uri = vscode.Uri.file(path.join(dir.dir, CONFIG_FILE_NAME));
    if (await exists(uri)) return openExisting(uri);
    if (!trusted(host)) return undefined;
    const framework = findInCatalog(await host.catalog.bundled(), 'dora');
    const insights = await withGitProgress('DORA: Detecting how this repository releases', (options) =>
      host.git.forFolder(folder.uri, framework, { ...options, refresh: true }),
    );
    if (insights.kind !== 'ok') {
      if (!/cancelled/i.test(insights.reason)) void vscode.window.showWarningMessage(insights.reason);
      return undefined;
    }
    const text = configTemplate({ result: insights.result, date: new Date().toISOString().slice(0, 10) });
    await mkdir(dir.dir, { recursive: true });
    try {
      // "wx": the file may have appeared while git was read; it is never written over.
      await writeFile(uri.fsPath, text, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return openExisting(uri);
      throw error;
    }
    await vscode.window.showTextDocument(uri);
    void vscode.window.showInformationMessage(
      `DORA: Wrote ${displayPath(uri)} from what the analysis detected. Review it, then commit it so the editor and CI measure the same way.`,
    );
    return uri;
  };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

async function openExisting(uri: vscode.Uri): Promise<vscode.Uri> {
  await vscode.window.showTextDocument(uri);
  void vscode.window.showInformationMessage(
    `DORA: ${displayPath(uri)} already exists, so it was opened rather than replaced. Edit it, or delete it to create a new one.`,
  );
  return uri;
}
