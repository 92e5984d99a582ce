import { buildAnalyzeWorker } from './workerBuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { childrenCpuMs } from './cpuTime';
import { analyzeInWorker, bareLog } from './gitHistory.bench';
import type { WorkerReport } from './gitHistory.bench';
import { SHAPES, writeShape } from './shapeRepo';

export const title = 'release conventions shaped like real repositories (issue 9), and CLI start-up';

const ROOT = path.resolve(__dirname, '..');
const RUNS = 3;
const TARGET_RATIO = 1.5;
const TARGET_MB = 300;
const TARGET_STARTUP_MS = 150;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');

/** The analysis (detection, no configuration) against a bare git log over the same refs, in the same run. */
export async function run(args: readonly string[]): Promise<void> {
  const only = args.find((a) => a.startsWith('--shape='))?.slice('--shape='.length);
  const work = mkdtempSync(path.join(tmpdir(), 'dora-shapes-'));
  const interrupted = () => {
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    const worker = path.join(work, 'analyzeWorker.cjs');
    await buildAnalyzeWorker(worker);
    for (const shape of SHAPES.filter((s) => !only || s.name.includes(only))) {
      const dir = path.join(work, `shape-${SHAPES.indexOf(shape)}`);
      const started = performance.now();
      const written = await writeShape(dir, shape);
      console.log(
        `\n-- ${shape.name}: ${shape.commits.toLocaleString('en-US')} commits on main, ${written.tags.toLocaleString('en-US')} tags (written in ${ms(performance.now() - started)})`,
      );
      // The reference the issue names: every tag, or HEAD when there are none.
      const revisions = written.tags > 0 ? ['--tags'] : ['HEAD'];
      const baseline: Array<{ wallMs: number; cpuMs: number | null }> = [];
      const reports: WorkerReport[] = [];
      for (let i = 0; i < RUNS; i++) {
        baseline.push(await bareLog(dir, '', revisions));
        reports.push(analyzeInWorker(worker, dir, written.lastTime + 3600));
      }
      printShape(reports, baseline, revisions);
      rmSync(dir, { recursive: true, force: true });
    }
    startup();
  } finally {
    process.off('SIGINT', interrupted);
    rmSync(work, { recursive: true, force: true });
  }
}

function printShape(
  reports: readonly WorkerReport[],
  baseline: ReadonlyArray<{ wallMs: number; cpuMs: number | null }>,
  revisions: readonly string[],
): void {
  const first = reports[0];
  if (!first) return;
  const cold = median(reports.map((r) => r.coldMs));
  const bare = median(baseline.map((b) => b.wallMs));
  const ratio = cold / bare;
  const cpu = median(reports.map((r) => r.nodeCpuMs + (r.gitCpuMs ?? 0)));
  const bareCpu = median(baseline.map((b) => b.cpuMs ?? 0));
  const peak = Math.max(...reports.map((r) => r.maxRssMB));
  console.log(
    `Read ${first.commits.toLocaleString('en-US')} commits; ${first.deployments.toLocaleString('en-US')} deployments in the history, ${first.inWindow} in the 90-day window; lead time over ${first.leadTime[0]} commits: median ${String(first.leadTime[1])} h, p90 ${String(first.leadTime[2])} h`,
  );
  console.log(
    `Analysis (cold, median of ${RUNS}): ${ms(cold)}; git log ${revisions.join(' ')} --format=%H%x00%P%x00%at: ${ms(bare)}`,
  );
  console.log(`Ratio (wall time): ${ratio.toFixed(2)}  (target ≤ ${TARGET_RATIO}: ${verdict(ratio <= TARGET_RATIO)})`);
  console.log(`CPU time: analysis ${ms(cpu)} (Node and git), git log ${ms(bareCpu)}`);
  console.log(`Peak memory (max RSS): ${peak.toFixed(0)} MB  (target < ${TARGET_MB} MB: ${verdict(peak < TARGET_MB)})`);
}

/** What a user waits for before any git runs: Node, module loading and framework parsing (`frameworks`). */
function startup(): void {
  const cli = path.join(ROOT, 'cli', 'dist', 'cli.js');
  // Built afresh, so the figure is the current sources' (with the frameworks snapshot the build writes).
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'ignore' });
  const time = (args: readonly string[]) => {
    const runs: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      const cpuBefore = childrenCpuMs() ?? 0;
      execFileSync(process.execPath, args, { stdio: 'ignore' });
      runs.push(performance.now() - started);
      cpu.push((childrenCpuMs() ?? 0) - cpuBefore);
    }
    return [median(runs), median(cpu)] as const;
  };
  const [node, nodeCpu] = time(['-e', '0']);
  const [total, totalCpu] = time([cli, 'frameworks']);
  const own = total - node;
  console.log(
    `\n-- CLI start-up: "dora-assess frameworks" ${ms(total)} (Node alone ${ms(node)}, so the CLI's own ${ms(own)}: module loading and framework parsing)  (target < ${TARGET_STARTUP_MS} ms: ${verdict(own < TARGET_STARTUP_MS)})`,
  );
  console.log(
    `CPU time: ${ms(totalCpu)}, Node alone ${ms(nodeCpu)}, so the CLI's own ${ms(totalCpu - nodeCpu)} (steadier than wall time on a loaded machine)`,
  );
}
