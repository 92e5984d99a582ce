import * as vscode from 'vscode';
import { displayPath, isAssessmentFile } from '../workspace/workspaceFolders';
import { listAssessments } from '../services/assessmentIndex';
import { scoreText } from '../services/assessmentSummary';
import type { AssessmentSummary } from '../services/assessmentSummary';
import { isFileUri, uriFromArg } from './args';
import type { HostContext } from './hostContext';

interface SummaryItem extends vscode.QuickPickItem {
  readonly summary: AssessmentSummary;
}

/** DORA: Open Assessment. A Uri argument opens that file; otherwise a quick pick, newest first, with scores. */
export function openAssessmentCommand(host: HostContext) {
  return async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const given = uriFromArg(arg);
    const uri = given ?? (await pickAssessment(host, 'Open assessment'));
    if (!uri) return undefined;
    await openInPanel(host, uri);
    return uri;
  };
}

/** "Open in DORA Assessment" from the explorer and editor title menus; from the palette, the active editor's file. */
export function openInPanelCommand(host: HostContext) {
  return async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const uri = uriFromArg(arg) ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri || !uri.fsPath.toLowerCase().endsWith('.json')) {
      return vscode.commands.executeCommand<vscode.Uri | undefined>('dora.openAssessment');
    }
    await openInPanel(host, uri);
    return uri;
  };
}

export async function openInPanel(host: HostContext, uri: vscode.Uri): Promise<void> {
  if (!isFileUri(uri)) {
    void vscode.window.showErrorMessage(
      `DORA: ${uri.toString()} is not a file on this machine; assessments are read and written as local files.`,
    );
    return;
  }
  // A save in the text editor must reach the disk before the panel reads the file.
  const open = vscode.workspace.textDocuments.find((document) => document.uri.fsPath === uri.fsPath);
  if (open?.isDirty) await open.save();
  await host.panels.open(uri);
}

/** A quick pick of the workspace's assessments; offers New Assessment when there are none. */
export async function pickAssessment(host: HostContext, title: string): Promise<vscode.Uri | undefined> {
  const { summaries, problems } = await listAssessments(host.catalog, host.parser);
  for (const problem of problems) void vscode.window.showWarningMessage(problem);
  if (summaries.length === 0) {
    const choice = await vscode.window.showInformationMessage(
      'There is no assessment in this workspace yet.',
      'New Assessment',
    );
    if (choice) return vscode.commands.executeCommand<vscode.Uri | undefined>('dora.newAssessment');
    return undefined;
  }
  const items: SummaryItem[] = summaries.map((summary) => ({
    summary,
    label: summary.problem ? `$(warning) ${summary.title}` : summary.title,
    description: scoreText(summary),
    detail: [
      displayPath(vscode.Uri.file(summary.file)),
      summary.frameworkName ?? summary.frameworkId,
      summary.team,
      `updated ${summary.updated.toLocaleDateString()}`,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: 'Newest first',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked ? vscode.Uri.file(picked.summary.file) : undefined;
}

/** The assessment a command is about: its argument, else the active panel's, else the only one, else a pick. */
export async function targetAssessment(
  host: HostContext,
  arg: unknown,
  title: string,
): Promise<vscode.Uri | undefined> {
  const given = uriFromArg(arg);
  if (given) return given;
  const active = host.panels.activeUri();
  if (active) return active;
  const editor = vscode.window.activeTextEditor?.document.uri;
  if (editor && isAssessmentFile(editor)) return editor;
  return pickAssessment(host, title);
}
