import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Framework } from '../core/framework/schema';
import type { MetricsResult } from '../core/metrics/result';
import type { AnalysisProgress } from '../git/analyze';
import type { AssessmentDocument, GitInsights } from '../host/contracts';
import type { GitSettings } from './gitSettings';
import { affectsGitSettings, readGitSettings } from './settings';
import { SharedRuns } from './sharedRuns';

export const UNTRUSTED_REASON =
  'Git is not run in an untrusted workspace (Restricted Mode), so there are no suggestions from its history. Trust the workspace to get them; the questionnaire works either way.';

const CANCELLED: GitInsights = { kind: 'unavailable', reason: 'The git analysis was cancelled.' };

export interface InsightOptions {
  /**
   * Start a new analysis instead of joining one under way. The history cache below is keyed by HEAD and
   * every ref, so it is never stale and is not bypassed: a refresh re-reads refs and recomputes.
   */
  readonly refresh?: boolean;
  readonly token?: vscode.CancellationToken;
  readonly onProgress?: (progress: AnalysisProgress) => void;
  /**
   * The end of the window; now when left out. A report passes its assessment's `updatedAt`, so
   * regenerating it from the same history gives the same figures, as the CLI's `report --repo` does.
   */
  readonly until?: Date;
}

/**
 * Git figures and suggested answers for an assessment's repository. Git runs only in a trusted workspace,
 * and the analysis code is loaded on first use, so activation never pays for it. Repeated requests are
 * cheap without going stale: the analysis keeps each repository's history in memory, keyed by HEAD and
 * every ref, so asking again costs two small git calls; requests made while one runs share it.
 */
export class GitInsightsService implements vscode.Disposable {
  private readonly running = new SharedRuns<GitInsights>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a `dora.git.*` (or `git.path`) setting changed: figures on screen may be out of date. */
  readonly onDidInvalidate = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** How many analyses actually started; tests read it to prove an untrusted workspace runs none. */
  private started = 0;

  constructor(
    private readonly isTrusted: () => boolean,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsGitSettings(event)) this.changed.fire();
      }),
    );
  }

  get runs(): number {
    return this.started;
  }

  /** For a document: the repository is its workspace folder (or its own folder outside the workspace). */
  forDocument(document: AssessmentDocument, options: InsightOptions = {}): Promise<GitInsights> {
    const framework = document.state.kind === 'loaded' ? document.state.framework : undefined;
    return this.forFolder(repositoryFolder(document.uri), framework, options);
  }

  async forFolder(
    folder: vscode.Uri,
    framework: Framework | undefined,
    options: InsightOptions = {},
  ): Promise<GitInsights> {
    if (!this.isTrusted()) return { kind: 'unavailable', reason: UNTRUSTED_REASON };
    const checked = readGitSettings(folder);
    if (!checked.ok) return { kind: 'unavailable', reason: checked.message };
    const key = JSON.stringify([
      folder.fsPath,
      framework?.id ?? '',
      framework?.version ?? '',
      checked.settings,
      options.until?.toISOString() ?? 'now',
    ]);
    return this.running.join(
      key,
      (signal) => this.analyze(folder.fsPath, framework, checked.settings, options, signal),
      {
        fresh: options.refresh,
        token: options.token,
        cancelled: CANCELLED,
      },
    );
  }

  private async analyze(
    repo: string,
    framework: Framework | undefined,
    settings: GitSettings,
    options: InsightOptions,
    signal: AbortSignal,
  ): Promise<GitInsights> {
    this.started++;
    const began = Date.now();
    try {
      const { analyzeRepository } = await import('../git/analyze');
      const result: MetricsResult = await analyzeRepository({
        repo,
        framework,
        ...(settings.tagPattern === '' ? {} : { tagPattern: settings.tagPattern }),
        origins: {
          tagPattern: 'the setting dora.git.tagPattern',
          source: 'the setting dora.git.source',
          defaultBranch: 'the setting dora.git.defaultBranch',
        },
        defaultBranch: settings.defaultBranch || undefined,
        days: settings.windowDays,
        ...(options.until ? { until: options.until } : {}),
        clock: settings.leadTimeClock,
        source: settings.source,
        failureDays: settings.failureDays,
        hotfixPattern: settings.hotfixPattern,
        gitPath: settings.gitPath,
        signal,
        onProgress: options.onProgress,
      });
      this.log.info(
        `Git analysis of ${repo}: ${result.deployments.count} deployments, ${result.suggestions.length} suggestions (${Date.now() - began} ms).`,
      );
      return { kind: 'ok', result };
    } catch (error) {
      const { isGitAnalysisError } = await import('../git/errors');
      if (isGitAnalysisError(error)) {
        this.log.warn(`Git analysis of ${repo}: ${error.message}`);
        return { kind: 'unavailable', reason: error.message };
      }
      this.log.error(
        `Git analysis of ${repo} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return {
        kind: 'unavailable',
        reason: `The git analysis failed unexpectedly (${error instanceof Error ? error.message : String(error)}). The details are in Output > DORA Assessment.`,
      };
    }
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

export function repositoryFolder(uri: vscode.Uri): vscode.Uri {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.file(path.dirname(uri.fsPath));
}
