import type * as z from 'zod/mini';
import { formatPath } from '../problems';
import type { Problem } from '../problems';

/** Anything that can point at a path in the user's text (the YAML and the JSON documents). */
export interface Locator {
  locate(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
}

/** Turns every zod issue into a positioned problem, so users see all of them at once. */
export function zodProblems(
  error: z.core.$ZodError,
  file: string | undefined,
  positions: Locator | undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const path = key === undefined ? issue.path : [...issue.path, key];
      const position = positions?.locate(path);
      problems.push({
        severity: 'error',
        file,
        line: position?.line,
        column: position?.column,
        path: formatPath(path) || undefined,
        message: describe(issue, key),
      });
    }
  }
  return problems;
}

function describe(issue: z.core.$ZodIssue, key: string | undefined): string {
  if (issue.code === 'unrecognized_keys') return `unknown field "${key}"; check its spelling or remove it`;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    const field = issue.path[issue.path.length - 1];
    return field === undefined ? 'a value is required here' : `missing required field "${String(field)}"`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}
