// First import on purpose: it records when the bundle started to load (see loadClock.ts).
import { loadStartedAt } from './activation/loadClock';
import * as vscode from 'vscode';
import type { DoraExtensionApi } from './contracts/api';
import { ASSESSMENTS_VIEW_ID, COMMAND_IDS, PANEL_VIEW_TYPE } from './contracts/ids';
import type { Host } from './host/createHost';
import { trackAssessmentFolders } from './workspace/workspaceFolders';
import type * as CreateHostModule from './host/createHost';
import { LazyTreeProvider } from './views/lazyTree';
import { loadHostForOwnValidation } from './activation/ownValidation';

/** Runs after every import above: the bundle is loaded. VS Code then prepares the context before calling activate. */
const bundleLoadedAt = performance.now();
let loaded: Promise<Host> | undefined;

/**
 * Activation registers the commands, the Assessments view and the panel serializer as thin stubs, and
 * nothing more. The host behind them (schemas, frameworks, the store, the panel; git later still) loads on
 * the first command, the first look at the view or the first restored panel.
 */
export function activate(context: vscode.ExtensionContext): DoraExtensionApi {
  const activateStartedAt = performance.now();
  const log = vscode.window.createOutputChannel('DORA Assessment', { log: true });
  const tree = new LazyTreeProvider();
  const host = (): Promise<Host> =>
    (loaded ??= Promise.resolve().then(() => {
      const started = performance.now();
      // require, not import(): the build makes this a second CommonJS bundle, loaded through VS Code's own require.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createHost } = require('./host/createHost') as typeof CreateHostModule;
      const created = createHost(context, log, tree);
      context.subscriptions.push(created);
      log.info(`Host loaded on first use in ${(performance.now() - started).toFixed(1)} ms.`);
      return created;
    }));
  tree.attach(host);

  context.subscriptions.push(
    log,
    tree,
    trackAssessmentFolders(),
    loadHostForOwnValidation(() => void host()),
    vscode.window.createTreeView(ASSESSMENTS_VIEW_ID, { treeDataProvider: tree }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => (await host()).deserialize(panel, state),
    }),
    ...Object.values(COMMAND_IDS).map((id) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => (await host()).run(id, args)),
    ),
  );
  // Our cost only: loading the bundle plus running activate, without the time VS Code spends in between.
  const loadMs = bundleLoadedAt - loadStartedAt;
  const activationMs = loadMs + (performance.now() - activateStartedAt);
  log.info(
    `Activated in ${activationMs.toFixed(1)} ms (loading the bundle ${loadMs.toFixed(1)} ms, activate ${(activationMs - loadMs).toFixed(1)} ms).`,
  );
  return apiOver(host, activationMs);
}

/** Pending answers are written before the extension host goes away. */
export async function deactivate(): Promise<void> {
  const host = await loaded;
  await host?.documents.closeAll();
}

function apiOver(host: () => Promise<Host>, activationMs: number): DoraExtensionApi {
  return {
    activationMs,
    host: async () => (await host()).api,
  };
}
