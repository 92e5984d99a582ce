import * as vscode from 'vscode';
import { uriFromArg } from './args';

/** Reveal in Explorer, from the Assessments view's context menu. */
export function revealAssessmentCommand() {
  return async (arg?: unknown): Promise<void> => {
    const uri = uriFromArg(arg);
    if (!uri) return;
    await vscode.commands.executeCommand('revealInExplorer', uri);
  };
}
