import * as path from 'node:path';
import * as vscode from 'vscode';
import { registerCommitDocuments } from '../panel/commitDocument';
import type { HostContext } from '../commands/hostContext';
import { commandHandlers } from '../commands/register';
import { AssessmentPanel } from '../panel/assessmentPanel';
import { panelSerializer } from '../panel/serializer';
import { AssessmentFilesWatcher } from '../services/assessmentIndex';
import { FrameworkCatalog } from '../services/frameworkCatalog';
import { GitInsightsService, repositoryFolder } from '../services/gitInsights';
import { cleanStaleTemps } from '../store/atomicWrite';
import { DocumentRegistry } from '../store/documentRegistry';
import { AssessmentsTreeProvider } from '../views/assessmentsTree';
import type { LazyTreeProvider } from '../views/lazyTree';
import { ScoreStatusBar } from '../views/scoreStatusBar';
import type { DoraHostApi } from '../contracts/api';
import type { PanelServices } from '../contracts/seams';
import { panelBridge } from '../panel/panelBridge';
import { assessmentsDirOf } from '../workspace/workspaceFolders';
import { reportCommands } from '../commands/reportCommands';
import { PackageChoices } from '../services/packageChoices';
import { formatProblem } from '../core/problems';
import { ParseWorkerClient } from '../workers/parseWorkerClient';
import { AssessmentDiagnostics } from '../views/assessmentDiagnostics';

/** The loaded host, as the thin registrations of `activate` reach it. */
export interface Host extends vscode.Disposable {
  readonly documents: DocumentRegistry;
  readonly tree: AssessmentsTreeProvider;
  readonly api: DoraHostApi;
  run(command: string, args: readonly unknown[]): Promise<unknown>;
  deserialize(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

/** Builds the host's parts. Every constructor here is cheap: frameworks are read and git runs only when asked. */
export function createHost(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  lazyTree: LazyTreeProvider,
): Host {
  const isTrusted = () => vscode.workspace.isTrusted;
  // Assessment and framework files are parsed in a worker thread (dist/assessmentWorker.js), never on the host's own.
  const parser = new ParseWorkerClient({
    script: path.join(context.extensionUri.fsPath, 'dist', 'assessmentWorker.js'),
    onTooSlow: (problem) => log.warn(formatProblem(problem)),
  });
  const catalog = new FrameworkCatalog(context.extensionUri.fsPath, isTrusted, log, (file, bytes) =>
    parser.framework(file, bytes),
  );
  const documents = new DocumentRegistry(
    (uri) => ({
      resolveFramework: async (_id, assessment) => catalog.resolve(uri.fsPath, assessment),
      root: vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath,
      onWriteError: (error) => {
        const message = error instanceof Error ? error.message : String(error);
        log.error(`Saving ${uri.fsPath} failed: ${message}`);
        void vscode.window.showErrorMessage(
          `DORA: could not save ${vscode.workspace.asRelativePath(uri)} (${message}). Your answers are kept and saved with the next change.`,
        );
      },
    }),
    log,
  );
  cleanTempFiles(log);
  const packages = new PackageChoices(context.workspaceState);
  const git = new GitInsightsService(isTrusted, log, packages);
  const trustGranted = new vscode.EventEmitter<void>();
  const services: PanelServices = {
    extensionUri: context.extensionUri,
    log,
    openDocument: (uri) => documents.open(uri),
    gitInsights: (document, options) => git.forDocument(document, options ?? {}),
    isTrusted,
    onDidGrantTrust: trustGranted.event,
    choosePackage: (document, name) => packages.set(repositoryFolder(document.uri).fsPath, name),
  };
  const files = new AssessmentFilesWatcher();
  const tree = new AssessmentsTreeProvider(catalog, parser, files, log);
  const statusBar = new ScoreStatusBar();
  let metricsChannel: vscode.OutputChannel | undefined;
  const hostContext: HostContext = {
    extension: context,
    log,
    catalog,
    parser,
    documents,
    git,
    panels: panelBridge(services, documents),
    tree,
    metricsOutput: () => (metricsChannel ??= vscode.window.createOutputChannel('DORA Git Metrics')),
  };
  const handlers = commandHandlers(hostContext, reportCommands(hostContext));
  const serializer = panelSerializer(services);

  const disposables: vscode.Disposable[] = [
    registerCommitDocuments(),
    catalog,
    parser,
    new AssessmentDiagnostics(parser),
    documents,
    git,
    trustGranted,
    files,
    tree,
    statusBar,
    { dispose: () => metricsChannel?.dispose() },
    tree.onDidChangeTreeData(() => lazyTree.refresh()),
    // Documents first (their framework may be a workspace file), then the panels, which ask for git again.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void documents.reloadAll().finally(() => trustGranted.fire())),
    catalog.onDidChange(() => void documents.reloadAll()),
    // Trust changes reach the panels through services.onDidGrantTrust; settings changes come through here.
    git.onDidInvalidate(() => {
      for (const panel of AssessmentPanel.all) void panel.refreshGit();
    }),
    AssessmentPanel.onDidChangeActivePanel((panel) => statusBar.show(panel?.document)),
  ];
  // A panel may already be active if it was restored before the host finished loading.
  statusBar.show(AssessmentPanel.active?.document);

  return {
    documents,
    tree,
    async run(command, args) {
      const handler = handlers[command];
      if (!handler) {
        void vscode.window.showErrorMessage(`DORA: the command ${command} is not available in this build.`);
        return undefined;
      }
      return await handler(...args);
    },
    deserialize: (panel, state) => Promise.resolve(serializer.deserializeWebviewPanel(panel, state)),
    api: {
      services,
      openDocument: (uri) => documents.open(uri),
      panel: (uri) => AssessmentPanel.forUri(vscode.Uri.file(uri.fsPath)),
      flushAll: () => documents.flushAll(),
      gitRuns: () => git.runs,
      frameworkIds: async (dir) =>
        (await catalog.entries(dir)).flatMap((entry) => (entry.result.ok ? [entry.result.value.id] : [])),
      statusBarText: () => statusBar.text,
      assessmentItems: async () =>
        (await tree.getChildren()).map((node) => {
          const item = tree.getTreeItem(node);
          const label = typeof item.label === 'object' ? item.label.label : String(item.label);
          return { label, description: String(item.description ?? '') };
        }),
      gitInsights: async (uri, refresh) => {
        const document = await documents.open(uri);
        try {
          return await git.forDocument(document, { refresh });
        } finally {
          document.dispose();
        }
      },
    },
    dispose() {
      for (const disposable of disposables.splice(0)) disposable.dispose();
    },
  };
}

/** Temp files a killed save left in the assessments and reports folders, removed once they are a minute old. */
function cleanTempFiles(log: vscode.LogOutputChannel): void {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const dir = assessmentsDirOf(folder);
    if (!dir.ok) continue;
    for (const target of [dir.dir, path.join(dir.dir, 'reports')])
      void cleanStaleTemps(target).then((removed) => {
        if (removed > 0) log.info(`Removed ${removed} stale temporary file(s) from ${target}.`);
      });
  }
}
