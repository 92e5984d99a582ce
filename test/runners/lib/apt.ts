import { spawnSync } from 'node:child_process';
import { runCommand } from './run';

function isInstalled(pkg: string): boolean {
  const query = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', pkg], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.trim() === 'installed';
}

/** Whether this is a Debian or Ubuntu machine, where dpkg can tell what is installed. */
export function hasDpkg(): boolean {
  return spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** How to run apt-get as root: directly when we are root, through sudo when it asks for no password. */
function aptCommand(): string[] | undefined {
  const apt = ['apt-get', '-o', 'DPkg::Lock::Timeout=600'];
  if (process.getuid?.() === 0) return apt;
  if (spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status !== 0) return undefined;
  // sudo resets the environment, so DEBIAN_FRONTEND goes through as an assignment on its command line.
  return ['sudo', '-n', 'DEBIAN_FRONTEND=noninteractive', ...apt];
}

/** The one command a person runs to install what is missing. */
export function installCommand(missing: readonly string[]): string {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`;
}

/**
 * Installs the Debian packages that are missing, as root or with passwordless sudo, and does nothing (no
 * `apt-get update`) when they are all there: CI images that already have them skip a minute of apt.
 * Without a way to root it throws, naming the one command to run.
 */
export async function ensureDebianPackages(packages: readonly string[], log: (message: string) => void): Promise<void> {
  const missing = packages.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) return;
  const apt = aptCommand();
  if (!apt)
    throw new Error(`Missing Debian packages: ${missing.join(', ')}. Install them with:\n  ${installCommand(missing)}`);
  log(`installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt run may hold the lock (CI provisioning): the lock timeout waits for it instead of failing.
  const [command = 'apt-get', ...args] = apt;
  await runCommand(command, [...args, 'update', '-q'], { env });
  await runCommand(command, [...args, 'install', '-y', '-q', '--no-install-recommends', ...missing], { env });
}
