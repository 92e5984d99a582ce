import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Framework } from '../core/framework/schema';
import type { MetricsResult } from '../core/metrics/result';
import type { AnalysisProgress } from '../git/analyze';
import type { AssessmentDocument, GitInsights } from '../contracts/seams';
import { configFileIn } from '../config/read';
import type { ChoiceLayer } from '../core/config/resolve';
import { CONFIG_FILE_NAME } from '../core/config/schema';
import { assessmentsDirOf, displayPath } from '../workspace/workspaceFolders';
import { settingsLayer } from './gitSettings';
import { affectsGitSettings, explicitGitSettings, readGitSettings } from './settings';
import { SharedRuns } from './sharedRuns';
import { chosenPackageUnavailable, withChosenPackage } from './packageChoices';
import type { PackageChoices } from './packageChoices';

export const UNTRUSTED_REASON =
  'Git is not run in an untrusted workspace (Restricted Mode), so there are no suggestions from its history. Trust the workspace to get them; the questionnaire works either way.';

const CANCELLED: GitInsights = { kind: 'unavailable', reason: 'The git analysis was cancelled.' };

export interface InsightOptions {
  /**
   * Start a new analysis instead of joining one under way. The history cache below is keyed by HEAD and
   * every ref, so it is never stale and is not bypassed: a refresh re-reads refs and recomputes.
   */
  readonly refresh?: boolean | undefined;
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
  /** Bumped when a team configuration file changes, so a request after the change never joins a run before it. */
  private configGeneration = 0;

  constructor(
    private readonly isTrusted: () => boolean,
    private readonly log: vscode.LogOutputChannel,
    private readonly packages?: PackageChoices,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsGitSettings(event) || event.affectsConfiguration('dora.assessmentsFolder')) this.changed.fire();
      }),
      this.watchTeamConfig(),
    );
  }

  /**
   * `.dora/config.yaml` (in whatever folder `dora.assessmentsFolder` names) decides how git is measured:
   * a change, creation or deletion makes the figures on screen out of date. Reading it is harmless, so
   * it is watched in Restricted Mode too; git still runs only once the workspace is trusted.
   */
  private watchTeamConfig(): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const changed = () => {
      this.configGeneration++;
      this.changed.fire();
    };
    return vscode.Disposable.from(
      watcher,
      watcher.onDidChange(changed),
      watcher.onDidCreate(changed),
      watcher.onDidDelete(changed),
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
    const configFile = this.configFileOf(folder);
    if (!configFile.ok) return { kind: 'unavailable', reason: configFile.message };
    const chosenPackage = this.packages?.get(folder.fsPath);
    const settings = withChosenPackage(settingsLayer(checked.settings, explicitGitSettings(folder)), chosenPackage);
    const key = JSON.stringify([
      folder.fsPath,
      framework?.id ?? '',
      framework?.version ?? '',
      settings,
      configFile.file,
      this.configGeneration,
      options.until?.toISOString() ?? 'now',
    ]);
    const request = {
      repo: folder.fsPath,
      configFile: configFile.file,
      settings,
      gitPath: checked.settings.gitPath,
      chosenPackage,
    };
    return this.running.join(key, (signal) => this.analyze(request, framework, options, signal), {
      fresh: options.refresh,
      token: options.token,
      cancelled: CANCELLED,
    });
  }

  /** The team configuration of a folder: `<dora.assessmentsFolder>/config.yaml` inside its workspace folder. */
  private configFileOf(folder: vscode.Uri): { ok: true; file: string } | { ok: false; message: string } {
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
    if (!workspaceFolder) return { ok: true, file: configFileIn(folder.fsPath) };
    const dir = assessmentsDirOf(workspaceFolder);
    return dir.ok ? { ok: true, file: path.join(dir.dir, CONFIG_FILE_NAME) } : dir;
  }

  private async analyze(
    request: {
      repo: string;
      configFile: string;
      settings: ChoiceLayer;
      gitPath: string;
      chosenPackage: string | undefined;
    },
    framework: Framework | undefined,
    options: InsightOptions,
    signal: AbortSignal,
  ): Promise<GitInsights> {
    this.started++;
    const began = Date.now();
    const { repo } = request;
    try {
      const { measureWithConfig } = await import('../config/measure');
      const measured = await measureWithConfig({
        repo,
        configFile: request.configFile,
        settings: request.settings,
        explain: true,
        analysis: {
          framework,
          ...(options.until ? { until: options.until } : {}),
          gitPath: request.gitPath,
          signal,
          onProgress: options.onProgress,
        },
      });
      if (measured.kind === 'invalid-config') {
        const { formatProblem } = await import('../core/problems');
        const lines = measured.problems.map((problem) =>
          formatProblem({ ...problem, file: displayPath(vscode.Uri.file(measured.file)) }),
        );
        this.log.warn(`Team configuration ${measured.file}:\n${lines.join('\n')}`);
        return {
          kind: 'unavailable',
          reason: `The team configuration cannot be used, so git was not measured. Fix it and try again: ${lines.join('; ')}`,
        };
      }
      const result: MetricsResult = measured.result;
      this.log.info(
        `Git analysis of ${repo}: ${result.deployments.count} deployments, ${result.suggestions.length} suggestions (${Date.now() - began} ms).`,
      );
      return { kind: 'ok', result, ...(measured.ledger ? { ledger: measured.ledger } : {}) };
    } catch (error) {
      const { isGitAnalysisError } = await import('../git/errors');
      if (isGitAnalysisError(error)) {
        this.log.warn(`Git analysis of ${repo}: ${error.message}`);
        return chosenPackageUnavailable(error, request.chosenPackage) ?? { kind: 'unavailable', reason: error.message };
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
