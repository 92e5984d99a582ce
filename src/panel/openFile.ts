import * as vscode from 'vscode';

/** Opens an assessment's JSON beside the panel, at a problem's line and column when there is one. */
export async function openFileAt(uri: vscode.Uri, line?: number, column?: number): Promise<void> {
  const position = line ? new vscode.Position(line - 1, Math.max(0, (column ?? 1) - 1)) : undefined;
  await vscode.window.showTextDocument(uri, {
    viewColumn: vscode.ViewColumn.Beside,
    preview: false,
    ...(position ? { selection: new vscode.Range(position, position) } : {}),
  });
}
