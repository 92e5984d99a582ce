import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MetricsResult } from '../core/metrics/result';
import { formatProblem } from '../core/problems';
import type { AssessmentDocument, GitInsights } from '../contracts/seams';
import { configuredCapacity } from '../report/capacity';
import { findPreviousAssessment } from '../report/previous';
import { ReportError, writeReport } from '../report/writeReport';
import type { AssessmentParser } from '../services/assessmentParser';
import { assessmentsDirOf } from '../workspace/workspaceFolders';
import { listFiles } from '../store/listFiles';
import { isFileUri, uriFromArg } from './args';
import { isListedAssessmentName } from '../workspace/assessmentFiles';

/** What the report command needs from the host; `PanelServices` provides the first three. */
export interface GenerateReportDeps {
  readonly log: vscode.LogOutputChannel;
  /** Parses the folder's other assessments to find the one to compare with; in-process when absent. */
  readonly parser?: AssessmentParser;
  /** The store's document for a file: the assessment with any edits not yet on disk, and its framework. Disposed after use. */
  openDocument(uri: vscode.Uri): Promise<AssessmentDocument>;
  /** Git metrics for the document's repository; without it (or when git is unavailable) the report has no git section. */
  gitInsights?(
    document: AssessmentDocument,
    options?: { token?: vscode.CancellationToken; until?: Date },
  ): Promise<GitInsights>;
  /** The file of the active assessment panel, if there is one. */
  activeAssessment?(): vscode.Uri | undefined;
  /** Asks which assessment to report on; by default a quick pick of the workspace's `.dora/*.json`. */
  pickAssessment?(title: string): Promise<vscode.Uri | undefined>;
}

/** What the command writes and shows: the Markdown in VS Code's preview, or the HTML export for a browser. */
export interface ReportCommandOptions {
  readonly html?: boolean;
}

/**
 * DORA: Generate Report, and DORA: Export Report as HTML. The assessment is the argument (a Uri from the
 * panel, the Assessments view or the explorer), else the active panel's, else one the user picks. Writes
 * `reports/<name>.md` and its charts beside the assessment and opens the Markdown preview; the export
 * also writes `reports/<name>.html` and offers to open it in the browser. Returns the file it showed.
 */
export function generateReportCommand(
  deps: GenerateReportDeps,
  options: ReportCommandOptions = {},
): (arg?: unknown) => Promise<vscode.Uri | undefined> {
  return async (arg) => {
    const title = options.html ? 'Export which assessment as HTML?' : 'Generate a report for which assessment?';
    const uri = uriFromArg(arg) ?? deps.activeAssessment?.() ?? (await (deps.pickAssessment ?? pickDoraFile)(title));
    if (!uri) return undefined;
    if (!isFileUri(uri)) {
      void vscode.window.showErrorMessage(
        `DORA: ${uri.toString()} is not a file on this machine; reports are written beside local assessment files.`,
      );
      return undefined;
    }
    const written = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'DORA: generating the report', cancellable: true },
      (progress, token) => generate(deps, uri, options, progress, token),
    );
    if (!written) return undefined;
    if (!options.html) {
      await vscode.commands.executeCommand('markdown.showPreview', written);
      return written;
    }
    void offerToOpen(written);
    return written;
  };
}

/** The export is for someone outside VS Code: say where it is and open it in the browser on request. */
async function offerToOpen(file: vscode.Uri): Promise<void> {
  const choice = await vscode.window.showInformationMessage(
    `DORA: exported ${vscode.workspace.asRelativePath(file)}. Open it in a browser to read or print it to PDF.`,
    'Open in Browser',
  );
  if (choice) await vscode.env.openExternal(file);
}

async function generate(
  deps: GenerateReportDeps,
  uri: vscode.Uri,
  options: ReportCommandOptions,
  progress: vscode.Progress<{ message?: string }>,
  token: vscode.CancellationToken,
): Promise<vscode.Uri | undefined> {
  const document = await deps.openDocument(uri);
  try {
    // The panel saves after a pause; the report must see the answer typed a moment ago.
    await document.flush();
    const state = document.state;
    if (state.kind !== 'loaded') {
      const why = state.kind === 'missing' ? 'the file no longer exists' : state.problems.map(formatProblem).join('; ');
      void vscode.window.showErrorMessage(
        `DORA: no report for ${vscode.workspace.asRelativePath(uri)}: ${why}. Fix the file, then generate the report again.`,
      );
      return undefined;
    }
    const metrics = await gitMetrics(deps, document, progress, token);
    const configured = await configuredCapacity(uri.fsPath);
    if (configured.problem) {
      deps.log.warn(configured.problem);
      void vscode.window.showWarningMessage(`DORA: ${configured.problem}`);
    }
    if (token.isCancellationRequested) return undefined;
    progress.report({ message: 'writing the report' });
    const result = await writeReport({
      assessmentFile: uri.fsPath,
      assessment: state.assessment,
      framework: state.framework,
      metrics,
      root: vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath,
      html: options.html === true,
      capacity: configured.capacity,
      previous: (await findPreviousAssessment(uri.fsPath, state.assessment, deps.parser)) ?? null,
    });
    const compared = result.previous ? `, compared with ${path.basename(result.previous.file)}` : '';
    deps.log.info(
      `Report ${result.changed ? 'written' : 'unchanged'}: ${result.markdownFile}${compared}${metrics ? ', with git metrics' : ''}.`,
    );
    return vscode.Uri.file(result.htmlFile ?? result.markdownFile);
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    void vscode.window.showErrorMessage(`DORA: ${error.message}`);
    return undefined;
  } finally {
    document.dispose();
  }
}

async function gitMetrics(
  deps: GenerateReportDeps,
  document: AssessmentDocument,
  progress: vscode.Progress<{ message?: string }>,
  token: vscode.CancellationToken,
): Promise<MetricsResult | undefined> {
  if (!deps.gitInsights) return undefined;
  progress.report({ message: 'reading the git history' });
  // The window ends at the assessment's last update, not now: an unchanged assessment regenerates byte for byte.
  const until = document.state.kind === 'loaded' ? new Date(document.state.assessment.updatedAt) : undefined;
  const insights = await deps.gitInsights(document, { token, ...(until ? { until } : {}) });
  if (insights.kind === 'ok') return insights.result;
  deps.log.info(`Report without git metrics: ${insights.reason}`);
  return undefined;
}

/** Newest first: assessment files start with their date. */
async function pickDoraFile(title: string): Promise<vscode.Uri | undefined> {
  const files = await assessmentFiles();
  if (files.length === 0) {
    const choice = await vscode.window.showInformationMessage(
      'There is no assessment in this workspace yet (in the folder the setting dora.assessmentsFolder names, .dora by default).',
      'New Assessment',
    );
    if (choice) return vscode.commands.executeCommand<vscode.Uri | undefined>('dora.newAssessment');
    return undefined;
  }
  const items = files
    .map((file) => ({
      label: path.basename(file.fsPath),
      description: vscode.workspace.asRelativePath(path.dirname(file.fsPath)),
      file,
    }))
    .sort((a, b) => (a.label < b.label ? 1 : a.label > b.label ? -1 : a.description.localeCompare(b.description)));
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: 'Newest first',
    matchOnDescription: true,
  });
  return picked?.file;
}

/** The assessment files of every workspace folder, in the folder `dora.assessmentsFolder` names. */
async function assessmentFiles(): Promise<vscode.Uri[]> {
  const perFolder = await Promise.all(
    (vscode.workspace.workspaceFolders ?? []).map(async (folder) => {
      const dir = assessmentsDirOf(folder);
      if (!dir.ok) return [];
      const { files } = await listFiles(dir.dir, isListedAssessmentName);
      return files.map((file) => vscode.Uri.file(file));
    }),
  );
  return perFolder.flat();
}
