import * as os from 'node:os';
import * as path from 'node:path';

/** The clone's root; every runner is started from npm scripts, but may also be run by hand from elsewhere. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * Installs of code-server live outside the clone, so `git clean` or a fresh checkout does not
 * throw away minutes of native-module builds.
 */
export function cacheDir(): string {
  const explicit = process.env['DORA_CACHE_DIR'];
  if (explicit) return path.resolve(explicit);
  const xdg = process.env['XDG_CACHE_HOME'];
  return path.join(xdg ? path.resolve(xdg) : path.join(os.homedir(), '.cache'), 'dora-assessment');
}

/** Screenshots and runner logs CI keeps as artifacts (git-ignored). */
export const resultsDir = path.join(repoRoot, 'test-results');

/** Where the integration suites are compiled to (git-ignored). */
export const integrationOutDir = path.join(repoRoot, 'out', 'test', 'integration');
