/**
 * `npm test`'s pretest step: on a fresh Debian or Ubuntu machine, `npm ci && npm test` installs the system
 * packages the suites need, as root or with passwordless sudo; otherwise it stops and prints the one command
 * to run. Elsewhere (macOS, other Linux) it only says what it would need, and the suites report what is missing.
 */
import { ensureDebianPackages, hasDpkg } from './lib/apt';

/**
 * chromium: the webview UI and end-to-end tests; libkrb5-dev, pkg-config: code-server's kerberos module;
 * g++, make, python3: node-gyp for code-server's native modules; git: the fixture repositories.
 */
const PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config', 'g++', 'make', 'python3', 'git'];

async function main(): Promise<number> {
  if (!hasDpkg()) {
    console.log(`system packages: not a Debian or Ubuntu machine; the suites need ${PACKAGES.join(', ')}.`);
    return 0;
  }
  try {
    await ensureDebianPackages(PACKAGES, (message) => console.log(`system packages: ${message}`));
    console.log(`system packages: ${PACKAGES.join(', ')} installed.`);
    return 0;
  } catch (error) {
    console.error(`system packages: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

void main().then((code) => (process.exitCode = code));
