import * as fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import type { ProcessTracker } from './processes';
import type { Sandbox } from './sandbox';

/** Debian's chromium; Playwright downloads no browser. Override with DORA_CHROMIUM. */
export function chromiumPath(): string {
  const candidates = [process.env['DORA_CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
  if (!found)
    throw new Error('Chromium not found. Install it with: sudo apt-get install -y chromium (or set DORA_CHROMIUM).');
  return found;
}

/** Headless Chromium as every run here starts it: no sandbox (root in CI), no GPU, nothing fetched in the background. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(sandbox: Sandbox, tracker: ProcessTracker): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // The marker lets the tracker find any Chromium process that outlives the run.
    env: tracker.env(sandbox.env),
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}
