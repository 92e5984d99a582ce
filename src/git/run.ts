import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { simpleGit } from 'simple-git';
import { cancelled, GitAnalysisError } from './errors';

export interface GitContext {
  readonly cwd: string;
  /** The git executable: "git" from PATH, or e.g. VS Code's `git.path` setting. */
  readonly gitPath: string;
  readonly signal?: AbortSignal | undefined;
}

export interface GitOutput {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/**
 * Git without surprises: English messages to classify, no pager, no prompt, no optional locks (reading
 * history must never block someone's `git commit` in the same repository), no signature checks in log.
 * GIT_FLUSH=0: into a pipe, git log otherwise flushes after every commit, so half a million commits
 * arrive as 300,000 reads of 300 bytes; fully buffered they arrive as 20,000 reads of 4 KB, which halves
 * the time.
 */
const ENV: NodeJS.ProcessEnv = {
  LC_ALL: 'C',
  LANGUAGE: 'C',
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_PAGER: 'cat',
  PAGER: 'cat',
  GIT_FLUSH: '0',
};
const CONFIG = [
  '-c',
  'log.showSignature=false',
  '-c',
  'core.quotePath=false',
  '-c',
  'i18n.logOutputEncoding=UTF-8',
  '--no-pager',
];

export function spawnGit(context: GitContext, args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn(context.gitPath, [...CONFIG, ...args], {
    cwd: context.cwd,
    env: { ...process.env, ...ENV },
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
}

/**
 * Runs a git command whose output is small (rev-parse, for-each-ref) and collects it, through simple-git.
 * Resolves with the exit code, so callers decide what a non-zero exit means; rejects only when git cannot
 * run. Commands that read standard input, and the history itself (streamed, see logStream.ts), are spawned
 * directly: simple-git has no stdin and buffers a command's whole output.
 */
export async function runGit(context: GitContext, args: readonly string[], input?: string): Promise<GitOutput> {
  if (input !== undefined) return collect(context, args, input);
  if (context.signal?.aborted) throw cancelled();
  let result: { exitCode: number; stdErr: Buffer[] } | undefined;
  const git = simpleGit({
    baseDir: context.cwd,
    binary: context.gitPath,
    ...(context.signal ? { abort: context.signal } : {}),
    allowEnvironment: Object.keys(SIMPLE_GIT_ENV),
    unsafe: { allowUnsafeCustomBinary: true },
    // Every exit code is the caller's to read; only a failure to run git at all stays an error.
    errors(error, outcome) {
      result = { exitCode: outcome.exitCode, stdErr: outcome.stdErr };
      return outcome.exitCode < 0 || outcome.exitCode > 255 ? error : undefined;
    },
  }).env({ ...ambientEnvironment(), ...SIMPLE_GIT_ENV });
  try {
    const stdout = await git.raw([...CONFIG, ...args]);
    return {
      code: result?.exitCode ?? 0,
      stdout: Buffer.from(stdout, 'utf8'),
      stderr: Buffer.concat(result?.stdErr ?? [])
        .toString('utf8')
        .trim(),
    };
  } catch (error) {
    if (context.signal?.aborted) throw cancelled();
    const message = error instanceof Error ? error.message : String(error);
    throw spawnFailure(context, Object.assign(new Error(message), /ENOENT/.test(message) ? { code: 'ENOENT' } : {}));
  }
}

/** The same environment as spawned git gets, for simple-git: it refuses pager and editor variables outright. */
const SIMPLE_GIT_ENV = { LC_ALL: 'C', LANGUAGE: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };

/** The user's environment without the variables that change what git runs (simple-git's guard rejects them). */
function ambientEnvironment(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !/^(GIT_|EDITOR$|VISUAL$|PAGER$|SSH_ASKPASS$)/.test(entry[0]),
    ),
  );
}

async function collect(context: GitContext, args: readonly string[], input: string): Promise<GitOutput> {
  const out: Buffer[] = [];
  const { code, stderr } = await streamGit(context, args, input, (chunk) => out.push(chunk));
  return { code, stdout: Buffer.concat(out), stderr };
}

/**
 * Spawns git with `input` on stdin and hands stdout to `onChunk` as it arrives, so a large output is
 * never held whole. A throw from `onChunk` stops git and rejects with that error; an abort kills git
 * and rejects as cancelled. Resolves with the exit code and stderr for the caller to judge.
 */
export function streamGit(
  context: GitContext,
  args: readonly string[],
  input: string,
  onChunk: (chunk: Buffer) => void,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    if (context.signal?.aborted) {
      reject(cancelled());
      return;
    }
    const child = spawnGit(context, args);
    const err: Buffer[] = [];
    let failed: Error | undefined;
    const onAbort = () => child.kill();
    context.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        onChunk(chunk);
      } catch (error) {
        failed = error instanceof Error ? error : new Error(String(error));
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    child.on('error', (error) => {
      context.signal?.removeEventListener('abort', onAbort);
      reject(spawnFailure(context, error));
    });
    child.on('close', (code) => {
      context.signal?.removeEventListener('abort', onAbort);
      if (context.signal?.aborted) {
        reject(cancelled());
        return;
      }
      if (failed) {
        reject(failed);
        return;
      }
      resolve({ code: code ?? 1, stderr: Buffer.concat(err).toString('utf8').trim() });
    });
  });
}

/** Turns a failure to start git into the error a user can act on. */
export function spawnFailure(context: GitContext, error: Error): GitAnalysisError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new GitAnalysisError(
      'git-missing',
      `Git was not found (tried "${context.gitPath}"). Install git from https://git-scm.com, or set the path to git, then try again.`,
    );
  }
  return new GitAnalysisError('git-failed', `Could not run git (${code ?? error.message}).`);
}

/** For a failed git command: the first line of stderr, which is git's own "fatal: ..." explanation. */
export function gitFailure(what: string, output: GitOutput): GitAnalysisError {
  const detail = output.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit code ${output.code}`;
  return new GitAnalysisError('git-failed', `${what} failed: ${detail}`);
}
