import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { SuiteResults } from '../../integration/index';
import { launchChromium } from './browser';
import { prepareWorkspace } from './fixture';
import type { CodeServerInstall } from './install';
import { followFile } from './log-tail';
import { repoRoot } from './paths';
import type { ProcessTracker } from './processes';
import { createSandbox } from './sandbox';
import { startVsCodeServer } from './server';
import type { RunningServer } from './server';
import { elapsed } from './timing';

export interface PassSpec {
  /** Label in the output, e.g. "trusted". */
  readonly name: string;
  /** Compiled folder holding index.js. */
  readonly bundleDir: string;
  /** Folder of the compiled *.test.js files this pass runs. */
  readonly suiteDir: string;
  readonly trusted: boolean;
}

export interface PassResult {
  readonly label: string;
  readonly ok: boolean;
  readonly passes: number;
  readonly failures: number;
  readonly pending: number;
  readonly seconds: number;
  readonly problem?: string;
  /** Sandbox kept for inspection (failed runs or DORA_KEEP_TMP). */
  readonly kept?: string;
}

const TIMEOUT_MS = Number(process.env['DORA_TEST_TIMEOUT_MS'] ?? 240_000);

/**
 * One run of a compiled suite inside the server-side extension host: a fresh sandbox and fixture workspace,
 * the VS Code server with `--enable-smoke-test-driver`, and a headless Chromium opening the workbench with the
 * extensionDevelopmentPath / extensionTestsPath payload. The workbench reports the tests' outcome by calling
 * `window.codeAutomationExit(code)`, which Playwright exposes to us.
 */
export async function runIntegrationPass(
  install: CodeServerInstall,
  spec: PassSpec,
  tracker: ProcessTracker,
): Promise<PassResult> {
  const label = `${install.target.name} (VS Code ${install.target.vscodeVersion}) ${spec.name}`;
  const started = Date.now();
  const sandbox = createSandbox(`it-${install.target.name}-${spec.name}`);
  prepareWorkspace(sandbox.workspace, { git: true });
  const mochaLog = path.join(sandbox.logs, 'mocha.log');
  const resultsFile = path.join(sandbox.logs, 'results.json');
  const consoleLog = path.join(sandbox.logs, 'workbench-console.log');
  // The extension host inherits the server's environment: that is how the suite learns where to write.
  Object.assign(sandbox.env, {
    DORA_INTEGRATION_SUITE: spec.suiteDir,
    DORA_TEST_LOG: mochaLog,
    DORA_TEST_RESULTS: resultsFile,
    DORA_FIXTURE_WORKSPACE: sandbox.workspace,
  });

  console.log(
    `\n▶ ${label}: ${path.relative(repoRoot, spec.suiteDir) || '.'} (workspace ${spec.trusted ? 'trusted' : 'NOT trusted'})`,
  );
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let exitCode: number | string = 'not started';
  const follower = followFile(mochaLog, (line) => console.log(`    ${line}`));
  try {
    server = await startVsCodeServer(install, sandbox, tracker, { trustWorkspace: spec.trusted });
    browser = await launchChromium(sandbox, tracker);
    const page = await browser.newPage();
    page.on('console', (message) => fs.appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
    let reportExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    const remote = (file: string): string => `vscode-remote://${server?.authority}${file}`;
    const payload = [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(path.join(spec.bundleDir, 'index.js'))],
    ];
    await page.goto(
      `${server.origin}/?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    exitCode = await Promise.race([
      exited,
      new Promise<string>((resolve) => setTimeout(() => resolve(`timed out after ${TIMEOUT_MS / 1000}s`), TIMEOUT_MS)),
    ]);
  } catch (error) {
    exitCode = `runner error: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    follower.stop();
    if (browser) await browser.close().catch(() => undefined);
    if (server) await tracker.stop(server.process);
  }

  const results = readResults(resultsFile);
  let problem: string | undefined;
  if (exitCode !== 0) problem = `extension host exit: ${exitCode}`;
  else if (!results) problem = 'the suite wrote no results';
  else if (results.failures > 0 || results.passes === 0) problem = 'exit code 0 disagrees with the results';
  const ok = problem === undefined;
  const kept = sandbox.dispose(ok);
  const result: PassResult = {
    label,
    ok,
    passes: results?.passes ?? 0,
    failures: results?.failures ?? 0,
    pending: results?.pending ?? 0,
    seconds: (Date.now() - started) / 1000,
    ...(problem ? { problem } : {}),
    ...(kept ? { kept } : {}),
  };
  console.log(
    `  ${ok ? '✔' : '✘'} ${label}: ${result.passes} passing / ${result.failures} failing${result.pending ? ` / ${result.pending} pending` : ''} (${elapsed(started)})`,
  );
  if (problem) console.log(`    ${problem}`);
  if (kept)
    console.log(
      `    logs and workspace kept in ${kept} (server log: logs/vscode-server.log, browser console: logs/workbench-console.log)`,
    );
  return result;
}

function readResults(file: string): SuiteResults | undefined {
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
}
