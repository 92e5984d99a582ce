/**
 * Runs one analysis in a process of its own, so the memory figure is the analysis' and not the
 * benchmark's (which holds the generator). Bundled by the benchmark with esbuild, like the extension.
 * Prints one JSON line: cold and warm (cached) times, CPU time of Node and of git, and peak resident memory.
 */
import { performance } from 'node:perf_hooks';
import { analyzeRepository } from '../src/git/analyze';
import { HistoryCache } from '../src/git/cache';
import { childrenCpuMs } from './cpuTime';

async function main(): Promise<void> {
  const [repo = '.', until = String(Date.now() / 1000), days = '90'] = process.argv.slice(2);
  const startRss = process.memoryUsage().rss;
  const cache = new HistoryCache();
  const options = { repo, until: new Date(Number(until) * 1000), days: Number(days), cache };
  const cpuBefore = process.cpuUsage();
  const gitBefore = childrenCpuMs();
  const started = performance.now();
  const result = await analyzeRepository(options);
  const coldMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const gitAfter = childrenCpuMs();
  const nodeCpuMs = (cpu.user + cpu.system) / 1000;
  const gitCpuMs = gitBefore === null || gitAfter === null ? null : gitAfter - gitBefore;
  const again = performance.now();
  await analyzeRepository(options);
  const warmMs = performance.now() - again;
  process.stdout.write(
    `${JSON.stringify({
      coldMs,
      nodeCpuMs,
      gitCpuMs,
      warmMs,
      startRssMB: startRss / 2 ** 20,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      commits: result.history?.commits,
      deployments: result.history?.deployments,
      inWindow: result.deployments.count,
      leadTime: [result.leadTime.commits, result.leadTime.medianHours, result.leadTime.p90Hours],
      failed: result.changeFailure.failed,
      warnings: result.warnings,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
