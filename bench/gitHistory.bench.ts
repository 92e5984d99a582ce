import { buildAnalyzeWorker } from './workerBuild';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_TAG_PATTERN } from '../src/core/metrics/patterns';
import { childrenCpuMs } from './cpuTime';
import { writeSyntheticRepo } from './syntheticRepo';

export const title = 'git history analysis (src/git/analyze.ts)';

const RUNS = 5;
const TARGET_RATIO = 1.5;
const TARGET_MB = 300;

/** `--commits N` / `--tags N` (defaults: 100,000 and 3,000); `--repo=<path>` measures an existing repository instead. */
function option(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  const raw = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

/**
 * The reference: a bare `git log` over the same starting points, output drained, nothing parsed. Run with
 * GIT_FLUSH=0 like the analysis' own git log (see src/git/run.ts), which makes it about twice as fast as
 * git's default for a pipe: the stricter comparison.
 */
export function bareLog(
  repo: string,
  starts: string,
  revisions: readonly string[] = ['--stdin'],
): Promise<{ wallMs: number; cpuMs: number | null }> {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const child = spawn('git', ['log', ...revisions, '--format=%H%x00%P%x00%at'], {
      cwd: repo,
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, GIT_FLUSH: '0' },
    });
    child.stdout.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`git log exited with ${code}`));
        return;
      }
      const wallMs = performance.now() - started;
      const cpuAfter = childrenCpuMs();
      resolve({ wallMs, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore });
    });
    child.stdin.end(starts);
  });
}

export interface WorkerReport {
  coldMs: number;
  nodeCpuMs: number;
  gitCpuMs: number | null;
  warmMs: number;
  startRssMB: number;
  maxRssMB: number;
  commits: number;
  deployments: number;
  inWindow: number;
  leadTime: [number, number | null, number | null];
  failed: number;
  warnings: string[];
}

export function analyzeInWorker(worker: string, repo: string, until: number): WorkerReport {
  const output = execFileSync(process.execPath, [worker, repo, String(until), '90'], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output) as WorkerReport;
}

export async function run(args: readonly string[]): Promise<void> {
  const commits = option(args, 'commits', 100_000);
  const tags = option(args, 'tags', 3_000);
  const work = mkdtempSync(path.join(tmpdir(), 'dora-bench-'));
  // Ctrl+C during the minutes of generation must not leave a large repository in the temp folder.
  const interrupted = () => {
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    const existing = args.find((a) => a.startsWith('--repo='))?.slice('--repo='.length);
    const repoDir = existing ? path.resolve(existing) : path.join(work, 'repo');
    let until = Date.now() / 1000;
    if (existing) {
      console.log(`Repository: ${repoDir} (window ends now)`);
    } else {
      const started = performance.now();
      const repo = await writeSyntheticRepo(repoDir, { commits, tags });
      until = repo.lastTime + 3600;
      console.log(
        `Synthetic repository: ${repo.commits.toLocaleString('en-US')} commits (${repo.merges.toLocaleString('en-US')} merges, ${repo.reverts} reverts), ` +
          `${repo.tags.toLocaleString('en-US')} tags (${repo.annotated} annotated), written by git fast-import in ${ms(performance.now() - started)}`,
      );
    }

    const worker = path.join(work, 'analyzeWorker.cjs');
    await buildAnalyzeWorker(worker);

    const pattern = new RegExp(DEFAULT_TAG_PATTERN);
    const tagNames = execFileSync('git', ['for-each-ref', '--format=%(refname)', 'refs/tags'], {
      cwd: repoDir,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    })
      .split('\n')
      .filter((ref) => pattern.test(ref.slice('refs/tags/'.length)));
    const starts = [...tagNames, 'refs/heads/main'].map((ref) => `${ref}\n`).join('');

    const baseline: Array<{ wallMs: number; cpuMs: number | null }> = [];
    const reports: WorkerReport[] = [];
    for (let i = 0; i < RUNS; i++) {
      baseline.push(await bareLog(repoDir, starts));
      reports.push(analyzeInWorker(worker, repoDir, until));
    }
    const cold = median(reports.map((r) => r.coldMs));
    const warm = median(reports.map((r) => r.warmMs));
    const bare = median(baseline.map((b) => b.wallMs));
    const ratio = cold / bare;
    const analysisCpu = reports.every((r) => r.gitCpuMs !== null)
      ? median(reports.map((r) => r.nodeCpuMs + r.gitCpuMs!))
      : null;
    const bareCpu = baseline.every((b) => b.cpuMs !== null) ? median(baseline.map((b) => b.cpuMs!)) : null;
    const peak = Math.max(...reports.map((r) => r.maxRssMB));
    const first = reports[0]!;
    const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');

    console.log(
      `Deployment tags matching ${DEFAULT_TAG_PATTERN}: ${tagNames.length.toLocaleString('en-US')}; ${first.inWindow} in the 90-day window`,
    );
    console.log(
      `Read ${first.commits.toLocaleString('en-US')} commits; lead time over ${first.leadTime[0]} commits: median ${first.leadTime[1]} h, p90 ${first.leadTime[2]} h; ${first.failed} failed deployments`,
    );
    console.log('');
    console.log(
      `Analysis (cold, median of ${RUNS}):           ${ms(cold)}   [${reports.map((r) => ms(r.coldMs)).join(', ')}]`,
    );
    console.log(`Analysis (cached, same process):       ${ms(warm)}`);
    console.log(
      `git log --format=%H%x00%P%x00%at, GIT_FLUSH=0 (median): ${ms(bare)}   [${baseline.map((b) => ms(b.wallMs)).join(', ')}]`,
    );
    console.log(
      `Ratio analysis / git log (wall time):  ${ratio.toFixed(2)}  (target ≤ ${TARGET_RATIO}: ${verdict(ratio <= TARGET_RATIO)})`,
    );
    if (analysisCpu !== null && bareCpu !== null) {
      const nodeCpu = median(reports.map((r) => r.nodeCpuMs));
      console.log(
        `CPU time: analysis ${ms(analysisCpu)} (Node ${ms(nodeCpu)}, git ${ms(analysisCpu - nodeCpu)}), git log ${ms(bareCpu)}; ratio ${(analysisCpu / bareCpu).toFixed(2)}`,
      );
      console.log(
        '  (Node parses while git writes, on another core, so wall time is what a user waits; CPU time does not depend on machine load.)',
      );
    }
    console.log(
      `Peak memory (max RSS of the analysis process): ${peak.toFixed(0)} MB, of which ${first.startRssMB.toFixed(0)} MB is Node at start  (target < ${TARGET_MB} MB: ${verdict(peak < TARGET_MB)})`,
    );
  } finally {
    process.off('SIGINT', interrupted);
    rmSync(work, { recursive: true, force: true });
  }
}
