import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { newAssessment, serializeAssessment } from '../core/assessment/serialize';
import type { Framework } from '../core/framework/schema';
import { formatProblem } from '../core/problems';
import { QUICK_CHECK_FRAMEWORK } from '../core/quickcheck/framework';
import { newQuickCheck } from '../core/quickcheck/schema';
import type { CatalogEntry } from '../frameworks/catalog';
import { checkFolderInside, makeFoldersInside, WriteRefused } from '../store/atomicWrite';
import { assessmentFileName, firstFreeName } from '../workspace/safeName';
import { assessmentsDirOf, displayPath, pickWorkspaceFolder } from '../workspace/workspaceFolders';
import type { HostContext } from './hostContext';

/** Everything the prompts ask, so tests and other commands can create an assessment without the UI. */
export interface NewAssessmentArgs {
  readonly folder?: vscode.Uri;
  readonly frameworkId?: string;
  readonly title?: string;
  readonly team?: string;
  /** Defaults to true: open the new file in the panel. */
  readonly open?: boolean;
}

const MAX_TITLE = 200;
const MAX_TEAM = 100;

/** DORA: New Assessment. Returns the new file's uri, or undefined when the user stopped. */
export function newAssessmentCommand(host: HostContext) {
  return async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const args = isArgs(arg) ? arg : {};
    const folder = args.folder
      ? vscode.workspace.getWorkspaceFolder(args.folder)
      : await pickWorkspaceFolder('a new assessment');
    if (!folder) return undefined;
    const dir = assessmentsDirOf(folder);
    if (!dir.ok) {
      void vscode.window.showErrorMessage(dir.message, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'dora.assessmentsFolder');
      });
      return undefined;
    }

    const entries = await host.catalog.entries(dir.dir);
    const framework = args.frameworkId
      ? byId(entries, args.frameworkId)
      : await pickFramework(entries, host.catalog.isRestricted());
    if (!framework) {
      if (args.frameworkId)
        void vscode.window.showErrorMessage(
          `DORA: there is no framework "${args.frameworkId}". Pick one of: ${knownIds(entries)}.`,
        );
      return undefined;
    }
    const quick = framework.id === QUICK_CHECK_FRAMEWORK.id;
    // The Quick Check is meant to take two minutes: its title is a default, only the team is asked.
    const title =
      args.title ??
      (quick ? QUICK_CHECK_FRAMEWORK.name : undefined) ??
      (await vscode.window.showInputBox({
        title: `New ${framework.name} assessment (1/2)`,
        prompt: 'A title for this assessment',
        value: `${framework.name} assessment`,
        ignoreFocusOut: true,
        validateInput: (value) =>
          value.trim() === ''
            ? 'Give the assessment a title.'
            : value.length > MAX_TITLE
              ? `Keep the title under ${MAX_TITLE} characters.`
              : undefined,
      }));
    if (title === undefined || title.trim() === '') return undefined;
    const team =
      args.team ??
      (await vscode.window.showInputBox({
        title: quick ? `New ${framework.name}` : `New ${framework.name} assessment (2/2)`,
        prompt: 'The team being assessed (optional; it becomes part of the file name)',
        placeHolder: 'e.g. Payments',
        ignoreFocusOut: true,
        validateInput: (value) =>
          value.length > MAX_TEAM ? `Keep the team name under ${MAX_TEAM} characters.` : undefined,
      }));
    if (team === undefined) return undefined;

    let uri: vscode.Uri;
    try {
      uri = await createAssessmentFile(
        dir.dir,
        framework,
        title.slice(0, MAX_TITLE),
        team.slice(0, MAX_TEAM),
        folder.uri.fsPath,
      );
    } catch (error) {
      if (!(error instanceof WriteRefused)) throw error;
      void vscode.window.showErrorMessage(`DORA: ${error.message}`);
      return undefined;
    }
    host.log.info(`Created ${uri.fsPath}`);
    host.tree.refresh();
    if (args.open !== false) await host.panels.open(uri);
    return uri;
  };
}

/**
 * Writes the new file under a fresh name; never replaces an existing file, and never writes outside the
 * workspace folder `root`: the assessments folder is checked after links are followed (a linked `.dora`
 * pointing elsewhere is refused), and "wx" never follows a link planted at the new name.
 */
export async function createAssessmentFile(
  dir: string,
  framework: Framework,
  title: string,
  team: string,
  root: string,
): Promise<vscode.Uri> {
  await makeFoldersInside(root, dir);
  await checkFolderInside(root, dir);
  const assessment =
    framework.id === QUICK_CHECK_FRAMEWORK.id
      ? newQuickCheck({ title, team, now: new Date() })
      : newAssessment({ framework, title, team, now: new Date() });
  const text = serializeAssessment(assessment, framework);
  const existing = new Set((await fs.readdir(dir)).map((name) => name.toLowerCase()));
  const name = firstFreeName(assessmentFileName({ now: new Date(), frameworkId: framework.id, team }), (candidate) =>
    existing.has(candidate.toLowerCase()),
  );
  const file = path.join(dir, name);
  // "wx": if another window created the same name a moment ago, fail rather than replace its file.
  await fs.writeFile(file, text, { flag: 'wx' });
  return vscode.Uri.file(file);
}

interface FrameworkItem extends vscode.QuickPickItem {
  readonly entry: CatalogEntry | undefined;
}

/** First choice: the Quick Check, DORA's five key metrics in about two minutes. */
const QUICK_CHECK_ITEM: FrameworkItem = {
  entry: undefined,
  label: `$(dashboard) ${QUICK_CHECK_FRAMEWORK.name}`,
  description: '5 key metrics · about 2 minutes · prefilled from git',
  detail: 'Delivery performance scored 0–10 as DORA’s Quick Check does, against DORA’s 2025 or 2024 benchmarks.',
};

async function pickFramework(entries: readonly CatalogEntry[], restricted: boolean): Promise<Framework | undefined> {
  const frameworkItems: FrameworkItem[] = entries.map((entry) => {
    if (!entry.result.ok) {
      return {
        entry,
        label: `$(error) ${path.basename(entry.file)}`,
        description: 'does not load',
        detail: entry.result.problems.slice(0, 2).map(formatProblem).join('  '),
      };
    }
    const framework = entry.result.value;
    const questions = framework.domains.reduce((n, d) => n + d.questions.length, 0);
    return {
      entry,
      label: framework.name,
      description: `${framework.id} ${framework.version} · ${questions} questions · ${entry.source === 'bundled' ? 'bundled' : displayPath(vscode.Uri.file(entry.file))}`,
      detail: framework.description.split('\n')[0] ?? '',
    };
  });
  const items = [QUICK_CHECK_ITEM, ...frameworkItems];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'New assessment',
    placeHolder: restricted
      ? "Pick a framework (the workspace's own frameworks load once the workspace is trusted)"
      : 'Pick a framework',
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (!picked.entry) return QUICK_CHECK_FRAMEWORK;
  if (!picked.entry.result.ok) {
    const choice = await vscode.window.showErrorMessage(
      `${path.basename(picked.entry.file)} does not load: ${picked.entry.result.problems.map(formatProblem).join('; ')}`,
      'Open file',
    );
    if (choice) await vscode.window.showTextDocument(vscode.Uri.file(picked.entry.file));
    return undefined;
  }
  return picked.entry.result.value;
}

function byId(entries: readonly CatalogEntry[], id: string): Framework | undefined {
  if (id === QUICK_CHECK_FRAMEWORK.id) return QUICK_CHECK_FRAMEWORK;
  for (const entry of entries) if (entry.result.ok && entry.result.value.id === id) return entry.result.value;
  return undefined;
}

function knownIds(entries: readonly CatalogEntry[]): string {
  return entries.flatMap((entry) => (entry.result.ok ? [entry.result.value.id] : [])).join(', ');
}

/** DORA: Quick Check — a new Quick Check, opened in the panel. */
export function quickCheckCommand(host: HostContext) {
  const create = newAssessmentCommand(host);
  return (arg?: unknown): Promise<vscode.Uri | undefined> =>
    create({ ...(isArgs(arg) ? arg : {}), frameworkId: QUICK_CHECK_FRAMEWORK.id });
}

function isArgs(arg: unknown): arg is NewAssessmentArgs {
  return (
    typeof arg === 'object' &&
    arg !== null &&
    !(arg instanceof vscode.Uri) &&
    ('frameworkId' in arg || 'title' in arg || 'folder' in arg || 'team' in arg || 'open' in arg)
  );
}
