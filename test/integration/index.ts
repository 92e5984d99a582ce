/**
 * Entry point the extension host loads for the integration suites (the `extensionTestsPath` contract shared
 * by @vscode/test-electron and the code-server runner): `run()` resolves when every test passed.
 *
 * Environment (all optional; the runners set them):
 * - DORA_INTEGRATION_SUITE: folder of compiled `*.test.js` files (default: this file's folder). Subfolders are
 *   included, except `untrusted/`, which needs its own pass in an untrusted workspace.
 * - DORA_TEST_LOG: file that receives the spec reporter's output, so the runner can show it in the terminal.
 * - DORA_TEST_RESULTS: file that receives a JSON summary, which the runner checks against the exit code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export interface SuiteResults {
  readonly files: readonly string[];
  readonly passes: number;
  readonly failures: number;
  readonly pending: number;
  readonly tests: readonly {
    readonly title: string;
    readonly state: 'passed' | 'failed' | 'pending';
    readonly error?: string;
  }[];
}

const UNTRUSTED_DIR = 'untrusted';

export function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  const visit = (current: string, isRoot: boolean): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!(isRoot && entry.name === UNTRUSTED_DIR && path.basename(dir) !== UNTRUSTED_DIR)) visit(full, false);
      } else if (entry.name.endsWith('.test.js')) {
        found.push(full);
      }
    }
  };
  visit(dir, true);
  return found.sort();
}

/** The extension host's console goes to the browser, not our terminal: copy the reporter's lines to a file. */
function teeReporterOutput(logFile: string | undefined): void {
  if (!logFile) return;
  const original = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => {
    original(...data);
    fs.appendFileSync(logFile, `${format(...data)}\n`);
  };
}

export async function run(): Promise<void> {
  const dir = process.env['DORA_INTEGRATION_SUITE'] ?? __dirname;
  const files = findTestFiles(dir);
  if (files.length === 0) throw new Error(`No *.test.js files in ${dir}: build the suites first (the runners do).`);
  teeReporterOutput(process.env['DORA_TEST_LOG']);

  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000 });
  for (const file of files) mocha.addFile(file);

  const tests: SuiteResults['tests'][number][] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed' }));
    runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending' }));
    // Hook failures count as failures too; they have no test state of their own.
    runner.on('fail', (test, error: unknown) =>
      tests.push({
        title: test.fullTitle(),
        state: 'failed',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
    );
  });
  const results: SuiteResults = {
    files: files.map((file) => path.relative(dir, file)),
    passes: tests.filter((test) => test.state === 'passed').length,
    failures: Math.max(failures, tests.filter((test) => test.state === 'failed').length),
    pending: tests.filter((test) => test.state === 'pending').length,
    tests,
  };
  const resultsFile = process.env['DORA_TEST_RESULTS'];
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));

  if (results.failures > 0) throw new Error(`${results.failures} integration test(s) failed.`);
  if (results.passes === 0)
    throw new Error(`No integration test passed in ${dir}; a suite that runs nothing proves nothing.`);
}
