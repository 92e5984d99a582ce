/** A problem found in a user's file, positioned where we can, so editors and terminals can jump to it. */
export interface Problem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly file?: string | undefined;
  /** 1-based. */
  readonly line?: number | undefined;
  /** 1-based. */
  readonly column?: number | undefined;
  /** Where in the document, e.g. `domains[0].questions[2].id`. */
  readonly path?: string | undefined;
}

export type LoadResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** `file:line:col: message (at path)`: the shape terminals and VS Code's problem matchers link. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file ?? '<input>', problem.line, problem.column]
    .filter((part) => part !== undefined)
    .join(':');
  const severity = problem.severity === 'warning' ? 'warning: ' : '';
  const at = problem.path ? ` (at ${problem.path})` : '';
  return `${where}: ${severity}${problem.message}${at}`;
}

/** Hostile or accidental huge input is refused before parsing; 1 MB is far above any real framework or assessment. */
export const MAX_INPUT_CHARS = 1_000_000;

export function tooLarge(file: string | undefined, length: number): Problem {
  return {
    severity: 'error',
    file,
    message: `file is ${(length / 1_000_000).toFixed(1)} MB; the limit is 1 MB. Split it or remove what does not belong.`,
  };
}
