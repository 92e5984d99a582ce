export type GitAnalysisErrorCode =
  | 'git-missing'
  | 'not-found'
  | 'not-a-repository'
  | 'unsafe-repository'
  | 'empty-repository'
  | 'invalid-option'
  | 'cancelled'
  | 'git-failed';

/**
 * Why an analysis could not run. `message` is written for the person using the extension or the CLI:
 * what happened and what to do next. `code` lets the host choose how to show it (e.g. no retry button
 * for "git-missing").
 */
export class GitAnalysisError extends Error {
  override readonly name = 'GitAnalysisError';

  constructor(
    readonly code: GitAnalysisErrorCode,
    message: string,
    /** Set when the package asked for has no release tags: it, and the packages that have some, to offer instead. */
    readonly packageWithoutTags?: PackageWithoutTags,
  ) {
    super(message);
  }
}

export interface PackageWithoutTags {
  readonly name: string;
  readonly packagesWithTags: readonly string[];
}

export function isGitAnalysisError(error: unknown): error is GitAnalysisError {
  return error instanceof GitAnalysisError;
}

export function cancelled(): GitAnalysisError {
  return new GitAnalysisError('cancelled', 'The git analysis was cancelled.');
}
