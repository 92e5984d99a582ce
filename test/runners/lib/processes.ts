import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface TrackedProcess {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
}

export interface StrayProcess {
  readonly pid: number;
  readonly command: string;
}

const GUARD = path.join(__dirname, 'guard.cjs');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the harness's long-lived processes (servers; the browser gets the same marker through its env),
 * each as the leader of its own process group, and stops them by PID. Every descendant inherits a marker
 * variable unique to this run, so anything that outlives the run can be found in /proc and reported.
 */
export class ProcessTracker {
  /** A variable name, not a value: nested runs (the self-check) each add their own without hiding the other's. */
  readonly markerName = `DORA_HARNESS_${randomBytes(6).toString('hex').toUpperCase()}`;
  private readonly live = new Map<number, TrackedProcess>();

  /** Environment for anything this run starts, including processes started by other libraries (Playwright). */
  env(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    return { ...base, [this.markerName]: '1' };
  }

  spawn(
    name: string,
    command: string,
    args: readonly string[],
    options: { env: NodeJS.ProcessEnv; logFile: string; cwd?: string },
  ): TrackedProcess {
    const out = fs.openSync(options.logFile, 'a');
    // detached = its own process group, so stopping it also reaches the extension host and pty host it starts.
    // The guard leads that group and stops it if this process dies without cleaning up (crash, SIGKILL).
    const child = spawn(process.execPath, [GUARD, command, ...args], {
      cwd: options.cwd,
      env: this.env(options.env),
      detached: true,
      stdio: ['pipe', out, out],
    });
    fs.closeSync(out);
    if (child.pid === undefined) throw new Error(`Could not start ${name} (${command})`);
    const pid = child.pid;
    const exited = new Promise<number | string>((resolve) => {
      child.once('exit', (code, signal) => {
        this.live.delete(pid);
        resolve(code ?? signal ?? 'unknown');
      });
      child.once('error', () => {
        this.live.delete(pid);
        resolve('spawn error');
      });
    });
    const tracked: TrackedProcess = { name, pid, child, exited };
    this.live.set(pid, tracked);
    return tracked;
  }

  /** SIGTERM to the process group, SIGKILL after the grace time. */
  async stop(tracked: TrackedProcess, graceMs = 5000): Promise<void> {
    signalGroup(tracked.pid, 'SIGTERM');
    const result = await Promise.race([tracked.exited, sleep(graceMs).then(() => 'timeout' as const)]);
    if (result === 'timeout') {
      signalGroup(tracked.pid, 'SIGKILL');
      await tracked.exited;
    }
    // The leader may exit before the rest of its group; take the rest down too.
    signalGroup(tracked.pid, 'SIGKILL');
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.live.values()].map((tracked) => this.stop(tracked)));
  }

  /** Processes still carrying this run's marker, other than this one. */
  findStrays(): StrayProcess[] {
    const strays: StrayProcess[] = [];
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      if (pid === process.pid) continue;
      try {
        const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
        if (!environ.split('\0').includes(`${this.markerName}=1`)) continue;
        const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
        strays.push({ pid, command: command.slice(0, 200) });
      } catch {
        // The process ended while we looked, or is not ours to read.
      }
    }
    return strays;
  }

  /**
   * Stops everything and checks /proc. Descendants get a few seconds to exit after their parent;
   * whatever is still there then is a stray: it is killed and returned so the caller can fail the run.
   */
  async shutdown(): Promise<StrayProcess[]> {
    await this.stopAll();
    const deadline = Date.now() + 10_000;
    let strays = this.findStrays();
    while (strays.length > 0 && Date.now() < deadline) {
      await sleep(250);
      strays = this.findStrays();
    }
    for (const stray of strays) {
      try {
        process.kill(stray.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    return strays;
  }

  /** On Ctrl+C or a CI cancel, stop what we started before exiting. */
  installSignalHandlers(onSignal?: () => Promise<void>): void {
    let stopping = false;
    const handler = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: stopping the processes this run started...`);
      void (async () => {
        try {
          if (onSignal) await onSignal();
          await this.shutdown();
        } finally {
          process.exit(signal === 'SIGINT' ? 130 : 143);
        }
      })();
    };
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
