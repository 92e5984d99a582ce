// `npm run test:unit`: compiles the unit tests and the sources they import once with esbuild (one .js per
// .ts, with source maps, into out/unit/), then runs mocha on the output under c8, two test files at a time.
// c8 maps the coverage back to the TypeScript sources through the source maps. Arguments are passed to
// mocha, e.g. `npm run test:unit -- 'out/unit/test/unit/git/**/*.test.js'`.
// `npx mocha` (tsx, no build step) stays the quick way to run a few tests while editing.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'out', 'unit');
const started = performance.now();

/** Every .ts file under the folders the unit tests import from (tests, sources, webview, and bench's shared builders). */
function typescriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return typescriptFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * The compiled files live one folder deeper than their sources, so the paths they resolve at run time are
 * pinned to the sources' places: `__dirname` becomes the source folder (tests find the repository root and
 * frameworks/ from it) and a relative JSON import becomes an absolute one (JSON is not copied to out/).
 */
const sourcePlaces = {
  name: 'source-places',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const dir = path.dirname(args.path);
      const contents = readFileSync(args.path, 'utf8')
        .replace(/\b__dirname\b/g, JSON.stringify(dir))
        .replace(
          /(from\s+)'(\.{1,2}\/[^']+\.json)'/g,
          (_, from, spec) => from + JSON.stringify(path.resolve(dir, spec)),
        );
      return { contents, loader: 'ts' };
    });
  },
};

rmSync(OUT, { recursive: true, force: true });
await esbuild.build({
  entryPoints: ['src', 'webview', 'test/unit', 'test/runners/lib', 'bench'].flatMap((dir) =>
    typescriptFiles(path.join(ROOT, dir)),
  ),
  outdir: OUT,
  outbase: ROOT,
  bundle: false,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [sourcePlaces],
});
// The test files run in parallel, so the CLI bundle the subprocess tests spawn is brought up to date once,
// here, rather than by two test files racing to rebuild it.
createRequire(import.meta.url)(path.join(OUT, 'test/unit/cli/cliProcess.js')).ensureCliBuilt();
const built = performance.now();

const c8 = path.join(ROOT, 'node_modules', 'c8', 'bin', 'c8.js');
const mocha = path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
const run = spawnSync(
  process.execPath,
  [
    c8,
    // A run that loses the coverage fails rather than printing a meaningless figure.
    '--check-coverage',
    '--lines',
    '90',
    process.execPath,
    '--enable-source-maps',
    mocha,
    '--no-config',
    '--timeout',
    '20000',
    // Most of the run is spent waiting on git and CLI subprocesses; two files at a time keep two cores busy.
    '--parallel',
    '--jobs',
    String(Math.max(2, availableParallelism())),
    '--require',
    'test/runners/lib/coverage-workers.cjs',
    ...(process.argv.length > 2 ? process.argv.slice(2) : ['out/unit/test/unit/**/*.test.js']),
  ],
  { cwd: ROOT, stdio: 'inherit' },
);
const seconds = (ms) => (ms / 1000).toFixed(1);
console.log(
  `unit tests: ${seconds(performance.now() - started)} s in all (${seconds(built - started)} s to compile and bundle the CLI)`,
);
process.exitCode = run.status ?? 1;
