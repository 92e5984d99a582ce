import * as vscode from 'vscode';

/**
 * Commands are run from the palette (no argument), from explorer and editor menus (a Uri), from the
 * Assessments view (a node with a `uri`), from the panel and from tests (a Uri or a path string).
 */
export function uriFromArg(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg !== '')
    return /^[a-z][a-z0-9+.-]+:\/\//i.test(arg) ? vscode.Uri.parse(arg) : vscode.Uri.file(arg);
  if (typeof arg === 'object' && arg !== null && 'uri' in arg) return uriFromArg(arg.uri);
  return undefined;
}

/** The store writes with Node's fs, so only files the extension host can reach are assessments. */
export function isFileUri(uri: vscode.Uri): boolean {
  return uri.scheme === 'file';
}
