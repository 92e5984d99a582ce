import { spawnSync } from 'node:child_process';
import { runCommand } from './run';

function isInstalled(pkg: string): boolean {
  const query = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', pkg], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.trim() === 'installed';
}

/**
 * Installs the Debian packages that are missing, and does nothing (no `apt-get update`, no root needed)
 * when they are all there: CI images that already have them skip a minute of apt.
 */
export async function ensureDebianPackages(packages: readonly string[], log: (message: string) => void): Promise<void> {
  const missing = packages.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(', ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt run may hold the lock (CI provisioning); wait for it instead of failing.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  await runCommand('apt-get', [...lock, 'update', '-q'], { env });
  await runCommand('apt-get', [...lock, 'install', '-y', '-q', '--no-install-recommends', ...missing], { env });
}
