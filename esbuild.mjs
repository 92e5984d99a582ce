// One build script for the bundles. Type-checking is `npm run typecheck` (tsc --noEmit),
// kept separate so a type error never blocks a quick rebuild in watch mode.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { webviewTarget } from './webview/buildOptions.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints esbuild's problems in the `file:line:col: error: text` shape VS Code's problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log(`[watch] build started (${build.initialOptions.outfile})`));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log(`[watch] build finished (${build.initialOptions.outfile})`);
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcher] : [],
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  // jsonc-parser's `main` is a UMD build whose internal requires esbuild cannot follow; its ESM build bundles.
  mainFields: ['module', 'main'],
};

/**
 * Activation must stay light, so dist/extension.js holds only the thin registrations and the host behind
 * them is a second bundle, dist/host.js, required on first use: `import('./host/createHost')` in
 * src/extension.ts becomes `require('./host.js')` at run time.
 */
const hostChunk = {
  name: 'host-chunk',
  setup(build) {
    build.onResolve({ filter: /^\.\/host\/createHost$/ }, () => ({ path: './host.js', external: true }));
  },
};

const targets = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    plugins: [...common.plugins, hostChunk],
  },
  {
    ...common,
    entryPoints: ['src/host/createHost.ts'],
    outfile: 'dist/host.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    plugins: common.plugins,
  },
  {
    ...common,
    // Assessment files are parsed here, in a worker thread, so a large one never blocks the extension host.
    entryPoints: ['src/workers/assessmentWorker.ts'],
    outfile: 'dist/assessmentWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    plugins: common.plugins,
  },
  { ...common, ...webviewTarget },
  {
    ...common,
    // The CLI is its own npm package (cli/package.json), so it is built into that folder, not into the .vsix.
    entryPoints: ['src/cli/main.ts'],
    outfile: 'cli/dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    banner: { js: '#!/usr/bin/env node' },
  },
].filter((options) => existsSync(options.entryPoints[0]));

/** The webview may load only from dist/ and media/, so the codicon font and its stylesheet are copied into dist/. */
function copyCodicons() {
  mkdirSync('dist/codicons', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf'])
    copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/codicons/${file}`);
}
copyCodicons();

/** The CLI package ships the bundled frameworks beside its bundle, where `bundledFrameworksDir` looks. */
function copyFrameworks() {
  mkdirSync('cli/frameworks', { recursive: true });
  for (const file of readdirSync('frameworks').filter((name) => /\.ya?ml$/.test(name)))
    copyFileSync(`frameworks/${file}`, `cli/frameworks/${file}`);
}
copyFrameworks();

/**
 * ...and them already loaded (src/frameworks/snapshot.ts), so the CLI does not parse 200 KB of YAML on every
 * start. The writer is bundled in memory and run by Node from standard input.
 */
async function writeFrameworkSnapshot() {
  const script = await esbuild.build({
    ...common,
    entryPoints: ['scripts/write-framework-snapshot.ts'],
    platform: 'node',
    format: 'cjs',
    sourcemap: false,
    write: false,
    plugins: [],
  });
  execFileSync(process.execPath, ['-', 'cli/frameworks'], {
    input: script.outputFiles[0].text,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
}
await writeFrameworkSnapshot();

if (watch) {
  const contexts = await Promise.all(targets.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(targets.map((options) => esbuild.build(options)));
  if (existsSync('cli/dist/cli.js')) chmodSync('cli/dist/cli.js', 0o755);
}
