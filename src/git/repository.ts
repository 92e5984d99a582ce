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

/**
 * Checks the folder is a repository git can read, and where HEAD is. One git call answers all of it
 * when HEAD is a commit (the usual case): each git start costs milliseconds, tens of them on a loaded
 * machine, and the whole analysis is only a handful of git processes.
 */
export async function probeRepository(context: GitContext): Promise<RepositoryInfo> {
  await requireFolder(context.cwd);
  const at = await runGit(context, [...PROBE, 'HEAD^{commit}', '--symbolic-full-name', 'HEAD', '--']);
  const [gitDir = '', bare, shallow, head = '', ref = ''] = at.stdout.toString('utf8').split('\n');
  if (at.code === 0 && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(head) && ref !== '')
    return info(gitDir, bare === 'true', shallow === 'true', head, ref === 'HEAD' ? null : ref);
  return probeApart(context);
}

const PROBE = ['rev-parse', '--absolute-git-dir', '--is-bare-repository', '--is-shallow-repository'];

async function info(
  gitDir: string,
  bare: boolean,
  shallow: boolean,
  head: string | null,
  headRef: string | null,
): Promise<RepositoryInfo> {
  return { gitDir, bare, shallow, shallowStamp: shallow ? await shallowStamp(gitDir) : '', head, headRef };
}

/** An unborn HEAD, or a folder git refuses: asked apart, so each answer (and git's error) stands alone. */
async function probeApart(context: GitContext): Promise<RepositoryInfo> {
  const [probe, symbolic, head] = await Promise.all([
    runGit(context, PROBE),
    runGit(context, ['symbolic-ref', '-q', 'HEAD']),
    runGit(context, ['rev-parse', '-q', '--verify', 'HEAD^{commit}']),
  ]);
  if (probe.code !== 0) throw probeFailure(context.cwd, probe);
  const [gitDir = '', bare, shallow] = probe.stdout.toString('utf8').split('\n');
  return info(
    gitDir,
    bare === 'true',
    shallow === 'true',
    head.code === 0 ? head.stdout.toString('utf8').trim() : null,
    symbolic.code === 0 ? symbolic.stdout.toString('utf8').trim() : null,
  );
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
