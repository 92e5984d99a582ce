import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { PanelState } from '../core/protocol';
import { panelHtml } from './html';

/** The webview may load only what the extension ships in dist/ (script, codicons) and media/ (styles). */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The page with the state embedded, so the first paint needs no round trip; a new nonce every time. */
export function pageFor(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, state: PanelState): string {
  const asset = (...segments: string[]) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
  return panelHtml({
    cspSource: webview.cspSource,
    nonce: randomBytes(16).toString('base64'),
    scriptUri: asset('dist', 'webview.js'),
    styleUri: asset('media', 'panel.css'),
    codiconsUri: asset('dist', 'codicons', 'codicon.css'),
    title,
    state,
  });
}
