import * as vscode from 'vscode';
import type { PanelServices } from '../contracts/seams';
import { parsePersistedState, parseWebviewMessage } from '../core/protocol';
import type { PanelState } from '../core/protocol';
import { AssessmentPanel } from './assessmentPanel';
import { openFileAt } from './openFile';
import { pageFor, webviewOptions } from './webviewPage';

/**
 * Restores assessment panels after a window reload. The webview keeps its file's uri in its own state
 * (`vscode.setState`); the panel shows "loading" while the file is read again, then takes over as usual.
 * The extension registers it at activation and loads this module only when a panel is restored.
 */
export function panelSerializer(services: PanelServices): vscode.WebviewPanelSerializer {
  return {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
      const persisted = parsePersistedState(saved);
      if (!persisted.ok) {
        services.log.warn(`Closed a restored assessment panel whose saved state is unreadable: ${persisted.error}`);
        panel.dispose();
        return;
      }
      let uri: vscode.Uri;
      try {
        uri = vscode.Uri.parse(persisted.value.uri, true);
      } catch {
        services.log.warn(`Closed a restored assessment panel: "${persisted.value.uri}" is not a file address`);
        panel.dispose();
        return;
      }
      panel.webview.options = webviewOptions(services.extensionUri);
      panel.webview.html = pageFor(
        panel.webview,
        services.extensionUri,
        panel.title,
        placeholder(uri, { kind: 'loading' }),
      );
      try {
        const document = await services.openDocument(uri);
        AssessmentPanel.revive(panel, services, document);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        services.log.error(`Could not restore the assessment panel for ${uri.fsPath}: ${message}`);
        panel.webview.html = pageFor(
          panel.webview,
          services.extensionUri,
          panel.title,
          placeholder(uri, {
            kind: 'error',
            problems: [
              {
                severity: 'error',
                message: `could not open the file again after the reload (${message}); close this panel and open the assessment from the DORA view`,
              },
            ],
          }),
        );
        // No controller owns this page, but its "Open file" button must still work.
        const listener = panel.webview.onDidReceiveMessage(async (data: unknown) => {
          const parsed = parseWebviewMessage(data);
          if (parsed.ok && parsed.value.type === 'openFile')
            await openFileAt(uri, parsed.value.line, parsed.value.column);
        });
        panel.onDidDispose(() => {
          listener.dispose();
        });
      }
    },
  };
}

function placeholder(uri: vscode.Uri, document: PanelState['document']): PanelState {
  return {
    revision: 0,
    uri: uri.toString(),
    fileName: vscode.workspace.asRelativePath(uri, false),
    document,
    git: { kind: 'loading' },
  };
}
