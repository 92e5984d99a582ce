import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../runners/lib/browser';

let shared: Promise<Browser> | undefined;

/** One headless Chromium for the whole run; each test gets its own context (a fresh page and storage). */
export function browser(): Promise<Browser> {
  shared ??= chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  return shared;
}

// A root-level hook: registered once, when the first spec imports this module.
if (typeof after === 'function')
  after(async () => {
    if (shared) await (await shared).close();
    shared = undefined;
  });
