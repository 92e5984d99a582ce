/**
 * `npm test`: every phase of the test pipeline in order, each with its time, and a summary at the end.
 * A failed phase does not hide the others' results, except the build, which everything after it needs.
 *
 * Environment: DORA_INTEGRATION_TARGETS (default "all") and DORA_E2E_TARGETS (default "all") take
 * min, latest, all or a comma list; DORA_SKIP_E2E=1 leaves the browser phase out (it is then reported as skipped).
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { runMain } from './lib/main';
import { repoRoot } from './lib/paths';
import { ProcessTracker } from './lib/processes';
import { elapsed } from './lib/timing';

const tracker = new ProcessTracker();

interface Phase {
  readonly name: string;
  readonly command: readonly string[];
  /** Later phases make no sense without this one. */
  readonly essential?: boolean;
  readonly skipReason?: string;
}

const tsx = (script: string, ...args: string[]): string[] => [process.execPath, '--import', 'tsx', path.join(repoRoot, script), ...args];
const npm = (...args: string[]): string[] => ['npm', 'run', '--silent', ...args];

function phases(): Phase[] {
  const integrationTargets = process.env['DORA_INTEGRATION_TARGETS'] ?? 'all';
  const e2eTargets = process.env['DORA_E2E_TARGETS'] ?? 'all';
  const skipE2e = process.env['DORA_SKIP_E2E'] === '1' ? 'DORA_SKIP_E2E=1' : undefined;
  return [
    { name: 'typecheck', command: npm('typecheck') },
    { name: 'build', command: npm('build'), essential: true },
    { name: 'unit tests', command: npm('test:unit') },
    { name: 'webview UI (Chromium)', command: npm('test:webview') },
    { name: 'install code-server (if missing)', command: tsx('test/runners/install-code-server.ts', 'all'), essential: true },
    { name: 'harness self-check', command: tsx('test/runners/self-check.ts', '--target', 'min') },
    { name: `integration (${integrationTargets})`, command: tsx('test/runners/code-server.ts', '--target', integrationTargets, '--skip-build') },
    { name: 'package .vsix', command: npm('package'), ...(skipE2e ? { skipReason: skipE2e } : {}) },
    { name: `end-to-end (${e2eTargets})`, command: tsx('test/e2e/run.ts', '--target', e2eTargets, '--skip-package'), ...(skipE2e ? { skipReason: skipE2e } : {}) },
  ];
}

function run(command: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const [program, ...args] = command;
    // Same process group as us, so Ctrl+C reaches it; our marker lets the final check find its leftovers.
    const child = spawn(program ?? '', args, { cwd: repoRoot, env: tracker.env(process.env), stdio: 'inherit' });
    child.once('error', () => resolve(127));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function main(): Promise<number> {
  const started = Date.now();
  const results: { name: string; outcome: string; time: string }[] = [];
  let blockedBy: string | undefined;
  for (const phase of phases()) {
    const skip = blockedBy ? `${blockedBy} failed` : phase.skipReason;
    if (skip) {
      results.push({ name: phase.name, outcome: `skipped (${skip})`, time: '-' });
      continue;
    }
    const shown = phase.command.map((part) => (part === process.execPath ? 'node' : part.startsWith(repoRoot) ? path.relative(repoRoot, part) : part));
    console.log(`\n━━ ${phase.name} ━━ ${shown.join(' ')}`);
    const phaseStart = Date.now();
    const code = await run(phase.command);
    const time = elapsed(phaseStart);
    results.push({ name: phase.name, outcome: code === 0 ? 'ok' : `FAILED (exit ${code})`, time });
    console.log(`━━ ${phase.name}: ${code === 0 ? 'ok' : 'FAILED'} in ${time}`);
    if (code !== 0 && phase.essential) blockedBy = phase.name;
  }
  const strays = await tracker.shutdown();
  if (strays.length > 0) results.push({ name: 'stray processes', outcome: `FAILED (${strays.map((s) => s.pid).join(', ')})`, time: '-' });

  console.log('\nPhase                                   Time     Result');
  for (const result of results) console.log(`${result.name.padEnd(40)}${result.time.padEnd(9)}${result.outcome}`);
  console.log(`${'total'.padEnd(40)}${elapsed(started)}`);
  const ok = results.every((result) => result.outcome === 'ok' || result.outcome.startsWith('skipped (DORA_'));
  console.log(ok ? 'ALL TESTS PASSED' : 'TESTS FAILED');
  return ok ? 0 : 1;
}

runMain(main, tracker);
