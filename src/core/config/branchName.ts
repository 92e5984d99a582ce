/**
 * Why a branch name cannot be used, or undefined when git accepts it. The name goes to git as an
 * argument, so one starting with "-" would read as an option.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name.startsWith('-') || /[\s~^:?*[\\]|\.\.|@\{/.test(name))
    return `"${name}" is not a branch name git accepts; use a name like "main", or leave it out to detect the default branch`;
  return undefined;
}
