import * as vscode from 'vscode';
import type { PanelBridge } from '../commands/hostContext';
import type { PanelView } from '../core/protocol';
import { AssessmentPanel } from './assessmentPanel';
import type { DocumentRegistry } from '../store/documentRegistry';
import type { PanelServices } from '../contracts/seams';

/** The commands' view of src/panel: one panel per file, each owning one reference to its document. */
export function panelBridge(services: PanelServices, documents: DocumentRegistry): PanelBridge {
  const panelFor = (uri: vscode.Uri) => AssessmentPanel.forUri(vscode.Uri.file(uri.fsPath));
  return {
    async open(uri: vscode.Uri, view?: PanelView) {
      const document = panelFor(uri)?.document ?? (await documents.open(vscode.Uri.file(uri.fsPath)));
      AssessmentPanel.createOrShow(services, document, view ? { view } : {});
    },
    activeUri: () => AssessmentPanel.active?.uri,
    async refreshGit(uri) {
      await panelFor(uri)?.refreshGit();
    },
    async showSuggestions(uri) {
      await panelFor(uri)?.showSuggestions();
    },
    showMetrics(uri) {
      panelFor(uri)?.showMetrics();
    },
  };
}
