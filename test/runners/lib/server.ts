import * as net from 'node:net';
import * as path from 'node:path';
import type { CodeServerInstall } from './install';
import type { ProcessTracker, TrackedProcess } from './processes';
import { tail } from './run';
import type { Sandbox } from './sandbox';

export interface RunningServer {
  readonly process: TrackedProcess;
  readonly origin: string;
  /** host:port, the authority of vscode-remote:// URIs. */
  readonly authority: string;
  readonly logFile: string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, server: TrackedProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitedWith: number | string | undefined;
  void server.exited.then((code) => (exitedWith = code));
  while (Date.now() < deadline) {
    if (exitedWith !== undefined)
      throw new Error(`${server.name} exited (${exitedWith}) before answering.\n${tail(logFile, 30)}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${server.name} did not answer ${url} within ${timeoutMs / 1000}s.\n${tail(logFile, 30)}`);
}

export interface ServerOptions {
  /** false: the workspace opens untrusted (Restricted Mode), as a stranger's clone would. */
  readonly trustWorkspace: boolean;
}

/**
 * The VS Code server bundled in code-server, started directly: only it accepts `--enable-smoke-test-driver`,
 * without which VS Code 1.139 ignores the extensionDevelopmentPath/extensionTestsPath payload.
 */
export async function startVsCodeServer(
  install: CodeServerInstall,
  sandbox: Sandbox,
  tracker: ProcessTracker,
  options: ServerOptions,
): Promise<RunningServer> {
  const port = await freePort();
  const logFile = path.join(sandbox.logs, 'vscode-server.log');
  const args = [
    install.vscodeServerMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--user-data-dir',
    sandbox.userData,
    '--extensions-dir',
    sandbox.extensions,
    ...(options.trustWorkspace ? ['--disable-workspace-trust'] : []),
  ];
  const server = tracker.spawn('VS Code server', install.nodeBin, args, {
    env: withNodeOnPath(install, sandbox.env),
    logFile,
  });
  const authority = `127.0.0.1:${port}`;
  await waitForHttp(`http://${authority}/`, server, logFile, 60_000);
  return { process: server, origin: `http://${authority}`, authority, logFile };
}

function codeServerArgs(sandbox: Sandbox): string[] {
  return [
    '--config',
    path.join(sandbox.root, 'code-server.yaml'),
    '--user-data-dir',
    sandbox.userData,
    '--extensions-dir',
    sandbox.extensions,
  ];
}

/** The code-server product as a user runs it: login disabled, no update checks. */
export async function startCodeServer(
  install: CodeServerInstall,
  sandbox: Sandbox,
  tracker: ProcessTracker,
  options: ServerOptions,
): Promise<RunningServer> {
  const port = await freePort();
  const logFile = path.join(sandbox.logs, 'code-server.log');
  const args = [
    install.codeServerEntry,
    ...codeServerArgs(sandbox),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(options.trustWorkspace ? ['--disable-workspace-trust'] : []),
  ];
  const server = tracker.spawn('code-server', install.nodeBin, args, {
    env: withNodeOnPath(install, sandbox.env),
    logFile,
  });
  const authority = `127.0.0.1:${port}`;
  await waitForHttp(`http://${authority}/healthz`, server, logFile, 60_000);
  return { process: server, origin: `http://${authority}`, authority, logFile };
}

/** `code-server --install-extension x.vsix` into the sandbox's extensions folder (a folder path is not accepted). */
export async function installVsix(
  install: CodeServerInstall,
  sandbox: Sandbox,
  tracker: ProcessTracker,
  vsix: string,
): Promise<void> {
  const logFile = path.join(sandbox.logs, 'install-extension.log');
  const installer = tracker.spawn(
    'code-server --install-extension',
    install.nodeBin,
    [install.codeServerEntry, ...codeServerArgs(sandbox), '--install-extension', vsix],
    {
      env: withNodeOnPath(install, sandbox.env),
      logFile,
    },
  );
  const code = await installer.exited;
  if (code !== 0) throw new Error(`Installing ${vsix} failed (${code}).\n${tail(logFile, 30)}`);
}

/** code-server re-spawns Node for its children by name; that must be the Node it was built for. */
function withNodeOnPath(install: CodeServerInstall, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PATH: `${path.dirname(install.nodeBin)}${path.delimiter}${env['PATH'] ?? ''}` };
}
