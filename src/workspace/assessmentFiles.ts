import * as path from 'node:path';

/**
 * Why the extension validates some assessment files itself. VS Code associates a JSON schema with files
 * only through patterns fixed in package.json (`contributes.jsonValidation`), or through the `json.schemas`
 * setting, which an extension would have to write into the user's settings. There is no API to associate
 * a schema at run time (microsoft/vscode#230136, open). So the manifest names `*.json` in any folder
 * called `.dora`; a folder that `dora.assessmentsFolder` names otherwise is validated by the extension's
 * own diagnostics (src/views/assessmentDiagnostics.ts), with the same rules as the schema and more.
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
