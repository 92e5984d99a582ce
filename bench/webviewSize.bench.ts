import { WEBVIEW_BUDGET_BYTES } from '../webview/buildOptions.mjs';
import { measureWebviewBundle } from '../test/webview/bundleSize';

export const title = 'webview bundle size (dist/webview.js, minified)';

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export async function run(): Promise<void> {
  const { bytes, gzipBytes, parts } = await measureWebviewBundle();
  const share = ((bytes / WEBVIEW_BUDGET_BYTES) * 100).toFixed(0);
  console.log(
    `minified   ${kb(bytes)} (${bytes} bytes) of a ${kb(WEBVIEW_BUDGET_BYTES)} budget: ${share}%, ${kb(WEBVIEW_BUDGET_BYTES - bytes)} to spare`,
  );
  console.log(`gzip -9    ${kb(gzipBytes)}`);
  console.log('largest parts:');
  for (const [name, size] of parts.slice(0, 8)) console.log(`  ${name.padEnd(32)} ${kb(size).padStart(9)}`);
  if (bytes > WEBVIEW_BUDGET_BYTES) process.exitCode = 1;
}
