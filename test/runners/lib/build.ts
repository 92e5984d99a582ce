import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { integrationOutDir, repoRoot } from './paths';
import { runCommand } from './run';

function listTestSources(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Compiles suites for the extension host: one CommonJS bundle per test file (so a suite may import src/
 * and src/core directly), `vscode` and `mocha` left to the host. Returns the compiled folder.
 */
export async function buildSuites(sourceDir: string, outDir: string): Promise<string> {
  fs.rmSync(outDir, { recursive: true, force: true });
  const common: esbuild.BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  };
  await esbuild.build({
    ...common,
    entryPoints: [path.join(repoRoot, 'test', 'integration', 'index.ts')],
    outfile: path.join(outDir, 'index.js'),
  });
  const tests = listTestSources(sourceDir);
  if (tests.length > 0) await esbuild.build({ ...common, entryPoints: tests, outbase: sourceDir, outdir: outDir });
  return outDir;
}

export function buildIntegrationSuites(): Promise<string> {
  return buildSuites(path.join(repoRoot, 'test', 'integration'), integrationOutDir);
}

/** dist/ from the project's own build script, which the extension host loads through package.json `main`. */
export async function buildExtension(): Promise<void> {
  await runCommand(process.execPath, [path.join(repoRoot, 'esbuild.mjs')], { cwd: repoRoot });
}
