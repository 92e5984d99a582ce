/**
 * Tests of the harness itself, run against a real code-server:
 * 1. a suite with one failing test makes the integration runner exit non-zero and report "1 failing";
 * 2. nothing that run started (server, extension host, browser) is still alive afterwards.
 *
 *   node --import tsx test/runners/self-check.ts [--target min|latest|all]
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs } from './lib/args';
import { runMain } from './lib/main';
import { repoRoot } from './lib/paths';
import { ProcessTracker } from './lib/processes';

const tracker = new ProcessTracker();

function runRunner(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Our marker goes down to every process the runner starts, so we can look for leftovers ourselves.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'code-server.ts'), ...args], {
      cwd: repoRoot,
      env: tracker.env({ ...process.env, DORA_KEEP_FAILED: '0' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let printed = 0;
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const end = output.lastIndexOf('\n') + 1;
      if (end > printed) for (const line of output.slice(printed, end - 1).split('\n')) console.log(`  │ ${line}`);
      printed = Math.max(printed, end);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2), { values: ['target'], flags: [] });
  const target = options.get('target') ?? 'min';
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    console.log(`${ok ? '✔' : '✘'} ${what}`);
    if (!ok) problems.push(what);
  };

  console.log(`self-check: running a suite with one passing and one failing test on target "${target}"`);
  const { code, output } = await runRunner(['--target', target, '--suite', path.join(__dirname, 'self-check')]);
  check(code === 1, `the runner exits with 1 when a test fails (got ${code})`);
  check(/1 passing \/ 1 failing/.test(output), 'the runner reports "1 passing / 1 failing"');
  check(
    output.includes('deliberate failure: the runner must report it'),
    "the failing test's assertion message reaches the terminal",
  );
  check(output.includes('INTEGRATION FAILED'), 'the runner ends with INTEGRATION FAILED');

  const strays = await tracker.shutdown();
  check(
    strays.length === 0,
    `no process started by that run is alive afterwards${strays.length ? `: ${strays.map((s) => `${s.pid} ${s.command}`).join('; ')}` : ''}`,
  );

  console.log(problems.length === 0 ? 'SELF-CHECK PASSED' : `SELF-CHECK FAILED (${problems.length})`);
  return problems.length === 0 ? 0 : 1;
}

runMain(main, tracker);
