import { build } from 'esbuild';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** Bundles one worker entry for Node, as esbuild.mjs does for the extension, so it loads as plain JavaScript. */
async function bundleWorker(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    logLevel: 'warning',
    // jsonc-parser's UMD `main` does not bundle; its ESM build does (as in esbuild.mjs).
    mainFields: ['module', 'main'],
  });
}

/** Bundles the analysis worker, so each measured run is a fresh process that loads only what it needs. */
export function buildAnalyzeWorker(outfile: string): Promise<void> {
  return bundleWorker('bench/analyzeWorker.ts', outfile);
}

/** Bundles the assessment worker the extension ships as dist/assessmentWorker.js. */
export function buildAssessmentWorker(outfile: string): Promise<void> {
  return bundleWorker('src/workers/assessmentWorker.ts', outfile);
}
