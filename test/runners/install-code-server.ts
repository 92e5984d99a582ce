/**
 * Installs the code-server builds the harness uses into the cache folder (~/.cache/dora-assessment).
 * Usage: node --import tsx test/runners/install-code-server.ts [min|latest|all]
 * The runners install on demand too; CI calls this first so the install time shows as its own phase.
 */
import { ensureCodeServer } from './lib/install';
import { logStep } from './lib/timing';
import { selectTargets } from './lib/versions';

async function main(): Promise<void> {
  for (const target of selectTargets(process.argv[2] ?? 'all')) {
    const log = logStep(`install ${target.name}`);
    const install = await ensureCodeServer(target, log);
    log(`code-server ${target.codeServerVersion} ready: ${install.root} (node ${install.nodeBin})`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
