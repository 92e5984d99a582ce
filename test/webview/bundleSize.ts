import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { webviewTarget } from '../../webview/buildOptions.mjs';

export interface BundleSize {
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Bytes in the output per package (or source folder), largest first. */
  readonly parts: ReadonlyArray<readonly [string, number]>;
}

const ROOT = path.resolve(__dirname, '../..');

/** Builds the webview exactly as `node esbuild.mjs --production` does, in memory, and weighs it. */
export async function measureWebviewBundle(): Promise<BundleSize> {
  const result = await build({
    ...webviewTarget,
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    sourcemap: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    write: false,
    metafile: true,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no webview bundle');
  const parts = new Map<string, number>();
  for (const meta of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(meta.inputs))
      parts.set(partOf(input), (parts.get(partOf(input)) ?? 0) + bytesInOutput);
  }
  return {
    bytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    parts: [...parts].sort((a, b) => b[1] - a[1]),
  };
}

function partOf(input: string): string {
  const modules = input.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = input.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? input);
  }
  return input.split('/').slice(0, 2).join('/');
}
