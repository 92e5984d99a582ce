import { build } from 'esbuild';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** Bundles the analysis worker, so each measured run is a fresh process that loads only what it needs. */
export async function buildAnalyzeWorker(outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(ROOT, 'bench', 'analyzeWorker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    logLevel: 'warning',
  });
}
