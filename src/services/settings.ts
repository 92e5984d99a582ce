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
    excludeBots: dora.get('excludeBots'),
    // `git.path` may be a list of candidates; the first is what the git extension tries first.
    gitPath: Array.isArray(gitPath) ? gitPath.find((entry) => typeof entry === 'string') : gitPath,
  });
}

const GIT_SETTING_KEYS = [
  'tagPattern',
  'defaultBranch',
  'windowDays',
  'leadTimeClock',
  'source',
  'failureDays',
  'hotfixPattern',
  'excludeBots',
] as const;

/** The `dora.git.*` keys a person set (user, workspace or folder), as opposed to the contributed defaults. */
export function explicitGitSettings(scope: vscode.Uri | undefined): ReadonlySet<string> {
  const dora = vscode.workspace.getConfiguration('dora.git', scope);
  return new Set(
    GIT_SETTING_KEYS.filter((key) => {
      const inspected = dora.inspect(key);
      return (
        inspected?.globalValue !== undefined ||
        inspected?.workspaceValue !== undefined ||
        inspected?.workspaceFolderValue !== undefined
      );
    }),
  );
}

export function affectsGitSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('dora.git') || event.affectsConfiguration('git.path');
}
