import * as vscode from 'vscode';
import { checkGitSettings } from './gitSettings';
import type { SettingsCheck } from './gitSettings';

/** The `dora.git.*` settings for a resource (folder settings win in a multi-root workspace), checked. */
export function readGitSettings(scope: vscode.Uri | undefined): SettingsCheck {
  const dora = vscode.workspace.getConfiguration('dora.git', scope);
  const gitPath = vscode.workspace.getConfiguration('git', scope).get<unknown>('path');
  return checkGitSettings({
    tagPattern: dora.get('tagPattern'),
    defaultBranch: dora.get('defaultBranch'),
    windowDays: dora.get('windowDays'),
    leadTimeClock: dora.get('leadTimeClock'),
    source: dora.get('source'),
    failureDays: dora.get('failureDays'),
    hotfixPattern: dora.get('hotfixPattern'),
    // `git.path` may be a list of candidates; the first is what the git extension tries first.
    gitPath: Array.isArray(gitPath) ? gitPath.find((entry) => typeof entry === 'string') : gitPath,
  });
}

export function affectsGitSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('dora.git') || event.affectsConfiguration('git.path');
}
