import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { PanelState } from '../../../src/core/protocol';
import { panelHtml } from '../../../src/panel/html';

export const ROOT = path.resolve(__dirname, '../../..');
/** Stands in for `webview.cspSource`: the page and its assets share one origin, as in VS Code. */
export const ORIGIN = 'https://panel.test';

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Only dist/ and media/ are served, like the panel's localResourceRoots; anything else is a 404. */
const SERVED = [path.join(ROOT, 'dist'), path.join(ROOT, 'media')];

export function assertBuilt(): void {
  for (const file of ['dist/webview.js', 'dist/codicons/codicon.css', 'dist/codicons/codicon.ttf', 'media/panel.css']) {
    if (!fs.existsSync(path.join(ROOT, file)))
      throw new Error(`${file} is missing: run \`node esbuild.mjs\` first (npm run test:webview does).`);
  }
}

/** Serves the panel page (the same template the host fills) and its assets, from the built files. */
export async function servePanel(context: BrowserContext, state: PanelState): Promise<void> {
  const html = panelHtml({
    cspSource: ORIGIN,
    nonce: randomBytes(16).toString('base64'),
    scriptUri: `${ORIGIN}/dist/webview.js`,
    styleUri: `${ORIGIN}/media/panel.css`,
    codiconsUri: `${ORIGIN}/dist/codicons/codicon.css`,
    title: 'Assessment',
    state,
  });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    const file = path.join(ROOT, decodeURIComponent(url.pathname));
    const allowed = SERVED.some((dir) => file.startsWith(dir + path.sep)) && fs.existsSync(file);
    if (!allowed) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      status: 200,
      contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
      body: fs.readFileSync(file),
    });
  });
  // Nothing leaves the machine: any other origin is refused.
  await context.route(
    (url) => !url.href.startsWith(ORIGIN),
    (route) => route.abort(),
  );
}
