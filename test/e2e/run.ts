/**
 * End-to-end: the packaged .vsix installed into code-server, the real panel driven in Debian's Chromium.
 *
 *   node --import tsx test/e2e/run.ts [--target latest|min|all] [--skip-package]
 *
 * Per target, two scenarios, each on its own code-server and workspace: the user's path in a trusted workspace
 * (scenario.ts), then Restricted Mode and granting trust (trustScenario.ts).
 * Screenshots (light and dark) go to test-results/e2e/<target>/, which CI keeps as artifacts.
 * Exits non-zero when a step fails or a process of the run is left behind.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { parseArgs } from '../runners/lib/args';
import { launchChromium } from '../runners/lib/browser';
import { prepareWorkspace } from '../runners/lib/fixture';
import { ensureCodeServer } from '../runners/lib/install';
import type { CodeServerInstall } from '../runners/lib/install';
import { runMain } from '../runners/lib/main';
import { repoRoot, resultsDir } from '../runners/lib/paths';
import { ProcessTracker } from '../runners/lib/processes';
import { runCommand } from '../runners/lib/run';
import { createSandbox } from '../runners/lib/sandbox';
import { installVsix, startCodeServer } from '../runners/lib/server';
import type { RunningServer } from '../runners/lib/server';
import { elapsed, logStep } from '../runners/lib/timing';
import { selectTargets } from '../runners/lib/versions';
import { runScenario } from './scenario';
import type { StepRecorder, StepResult } from './steps';
import { prepareTrustWorkspace, runTrustScenario } from './trustScenario';
import { Workbench } from './workbench';

const tracker = new ProcessTracker();
const VSIX = path.join(repoRoot, 'dora-assessment.vsix');

interface ScenarioOutcome {
  readonly label: string;
  readonly ok: boolean;
  readonly steps: StepResult[];
}

interface SessionSpec {
  /** "main" or "trust": names the sandbox and the summary line. */
  readonly name: string;
  readonly trustWorkspace: boolean;
  readonly prepare: (workspace: string) => void;
  readonly run: (workbench: Workbench, workspace: string) => Promise<StepRecorder>;
}

/** One scenario against its own code-server, sandbox and workspace, so no state carries over between scenarios. */
async function runSession(install: CodeServerInstall, spec: SessionSpec): Promise<ScenarioOutcome> {
  const label = `${install.target.name} (VS Code ${install.target.vscodeVersion}) ${spec.name}`;
  const log = logStep(`e2e ${install.target.name} ${spec.name}`);
  const sandbox = createSandbox(`e2e-${install.target.name}-${spec.name}`);
  spec.prepare(sandbox.workspace);
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let steps: StepResult[] = [];
  let ok = false;
  console.log(
    `\n▶ e2e ${spec.name} on ${install.target.name} (VS Code ${install.target.vscodeVersion}), workspace ${spec.trustWorkspace ? 'trusted' : 'NOT trusted'}`,
  );
  try {
    await installVsix(install, sandbox, tracker, VSIX);
    log('vsix installed');
    server = await startCodeServer(install, sandbox, tracker, { trustWorkspace: spec.trustWorkspace });
    log(`code-server up on ${server.origin}`);
    browser = await launchChromium(sandbox, tracker);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (message) =>
      fs.appendFileSync(path.join(sandbox.logs, 'workbench-console.log'), `[${message.type()}] ${message.text()}\n`),
    );
    const workbench = new Workbench(page);
    await workbench.open(`${server.origin}/?folder=${encodeURIComponent(sandbox.workspace)}`);
    log('workbench open');
    const recorder = await spec.run(workbench, sandbox.workspace);
    steps = recorder.results;
    ok = recorder.ok;
  } catch (error) {
    console.log(`  ✘ ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    if (server) await tracker.stop(server.process);
    const kept = sandbox.dispose(ok);
    if (kept) console.log(`  logs and workspace kept in ${kept}`);
  }
  log(ok ? 'passed' : 'FAILED');
  return { label, ok, steps };
}

/**
 * The user's path in a trusted workspace, then Restricted Mode and granting trust. The trust scenario runs
 * even when the first failed: it has its own server and workspace, and its result is worth having.
 */
async function runTarget(install: CodeServerInstall): Promise<ScenarioOutcome[]> {
  const shotsDir = path.join(resultsDir, 'e2e', install.target.name);
  fs.rmSync(shotsDir, { recursive: true, force: true });
  fs.mkdirSync(shotsDir, { recursive: true });
  const main = await runSession(install, {
    name: 'main',
    // Trust is not what this scenario is about; the trust scenario below covers it.
    trustWorkspace: true,
    prepare: (workspace) => prepareWorkspace(workspace, { git: true }),
    run: (workbench, workspace) => runScenario({ workbench, workspace, shotsDir }),
  });
  const trust = await runSession(install, {
    name: 'trust',
    trustWorkspace: false,
    prepare: prepareTrustWorkspace,
    run: (workbench) => runTrustScenario({ workbench, shotsDir }),
  });
  return [main, trust];
}

/** The README shows what a user sees in real VS Code: the pictures this run just took, never hand-made ones. */
const README_SCREENSHOTS = [
  '01-panel-answered-light.png',
  '03-panel-answered-dark.png',
  '05-report-preview-light.png',
  '06-report-roadmap-light.png',
  '07-ledger-light.png',
  '08-quick-check-light.png',
  '09-quick-check-dark.png',
];

function updateReadmeScreenshots(): void {
  const from = path.join(resultsDir, 'e2e', 'latest');
  const to = path.join(repoRoot, 'docs', 'screenshots');
  fs.mkdirSync(to, { recursive: true });
  for (const name of README_SCREENSHOTS) fs.copyFileSync(path.join(from, name), path.join(to, name));
  console.log(`  README screenshots updated in ${path.relative(repoRoot, to)}/`);
}

async function main(): Promise<number> {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2), {
    values: ['target'],
    flags: ['skip-package', 'update-readme-screenshots'],
  });
  const log = logStep('e2e');
  if (!options.has('skip-package') || !fs.existsSync(VSIX)) {
    await runCommand('npm', ['run', '--silent', 'package'], { cwd: repoRoot });
    log(`packaged ${path.relative(repoRoot, VSIX)}`);
  }
  const outcomes = [];
  for (const target of selectTargets(options.get('target') ?? 'latest')) {
    outcomes.push(...(await runTarget(await ensureCodeServer(target, log))));
  }
  const strays = await tracker.shutdown();

  console.log('\nEnd-to-end summary');
  for (const outcome of outcomes) {
    const count = (state: StepResult['state']): number => outcome.steps.filter((step) => step.state === state).length;
    console.log(
      `  ${outcome.ok ? 'PASS' : 'FAIL'}  ${outcome.label}: ${count('passed')} passing / ${count('failed')} failing / ${count('not run')} not run`,
    );
  }
  console.log(`  screenshots: ${path.relative(repoRoot, path.join(resultsDir, 'e2e'))}/  (${elapsed(started)})`);
  if (strays.length > 0)
    for (const stray of strays) console.log(`  FAIL  left behind and killed: pid ${stray.pid} ${stray.command}`);
  else console.log('  no server or browser process of this run is left');
  const ok = outcomes.length > 0 && outcomes.every((outcome) => outcome.ok) && strays.length === 0;
  if (ok && options.has('update-readme-screenshots')) updateReadmeScreenshots();
  console.log(ok ? 'E2E PASSED' : 'E2E FAILED');
  return ok ? 0 : 1;
}

runMain(main, tracker);
