import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Output goes here instead of the terminal; its tail is shown if the command fails. */
  readonly logFile?: string;
}

/**
 * Runs a short-lived command to completion (npm, apt-get, git, vsce). It stays in our process group,
 * so Ctrl+C in the terminal reaches it too; long-lived servers go through ProcessTracker instead.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = options.logFile ? fs.openSync(options.logFile, 'a') : 'inherit';
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', out, out],
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (typeof out === 'number') fs.closeSync(out);
      if (code === 0) {
        resolve();
        return;
      }
      const where = options.logFile ? `\n--- last lines of ${options.logFile} ---\n${tail(options.logFile, 40)}` : '';
      reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${where}`));
    });
  });
}

export function tail(file: string, lines: number): string {
  if (!fs.existsSync(file)) return '(no log)';
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}
