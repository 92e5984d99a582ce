import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Sandbox {
  readonly root: string;
  readonly userData: string;
  readonly extensions: string;
  readonly workspace: string;
  readonly logs: string;
  /** Environment for the server and browser: every file they write by default lands inside root. */
  readonly env: NodeJS.ProcessEnv;
  /**
   * Removes the folder unless the run failed (DORA_KEEP_FAILED=0 removes it anyway) or DORA_KEEP_TMP is set;
   * returns what was kept, if anything.
   */
  dispose(succeeded: boolean): string | undefined;
}

/** Quiet, reproducible user settings: no welcome page, update checks, telemetry or AI side panels. */
export function baseUserSettings(): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.openRepositoryInParentFolders': 'never',
    'files.simpleDialog.enable': true,
  };
}

/**
 * The environment minus what ties a process to the editor the harness may have been started from: in a VS Code
 * terminal, VSCODE_* variables make code-server hand its work to that editor, ELECTRON_RUN_AS_NODE turns a
 * desktop VS Code into plain Node, and NODE_OPTIONS meant for the harness's Node may not suit the server's.
 */
export function editorFreeEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VSCODE_') || key === 'NODE_OPTIONS' || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  return env;
}

/**
 * A throwaway user-data, extensions and workspace folder, plus TMPDIR and XDG_* for the processes:
 * VS Code's IPC sockets, Node's compile cache, code-server's config.yaml and Chromium's crash folder
 * would otherwise end up in /tmp and the home folder.
 */
export function createSandbox(label: string): Sandbox {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `dora-${label}-`));
  const dir = (name: string): string => {
    const full = path.join(root, name);
    fs.mkdirSync(full, { recursive: true });
    return full;
  };
  const userData = dir('user-data');
  const extensions = dir('extensions');
  const workspace = path.join(root, 'workspace');
  const logs = dir('logs');
  writeUserSettings(userData, baseUserSettings());

  const env = editorFreeEnv();
  Object.assign(env, {
    TMPDIR: dir('tmp'),
    XDG_CONFIG_HOME: dir('xdg/config'),
    XDG_DATA_HOME: dir('xdg/data'),
    XDG_CACHE_HOME: dir('xdg/cache'),
    XDG_RUNTIME_DIR: dir('xdg/runtime'),
  });

  return {
    root,
    userData,
    extensions,
    workspace,
    logs,
    env,
    dispose(succeeded) {
      const keep = process.env['DORA_KEEP_TMP'] || (!succeeded && process.env['DORA_KEEP_FAILED'] !== '0');
      if (!keep) {
        fs.rmSync(root, { recursive: true, force: true });
        return undefined;
      }
      return root;
    },
  };
}

function userSettingsPath(userData: string): string {
  return path.join(userData, 'User', 'settings.json');
}

function writeUserSettings(userData: string, settings: Record<string, unknown>): void {
  const file = userSettingsPath(userData);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}
