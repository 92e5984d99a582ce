import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli as runCliSource } from '../../../src/cli/run';

export const ROOT = path.resolve(__dirname, '../../..');
export const CLI = path.join(ROOT, 'cli', 'dist', 'cli.js');

/** Everything the CLI bundle is built from: its sources (the CLI imports core, git, config...) and the frameworks. */
const SOURCES = [path.join(ROOT, 'src'), path.join(ROOT, 'frameworks')];

function newestChange(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }, 0);
}

/**
 * Builds cli/dist/cli.js when it is missing or older than any of its sources, so the tests that run the
 * bundle never test yesterday's CLI.
 */
export function ensureCliBuilt(): void {
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= Math.max(...SOURCES.map(newestChange))) return;
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a user would: a separate process, its own cwd, no shared state. */
export function runCli(args: readonly string[], cwd = ROOT): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'dora-cli-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Runs the CLI's sources in this process, collecting the lines it prints. */
async function inProcess(args: readonly string[], cwd: string, now: () => Date) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCliSource(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd, now });
  return { code, out, err };
}

/**
 * Runs the CLI's sources in this process, its output shaped as the subprocess's (one `\n` per line), so a
 * specification reads the same either way. Much quicker than a subprocess; `runCli` stays for what only a real
 * process shows: the exit code, the version of the bundle, a closed pipe, no stack trace.
 */
export async function runCliHere(args: readonly string[], cwd = ROOT): Promise<CliRun> {
  const { code, out, err } = await inProcess(args, cwd, () => new Date());
  const text = (lines: string[]) => lines.map((line) => `${line}\n`).join('');
  return { code, stdout: text(out), stderr: text(err) };
}

/** Runs the CLI in this process (quicker, and tests the sources rather than the bundle), at a fixed "now". */
export async function runCliInProcess(args: readonly string[], cwd: string, now: string): Promise<CliRun> {
  const { code, out, err } = await inProcess(args, cwd, () => new Date(now));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
