import * as assert from 'node:assert/strict';
import { WEBVIEW_BUDGET_BYTES } from '../../webview/buildOptions.mjs';
import { measureWebviewBundle } from './bundleSize';

describe('the webview bundle', () => {
  it('stays within its size budget when minified', async () => {
    const { bytes, parts } = await measureWebviewBundle();
    const largest = parts
      .slice(0, 5)
      .map(([name, size]) => `${name} ${(size / 1000).toFixed(1)} kB`)
      .join(', ');
    assert.ok(
      bytes <= WEBVIEW_BUDGET_BYTES,
      `dist/webview.js would be ${bytes} bytes, over the ${WEBVIEW_BUDGET_BYTES}-byte budget; largest parts: ${largest}`,
    );
  });
});
