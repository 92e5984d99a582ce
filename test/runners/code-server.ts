/**
 * Runs the integration suites (test/integration) inside the server-side extension host of real VS Code
 * builds from code-server: the minimum supported one and the latest. Exits non-zero on any failing test,
 * on a run that tested nothing, and on any process of the run still alive at the end.
 *
 *   node --import tsx test/runners/code-server.ts [--target min|latest|all] [--pass trusted|untrusted|all]
 *                                                 [--suite <folder of *.test.ts>] [--skip-build]
 *
 * Passes: "trusted" runs test/integration/**.test.ts except untrusted/, in a trusted workspace;
 * "untrusted" runs test/integration/untrusted/*.test.ts in a workspace that was never trusted.
 * `--suite` runs another folder as a single trusted pass (the runner's self-check uses it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from './lib/args';
import { buildExtension, buildIntegrationSuites, buildSuites } from './lib/build';
import { ensureCodeServer } from './lib/install';
import { runMain } from './lib/main';
import { runIntegrationPass } from './lib/integration-pass';
import type { PassResult, PassSpec } from './lib/integration-pass';
import { integrationOutDir, repoRoot } from './lib/paths';
import { ProcessTracker } from './lib/processes';
import { elapsed, logStep } from './lib/timing';
import { selectTargets } from './lib/versions';

function hasCompiledTests(dir: string): boolean {
  return (
    fs.existsSync(dir) && fs.readdirSync(dir, { recursive: true }).some((name) => String(name).endsWith('.test.js'))
  );
}

async function planPasses(options: Map<string, string>): Promise<PassSpec[]> {
  const suite = options.get('suite');
  if (suite) {
    const source = path.resolve(suite);
    const out = path.join(repoRoot, 'out', 'test', path.basename(source));
    await buildSuites(source, out);
    return [{ name: path.basename(source), bundleDir: out, suiteDir: out, trusted: true }];
  }
  const out = await buildIntegrationSuites();
  const which = options.get('pass') ?? 'all';
  const passes: PassSpec[] = [];
  if (which === 'all' || which === 'trusted')
    passes.push({ name: 'trusted', bundleDir: out, suiteDir: out, trusted: true });
  const untrusted = path.join(integrationOutDir, 'untrusted');
  if ((which === 'all' || which === 'untrusted') && hasCompiledTests(untrusted)) {
    passes.push({ name: 'untrusted', bundleDir: out, suiteDir: untrusted, trusted: false });
  }
  return passes;
}

const tracker = new ProcessTracker();

async function main(): Promise<number> {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2), { values: ['target', 'pass', 'suite'], flags: ['skip-build'] });
  const log = logStep('integration');

  if (!options.has('skip-build')) await buildExtension();
  const passes = await planPasses(options);
  log(`built: ${passes.map((pass) => pass.name).join(', ')}`);

  const results: PassResult[] = [];
  for (const target of selectTargets(options.get('target') ?? 'all')) {
    const install = await ensureCodeServer(target, log);
    for (const pass of passes) results.push(await runIntegrationPass(install, pass, tracker));
  }

  const strays = await tracker.shutdown();
  console.log('\nIntegration summary');
  for (const result of results) {
    console.log(
      `  ${result.ok ? 'PASS' : 'FAIL'}  ${result.label}: ${result.passes} passing / ${result.failures} failing (${result.seconds.toFixed(1)}s)`,
    );
  }
  const passing = results.reduce((sum, result) => sum + result.passes, 0);
  const failing = results.reduce((sum, result) => sum + result.failures, 0);
  console.log(`  total: ${passing} passing / ${failing} failing in ${elapsed(started)}`);
  if (strays.length > 0) {
    console.log(`  FAIL  ${strays.length} process(es) of this run outlived it and were killed:`);
    for (const stray of strays) console.log(`        pid ${stray.pid}: ${stray.command}`);
  } else {
    console.log('  no server or browser process of this run is left');
  }
  const ok = results.length > 0 && results.every((result) => result.ok) && strays.length === 0;
  console.log(ok ? 'INTEGRATION PASSED' : 'INTEGRATION FAILED');
  return ok ? 0 : 1;
}

runMain(main, tracker);
