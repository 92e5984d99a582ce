/**
 * Files that configure CI or the repository rather than make up the product. A revert that touches only
 * these (a workflow rolled back, a CODEOWNERS change undone) did not undo a failed change to what was
 * deployed, so it does not mark a deployment failed.
 */
const CONFIG_DIRECTORIES = [
  '.github/',
  '.gitlab/',
  '.circleci/',
  '.buildkite/',
  '.azure-pipelines/',
  '.husky/',
  '.devcontainer/',
  '.vscode/',
  '.idea/',
  '.dependabot/',
  '.changeset/',
];

const CONFIG_FILES = new Set([
  '.gitlab-ci.yml',
  '.travis.yml',
  'azure-pipelines.yml',
  'bitbucket-pipelines.yml',
  '.drone.yml',
  'Jenkinsfile',
  'appveyor.yml',
  '.appveyor.yml',
  'codecov.yml',
  '.codecov.yml',
  'renovate.json',
  '.renovaterc',
  '.renovaterc.json',
  '.pre-commit-config.yaml',
  '.mergify.yml',
  'CODEOWNERS',
  '.editorconfig',
  '.gitignore',
  '.gitattributes',
  '.mailmap',
]);

/** Whether a path (as git prints it, relative to the repository root) configures CI or the repository. */
export function isRepositoryConfig(path: string): boolean {
  const unquoted = path.startsWith('"') ? path.slice(1) : path;
  if (CONFIG_DIRECTORIES.some((dir) => unquoted.startsWith(dir))) return true;
  const name = unquoted.slice(unquoted.lastIndexOf('/') + 1);
  return CONFIG_FILES.has(name) || CONFIG_FILES.has(unquoted);
}

/** A revert that changes files, all of them configuration. One whose files are unknown (none listed) still counts. */
export function touchesOnlyConfig(paths: readonly string[]): boolean {
  return paths.length > 0 && paths.every(isRepositoryConfig);
}
