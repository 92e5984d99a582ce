import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { WEBVIEW_BUDGET_BYTES } from '../webview/buildOptions.mjs';

export const title = 'what ships: the .vsix, its bundles, and the dora-assess npm package';

const ROOT = path.resolve(__dirname, '..');
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`.padStart(10);

function exec(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || String(result.error)}`);
  return result.stdout;
}

/** Packs the extension as `npm run package` does (its prepublish builds the minified bundles), then weighs it. */
function weigh(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'dora-vsix-'));
  try {
    const vsix = path.join(dir, 'dora-assessment.vsix');
    exec('npx', ['vsce', 'package', '--no-dependencies', '-o', vsix]);
    const size = (file: string) => statSync(path.join(ROOT, file)).size;
    console.log(`.vsix                       ${kb(statSync(vsix).size)}`);
    console.log(`  dist/extension.js         ${kb(size('dist/extension.js'))}  (loaded at activation)`);
    console.log(`  dist/host.js              ${kb(size('dist/host.js'))}  (loaded on first use)`);
    const webview = size('dist/webview.js');
    console.log(
      `  dist/webview.js           ${kb(webview)}  (${((webview / WEBVIEW_BUDGET_BYTES) * 100).toFixed(0)}% of the ${kb(WEBVIEW_BUDGET_BYTES).trim()} budget)`,
    );
    const [pack] = JSON.parse(exec('npm', ['pack', './cli', '--dry-run', '--json'])) as {
      size: number;
      unpackedSize: number;
    }[];
    if (!pack) throw new Error('npm pack reported nothing');
    console.log(
      `dora-assess npm package     ${kb(pack.size)}  (${kb(pack.unpackedSize).trim()} unpacked; not in the .vsix)`,
    );
    if (webview > WEBVIEW_BUDGET_BYTES) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const run = (): Promise<void> => Promise.resolve().then(weigh);
