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
  /** Reads the phase's test counts from what it printed; phases that run no tests have none. */
  readonly count?: (output: string) => Counts;
}

interface Counts {
  readonly passed: number;
  readonly failed: number;
}

const sum = (counts: readonly Counts[]): Counts => ({
  passed: counts.reduce((n, c) => n + c.passed, 0),
  failed: counts.reduce((n, c) => n + c.failed, 0),
});
const all = (output: string, pattern: RegExp): RegExpMatchArray[] => [
  ...output.matchAll(new RegExp(pattern.source, 'gm')),
];

/** Mocha's own closing lines ("N passing", "N failing"). */
const mochaCounts = (output: string): Counts => ({
  passed: Number(all(output, /^\s*(\d+) passing/).at(-1)?.[1] ?? 0),
  failed: Number(all(output, /^\s*(\d+) failing/).at(-1)?.[1] ?? 0),
});
/** The integration runner's total over every target and pass. */
const integrationCounts = (output: string): Counts => {
  const total = all(output, /total: (\d+) passing \/ (\d+) failing/).at(-1);
  return { passed: Number(total?.[1] ?? 0), failed: Number(total?.[2] ?? 0) };
};
/** One summary line per scenario and VS Code target. */
const e2eCounts = (output: string): Counts =>
  sum(
    all(output, /^\s*(?:PASS|FAIL)\s+.*: (\d+) passing \/ (\d+) failing/).map((m) => ({
      passed: Number(m[1]),
      failed: Number(m[2]),
    })),
  );
/** The self-check's own checks, not the deliberately failing suite it runs. */
const checkCounts = (output: string): Counts => ({
  passed: all(output, /^✔ /).length,
  failed: all(output, /^✘ /).length,
});

const tsx = (script: string, ...args: string[]): string[] => [
  process.execPath,
  '--import',
  'tsx',
  path.join(repoRoot, script),
  ...args,
];
const npm = (...args: string[]): string[] => ['npm', 'run', '--silent', ...args];
/** The commit from which every commit message follows the rules (earlier ones predate the check). */
const RULES_SINCE = '6d4b04081bac0a0ad698f1127e69cbab034d2adf';

function phases(): Phase[] {
  const integrationTargets = process.env['DORA_INTEGRATION_TARGETS'] ?? 'all';
  const e2eTargets = process.env['DORA_E2E_TARGETS'] ?? 'all';
  const skipE2e = process.env['DORA_SKIP_E2E'] === '1' ? 'DORA_SKIP_E2E=1' : undefined;
  return [
    // Commits before this one predate the rule being checked; see ARCHITECTURE.md, "Commits".
    { name: 'commit messages', command: tsx('test/runners/commit-messages.ts', '--since', RULES_SINCE) },
    { name: 'lint', command: npm('lint') },
    { name: 'format check', command: npm('format:check') },
    { name: 'dead code (knip)', command: npm('knip') },
    { name: 'typecheck', command: npm('typecheck') },
    { name: 'build', command: npm('build'), essential: true },
    { name: 'unit tests', command: npm('test:unit'), count: mochaCounts },
    // npm pack and install of the CLI, and what the .vsix carries: packaging, too slow for the unit tests.
    { name: 'packaging (npm, .vsix contents)', command: npm('test:package'), count: mochaCounts },
    { name: 'webview UI (Chromium)', command: npm('test:webview'), count: mochaCounts },
    {
      name: 'install code-server (if missing)',
      command: tsx('test/runners/install-code-server.ts', 'all'),
      essential: true,
    },
    { name: 'harness self-check', command: tsx('test/runners/self-check.ts', '--target', 'min'), count: checkCounts },
    {
      name: `integration (${integrationTargets})`,
      command: tsx('test/runners/code-server.ts', '--target', integrationTargets, '--skip-build'),
      count: integrationCounts,
    },
    { name: 'package .vsix', command: npm('package'), ...(skipE2e ? { skipReason: skipE2e } : {}) },
    {
      name: `end-to-end (${e2eTargets})`,
      command: tsx('test/e2e/run.ts', '--target', e2eTargets, '--skip-package'),
      count: e2eCounts,
      ...(skipE2e ? { skipReason: skipE2e } : {}),
    },
  ];
}

/** Runs a phase with its output shown as it comes, and kept so its test counts can be read. */
function run(command: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const [program, ...args] = command;
    const chunks: Buffer[] = [];
    // Same process group as us, so Ctrl+C reaches it; our marker lets the final check find its leftovers.
    const child = spawn(program ?? '', args, {
      cwd: repoRoot,
      env: tracker.env(process.env),
      stdio: ['inherit', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      process.stdout.write(chunk);
    });
    const output = () => Buffer.concat(chunks).toString('utf8');
    child.once('error', () => resolve({ code: 127, output: output() }));
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output: output() }));
  });
}

async function main(): Promise<number> {
  const started = Date.now();
  const results: { name: string; outcome: string; time: string }[] = [];
  const counts: Counts[] = [];
  let blockedBy: string | undefined;
  for (const phase of phases()) {
    const skip = blockedBy ? `${blockedBy} failed` : phase.skipReason;
    if (skip) {
      results.push({ name: phase.name, outcome: `skipped (${skip})`, time: '-' });
      continue;
    }
    const shown = phase.command.map((part) =>
      part === process.execPath ? 'node' : part.startsWith(repoRoot) ? path.relative(repoRoot, part) : part,
    );
    console.log(`\n━━ ${phase.name} ━━ ${shown.join(' ')}`);
    const phaseStart = Date.now();
    const { code, output } = await run(phase.command);
    if (phase.count) counts.push(phase.count(output));
    const time = elapsed(phaseStart);
    results.push({ name: phase.name, outcome: code === 0 ? 'ok' : `FAILED (exit ${code})`, time });
    console.log(`━━ ${phase.name}: ${code === 0 ? 'ok' : 'FAILED'} in ${time}`);
    if (code !== 0 && phase.essential) blockedBy = phase.name;
  }
  const strays = await tracker.shutdown();
  if (strays.length > 0)
    results.push({ name: 'stray processes', outcome: `FAILED (${strays.map((s) => s.pid).join(', ')})`, time: '-' });

  console.log('\nPhase                                   Time     Result');
  for (const result of results) console.log(`${result.name.padEnd(40)}${result.time.padEnd(9)}${result.outcome}`);
  console.log(`${'total'.padEnd(40)}${elapsed(started)}`);
  const ok = results.every((result) => result.outcome === 'ok' || result.outcome.startsWith('skipped (DORA_'));
  console.log(ok ? 'ALL TESTS PASSED' : 'TESTS FAILED');
  const total = sum(counts);
  // The one line that sums up every runner's tests, in the plain form CI tools read.
  console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
  return ok ? 0 : 1;
}

runMain(main, tracker);
