import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { GitAnalysisError } from './errors';
import type { GitContext, GitOutput } from './run';
import { gitFailure, runGit } from './run';

export interface RepositoryInfo {
  /** Absolute path of the git directory: the repository's identity, for a work tree or a bare clone. */
  readonly gitDir: string;
  readonly bare: boolean;
  readonly shallow: boolean;
  /** Changes when a shallow clone is deepened, which moves no ref: part of the cache key. */
  readonly shallowStamp: string;
  /** The commit HEAD points at; null while HEAD is unborn (a repository without commits). */
  readonly head: string | null;
  /** The branch HEAD is on, e.g. refs/heads/main; null when HEAD is detached. */
  readonly headRef: string | null;
}

/** Checks the folder is a repository git can read, and where HEAD is: three small git calls at once. */
export async function probeRepository(context: GitContext): Promise<RepositoryInfo> {
  await requireFolder(context.cwd);
  // Run together: each git start costs milliseconds, and the answers do not depend on one another.
  const [probe, symbolic, head] = await Promise.all([
    runGit(context, ['rev-parse', '--absolute-git-dir', '--is-bare-repository', '--is-shallow-repository']),
    runGit(context, ['symbolic-ref', '-q', 'HEAD']),
    runGit(context, ['rev-parse', '-q', '--verify', 'HEAD^{commit}']),
  ]);
  if (probe.code !== 0) throw probeFailure(context.cwd, probe);
  const [gitDir = '', bare, shallow] = probe.stdout.toString('utf8').split('\n');
  const isShallow = shallow === 'true';
  return {
    gitDir,
    bare: bare === 'true',
    shallow: isShallow,
    shallowStamp: isShallow ? await shallowStamp(gitDir) : '',
    head: head.code === 0 ? head.stdout.toString('utf8').trim() : null,
    headRef: symbolic.code === 0 ? symbolic.stdout.toString('utf8').trim() : null,
  };
}

async function requireFolder(folder: string): Promise<void> {
  try {
    if ((await stat(folder)).isDirectory()) return;
  } catch {
    // Reported below, the same way as a file.
  }
  throw new GitAnalysisError('not-found', `The folder ${folder} does not exist. Check the repository path.`);
}

function probeFailure(folder: string, output: GitOutput): GitAnalysisError {
  if (/not a git repository/i.test(output.stderr)) {
    return new GitAnalysisError(
      'not-a-repository',
      `${folder} is not a git repository (or inside one). Open the folder of a git repository, or run "git init" there.`,
    );
  }
  if (/dubious ownership|safe\.directory/i.test(output.stderr)) {
    return new GitAnalysisError(
      'unsafe-repository',
      `Git refuses to read ${folder} because another user owns it. If you trust it, run: git config --global --add safe.directory "${folder}"`,
    );
  }
  return gitFailure(`Reading the repository at ${folder}`, output);
}

async function shallowStamp(gitDir: string): Promise<string> {
  try {
    const info = await stat(path.join(gitDir, 'shallow'));
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}
