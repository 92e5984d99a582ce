/**
 * Runs the same integration suites in desktop VS Code through @vscode/test-electron, for machines with
 * internet (it downloads VS Code into .vscode-test/) and a display (on a headless Linux: `xvfb-run -a`).
 * VSCODE_EXECUTABLE=/path/to/code uses a local install instead of downloading.
 *
 *   node --import tsx test/runners/electron.ts [--version min|stable|all] [--skip-build]
 *
 * "min" is the version in engines.vscode, "stable" the latest release. Like the code-server runner it runs
 * test/integration/untrusted/ in a second pass without --disable-workspace-trust, which runTests() always adds.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import type { SuiteResults } from '../integration/index';
import { parseArgs } from './lib/args';
import { buildExtension, buildIntegrationSuites } from './lib/build';
import { prepareWorkspace } from './lib/fixture';
import { followFile } from './lib/log-tail';
import { runMain } from './lib/main';
import { repoRoot } from './lib/paths';
import { ProcessTracker } from './lib/processes';
import { createSandbox, editorFreeEnv } from './lib/sandbox';
import type { Sandbox } from './lib/sandbox';

const tracker = new ProcessTracker();

interface Pass {
  readonly name: 'trusted' | 'untrusted';
  readonly suiteDir: string;
}

function minimumVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    engines: { vscode: string };
  };
  return manifest.engines.vscode.replace(/^[\^~>=]+/, '');
}

async function executables(which: string): Promise<{ label: string; executable: string }[]> {
  const local = process.env['VSCODE_EXECUTABLE'];
  if (local) return [{ label: `local ${local}`, executable: local }];
  const versions = which === 'all' ? [minimumVersion(), 'stable'] : [which === 'min' ? minimumVersion() : which];
  const found: { label: string; executable: string }[] = [];
  for (const version of versions) found.push({ label: version, executable: await downloadAndUnzipVSCode(version) });
  return found;
}

async function runPass(executable: string, bundleDir: string, pass: Pass, label: string): Promise<boolean> {
  const sandbox = createSandbox(`electron-${pass.name}`);
  prepareWorkspace(sandbox.workspace, { git: true });
  const env = {
    DORA_INTEGRATION_SUITE: pass.suiteDir,
    DORA_TEST_LOG: path.join(sandbox.logs, 'mocha.log'),
    DORA_TEST_RESULTS: path.join(sandbox.logs, 'results.json'),
    DORA_FIXTURE_WORKSPACE: sandbox.workspace,
  };
  console.log(`\n▶ VS Code ${label} ${pass.name}`);
  const follower = followFile(env.DORA_TEST_LOG, (line) => console.log(`    ${line}`));
  let exitOk = false;
  try {
    exitOk =
      pass.name === 'trusted'
        ? await viaRunTests(executable, bundleDir, sandbox, env)
        : await untrusted(executable, bundleDir, sandbox, env);
  } catch (error) {
    console.log(`    ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    follower.stop();
  }
  const results = fs.existsSync(env.DORA_TEST_RESULTS)
    ? (JSON.parse(fs.readFileSync(env.DORA_TEST_RESULTS, 'utf8')) as SuiteResults)
    : undefined;
  const ok = exitOk && !!results && results.failures === 0 && results.passes > 0;
  console.log(
    `  ${ok ? '✔' : '✘'} VS Code ${label} ${pass.name}: ${results?.passes ?? 0} passing / ${results?.failures ?? 0} failing`,
  );
  const kept = sandbox.dispose(ok);
  if (kept) console.log(`    kept ${kept}`);
  return ok;
}

function profileArgs(sandbox: Sandbox): string[] {
  return [`--user-data-dir=${sandbox.userData}`, `--extensions-dir=${sandbox.extensions}`];
}

async function viaRunTests(
  executable: string,
  bundleDir: string,
  sandbox: Sandbox,
  env: Record<string, string>,
): Promise<boolean> {
  const code = await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(bundleDir, 'index.js'),
    launchArgs: [sandbox.workspace, ...profileArgs(sandbox)],
    // Not the sandbox's TMPDIR/XDG_*: a desktop VS Code needs the session's XDG_RUNTIME_DIR to reach the display.
    extensionTestsEnv: { ...tracker.env({}), ...env },
  });
  return code === 0;
}

/** The arguments runTests() uses, minus --disable-workspace-trust, so the workspace opens in Restricted Mode. */
async function untrusted(
  executable: string,
  bundleDir: string,
  sandbox: Sandbox,
  env: Record<string, string>,
): Promise<boolean> {
  const args = [
    sandbox.workspace,
    '--no-sandbox',
    '--disable-gpu-sandbox',
    '--disable-updates',
    '--skip-welcome',
    '--skip-release-notes',
    `--extensionDevelopmentPath=${repoRoot}`,
    `--extensionTestsPath=${path.join(bundleDir, 'index.js')}`,
    ...profileArgs(sandbox),
  ];
  const run = tracker.spawn('VS Code', executable, args, {
    env: { ...editorFreeEnv(), ...env },
    logFile: path.join(sandbox.logs, 'vscode.log'),
  });
  return (await run.exited) === 0;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2), { values: ['version'], flags: ['skip-build'] });
  if (!options.has('skip-build')) await buildExtension();
  const bundleDir = await buildIntegrationSuites();
  const passes: Pass[] = [{ name: 'trusted', suiteDir: bundleDir }];
  const untrustedDir = path.join(bundleDir, 'untrusted');
  if (fs.existsSync(untrustedDir)) passes.push({ name: 'untrusted', suiteDir: untrustedDir });

  let ok = true;
  for (const { label, executable } of await executables(options.get('version') ?? 'all')) {
    for (const pass of passes) ok = (await runPass(executable, bundleDir, pass, label)) && ok;
  }
  const strays = await tracker.shutdown();
  if (strays.length > 0) {
    console.log(`✘ ${strays.length} process(es) outlived the run: ${strays.map((s) => s.pid).join(', ')}`);
    ok = false;
  }
  console.log(ok ? 'VSCODE TESTS PASSED' : 'VSCODE TESTS FAILED');
  return ok ? 0 : 1;
}

runMain(main, tracker);
