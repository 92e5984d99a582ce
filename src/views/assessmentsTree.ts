import * as vscode from 'vscode';
import { figureLine } from '../core/quickcheck/figures';
import { COMMAND_IDS } from '../contracts/ids';
import { displayPath } from '../workspace/workspaceFolders';
import { listAssessments } from '../services/assessmentIndex';
import type { AssessmentFilesWatcher } from '../services/assessmentIndex';
import { scoreText } from '../services/assessmentSummary';
import type { AssessmentSummary } from '../services/assessmentSummary';
import type { FrameworkCatalog } from '../services/frameworkCatalog';
import type { AssessmentParser } from '../services/assessmentParser';

/** The context value menus in package.json match on (`view/item/context`). */
export const ASSESSMENT_ITEM_CONTEXT = 'doraAssessment';

/** What a tree item hands to the context-menu commands: enough to find the file. */
export interface AssessmentNode {
  readonly uri: vscode.Uri;
  readonly summary: AssessmentSummary;
}

/**
 * The Assessments view in the Explorer: each assessment file with its score and level, newest first.
 * Files are read when the view asks, so a hidden view costs nothing.
 */
export class AssessmentsTreeProvider implements vscode.TreeDataProvider<AssessmentNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AssessmentNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private reported = new Set<string>();

  constructor(
    private readonly catalog: FrameworkCatalog,
    private readonly parser: AssessmentParser,
    files: AssessmentFilesWatcher,
    private readonly log?: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      files.onDidChange(() => this.refreshSoon()),
      catalog.onDidChange(() => this.refreshSoon()),
    );
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** A save, a pull or a checkout can touch many files at once: one refresh for the burst. */
  private refreshSoon(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.refresh(), 150);
  }

  async getChildren(element?: AssessmentNode): Promise<AssessmentNode[]> {
    if (element) return [];
    const { summaries, problems } = await listAssessments(this.catalog, this.parser);
    // Said once per distinct problem, not on every refresh: a skipped device file stays skipped.
    for (const problem of problems) if (!this.reported.has(problem)) this.log?.warn(problem);
    this.reported = new Set(problems);
    return summaries.map((summary) => ({ uri: vscode.Uri.file(summary.file), summary }));
  }

  getTreeItem(node: AssessmentNode): vscode.TreeItem {
    const { summary } = node;
    // The figure leads the label: a long title is cut at the view's edge, the score never is.
    const item = new vscode.TreeItem(`${scoreText(summary)} · ${summary.title}`, vscode.TreeItemCollapsibleState.None);
    item.id = node.uri.toString();
    item.resourceUri = node.uri;
    // In a multi-root workspace, which folder a file belongs to is part of telling two files apart.
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = folders.length > 1 ? vscode.workspace.getWorkspaceFolder(node.uri)?.name : undefined;
    item.description = [summary.team, folder].filter(Boolean).join(' · ');
    item.contextValue = ASSESSMENT_ITEM_CONTEXT;
    item.iconPath = new vscode.ThemeIcon(summary.problem ? 'warning' : 'checklist');
    item.tooltip = tooltip(node);
    item.command = { command: COMMAND_IDS.openInPanel, title: 'Open in DORA Assessment', arguments: [node.uri] };
    return item;
  }

  dispose(): void {
    if (this.debounce) clearTimeout(this.debounce);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function tooltip({ uri, summary }: AssessmentNode): vscode.MarkdownString {
  const lines = [
    `**${escape(summary.title)}**${summary.team ? ` — ${escape(summary.team)}` : ''}`,
    '',
    `\`${displayPath(uri)}\``,
    '',
  ];
  if (summary.problem) {
    lines.push(`$(warning) ${escape(summary.problem)}`);
  } else {
    lines.push(
      `${escape(summary.frameworkName ?? summary.frameworkId ?? '')}: ${summary.figure ? escape(figureLine(summary.figure)) : 'not scored yet'}`,
    );
    lines.push(
      '',
      `Answered ${summary.answered} of ${summary.total}${summary.orphans ? `; ${summary.orphans} orphaned answer(s) kept` : ''}`,
    );
  }
  lines.push('', `Updated ${summary.updated.toLocaleString()}`);
  const markdown = new vscode.MarkdownString(lines.join('\n'), true);
  markdown.isTrusted = false;
  return markdown;
}

/** Titles are user text: no markdown links or images sneak into the tooltip. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|$]/g, (c) => `\\${c}`);
}
