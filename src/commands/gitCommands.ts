import * as vscode from 'vscode';
import type { MetricsResult } from '../core/metrics/result';
import type { GitInsights } from '../contracts/seams';
import { pickWorkspaceFolder } from '../workspace/workspaceFolders';
import { findInCatalog } from '../frameworks/catalog';
import { UNTRUSTED_REASON } from '../services/gitInsights';
import type { InsightOptions } from '../services/gitInsights';
import { metricsText } from '../services/metricsText';
import type { HostContext } from './hostContext';
import { targetAssessment } from './openAssessment';

const TRUST_ACTION = 'Manage Workspace Trust';

/** DORA: Suggest Answers from Git. Runs the analysis with a cancellable progress notification, then shows the suggestions in the panel. */
export function suggestFromGitCommand(host: HostContext) {
  return async (arg?: unknown): Promise<GitInsights | undefined> => {
    const uri = await targetAssessment(host, arg, 'Suggest answers from git for');
    if (!uri) return undefined;
    await host.panels.open(uri);
    if (!trusted(host)) return { kind: 'unavailable', reason: UNTRUSTED_REASON };
    const document = await host.documents.open(uri);
    try {
      const insights = await withGitProgress('DORA: Reading git history for suggestions', (options) =>
        host.git.forDocument(document, { ...options, refresh: true }),
      );
      // The panel asks again and gets the same figures from the history cache, without re-reading git.
      await host.panels.refreshGit(uri);
      if (insights.kind === 'ok') {
        await host.panels.showSuggestions(uri);
        announce(insights.result);
      } else if (!/cancelled/i.test(insights.reason)) void vscode.window.showWarningMessage(insights.reason);
      return insights;
    } finally {
      document.dispose();
    }
  };
}

/** DORA: Show Git Metrics. In the panel's metrics tab when an assessment is open, otherwise in an output channel. */
export function showGitMetricsCommand(host: HostContext) {
  return async (arg?: unknown): Promise<GitInsights | undefined> => {
    if (!trusted(host)) return { kind: 'unavailable', reason: UNTRUSTED_REASON };
    const uri = arg === undefined ? host.panels.activeUri() : await targetAssessment(host, arg, 'Show git metrics for');
    if (uri) {
      await host.panels.open(uri, 'metrics');
      const document = await host.documents.open(uri);
      try {
        const insights = await withGitProgress('DORA: Reading git history', (options) =>
          host.git.forDocument(document, options),
        );
        await host.panels.refreshGit(uri);
        host.panels.showMetrics(uri);
        if (insights.kind === 'ok')
          host
            .metricsOutput()
            .append(metricsText(insights.result, `Git metrics for ${vscode.workspace.asRelativePath(uri)}`));
        else if (!/cancelled/i.test(insights.reason)) void vscode.window.showWarningMessage(insights.reason);
        return insights;
      } finally {
        document.dispose();
      }
    }
    const folder = await pickWorkspaceFolder('git metrics');
    if (!folder) return undefined;
    // Without an assessment, suggestions are made for the bundled DORA framework's questions.
    const framework = findInCatalog(await host.catalog.bundled(), 'dora');
    const insights = await withGitProgress('DORA: Reading git history', (options) =>
      host.git.forFolder(folder.uri, framework, options),
    );
    if (insights.kind === 'ok') {
      const output = host.metricsOutput();
      output.append(`${metricsText(insights.result, `Git metrics for ${folder.name}`)}\n`);
      output.show(true);
    } else if (!/cancelled/i.test(insights.reason)) {
      void vscode.window.showWarningMessage(insights.reason);
    }
    return insights;
  };
}

export function withGitProgress(
  title: string,
  run: (options: InsightOptions) => Promise<GitInsights>,
): Promise<GitInsights> {
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (progress, token) => {
        let reported = 0;
        return run({
          token,
          onProgress: ({ message, fraction }) => {
            // withProgress takes increments; the analysis reports where it is.
            const increment = fraction === undefined ? undefined : Math.max(0, fraction * 100 - reported);
            if (fraction !== undefined) reported = Math.max(reported, fraction * 100);
            progress.report({ message, ...(increment ? { increment } : {}) });
          },
        });
      },
    ),
  );
}

/** In Restricted Mode git is not run; say so, with the way out (without waiting for the message to be dismissed). */
export function trusted(host: HostContext): boolean {
  if (vscode.workspace.isTrusted) return true;
  host.log.info('Git analysis skipped: the workspace is not trusted.');
  void vscode.window.showWarningMessage(UNTRUSTED_REASON, TRUST_ACTION).then((choice) => {
    if (choice === TRUST_ACTION) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}

function announce(result: MetricsResult): void {
  const count = result.suggestions.length;
  const message = count
    ? `DORA: ${count} answer${count === 1 ? '' : 's'} suggested from git, shown in the panel. Review each and press "Use" to accept.`
    : `DORA: git gave no suggestion for this framework's questions.${result.warnings[0] ? ` ${result.warnings[0]}` : ''}`;
  void vscode.window.showInformationMessage(message);
}
