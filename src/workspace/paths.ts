import * as path from 'node:path';

/** True when `target` is `root` itself or somewhere below it (lexically; `checkFolderInside` in the store follows links). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(target));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export type FolderResolution =
  { readonly ok: true; readonly dir: string } | { readonly ok: false; readonly message: string };

/**
 * The assessments folder of a workspace folder, from the `dora.assessmentsFolder` setting. The setting is
 * workspace-controlled text, so it must stay a relative path inside the workspace folder: an absolute path
 * or one climbing out with `..` is refused with a message saying how to fix it.
 */
export function resolveAssessmentsFolder(workspaceRoot: string, setting: string): FolderResolution {
  const value = setting.trim() || '.dora';
  if (path.isAbsolute(value) || /^[a-zA-Z]:/.test(value) || value.startsWith('\\\\')) {
    return {
      ok: false,
      message: `The setting dora.assessmentsFolder is "${setting}", an absolute path. Use a folder relative to the workspace, e.g. ".dora".`,
    };
  }
  const dir = path.resolve(workspaceRoot, value);
  if (!isInside(workspaceRoot, dir)) {
    return {
      ok: false,
      message: `The setting dora.assessmentsFolder is "${setting}", which leads outside the workspace folder. Use a folder inside it, e.g. ".dora".`,
    };
  }
  return { ok: true, dir };
}
