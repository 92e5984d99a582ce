import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../core/config/fileName';

/**
 * Why the extension validates some files itself. VS Code associates a schema with files only through
 * patterns fixed in package.json (`contributes.jsonValidation`, and `yamlValidation` for the YAML
 * extension), or through the `json.schemas` / `yaml.schemas` settings, which an extension would have to
 * write into the user's settings. There is no API to associate a schema at run time (microsoft/vscode#230136,
 * open). So the manifest names the files of any folder called `.dora`; in a folder that
 * `dora.assessmentsFolder` names otherwise, assessments, `config.yaml` and `frameworks/*.yaml` are validated
 * by the extension's own diagnostics (src/views/assessmentDiagnostics.ts), with the loaders' rules, which
 * are the schemas' and more.
 */
export const MANIFEST_ASSESSMENT_FOLDER = '.dora';

/** Whether the manifest's `jsonValidation` already covers `*.json` directly in this folder. */
export function coveredByManifestSchema(dir: string): boolean {
  return path.basename(dir) === MANIFEST_ASSESSMENT_FOLDER;
}

/** A file the assessment lists would show: `*.json` directly in the folder, not hidden, not temporary. */
export function isListedAssessmentName(name: string): boolean {
  return name.toLowerCase().endsWith('.json') && !name.startsWith('.');
}

/** A framework file by its name: YAML. */
export function isFrameworkFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Workspace frameworks live beside the assessments, like the CLI expects: `.dora/frameworks/*.yaml`. */
export function workspaceFrameworksDir(assessmentsDir: string): string {
  return path.join(assessmentsDir, 'frameworks');
}

/** What a file in an assessments folder is, as the loaders read it. */
export type CheckedFileKind = 'assessment' | 'framework' | 'config';

/** The kind of `file` for the assessments folder `dir`: `*.json` in it, its `config.yaml`, `frameworks/*.y?ml`. */
export function fileKindIn(dir: string, file: string): CheckedFileKind | undefined {
  const parent = path.dirname(file);
  const name = path.basename(file);
  if (parent === dir) {
    if (isListedAssessmentName(name)) return 'assessment';
    return name === CONFIG_FILE_NAME ? 'config' : undefined;
  }
  return parent === workspaceFrameworksDir(dir) && isFrameworkFile(name) ? 'framework' : undefined;
}
