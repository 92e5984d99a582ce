import * as vscode from 'vscode';
import { ownValidationKind } from '../workspace/workspaceFolders';

/**
 * The host (and with it the diagnostics of src/views/assessmentDiagnostics.ts) is loaded as soon as an
 * assessment, framework or team configuration file of a custom assessments folder is open: those files get no schema from the manifest, so
 * their problems show only once the host checks them. Activation itself stays a few listeners.
 */
export function loadHostForOwnValidation(load: () => unknown): vscode.Disposable {
  const consider = (document: vscode.TextDocument) => {
    if (ownValidationKind(document.uri) !== undefined) load();
  };
  const considerAll = () => {
    for (const document of vscode.workspace.textDocuments) consider(document);
  };
  considerAll();
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(consider),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dora.assessmentsFolder')) considerAll();
    }),
  );
}
