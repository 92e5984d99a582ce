import * as vscode from 'vscode';
import type { AssessmentNode } from './assessmentsTree';

interface TreeSource {
  readonly tree: vscode.TreeDataProvider<AssessmentNode>;
}

/**
 * The Assessments view as registered at activation: it loads the host only when VS Code first asks for
 * its items (the view is visible), and forwards refreshes from the real provider once it exists.
 */
export class LazyTreeProvider implements vscode.TreeDataProvider<AssessmentNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AssessmentNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private source: (() => Promise<TreeSource>) | undefined;
  private loaded: TreeSource | undefined;

  attach(source: () => Promise<TreeSource>): void {
    this.source = source;
  }

  /** Called by the real provider (through the host) when the items changed. */
  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(element?: AssessmentNode): Promise<AssessmentNode[]> {
    if (!this.source) return [];
    this.loaded = await this.source();
    return (await this.loaded.tree.getChildren(element)) ?? [];
  }

  getTreeItem(element: AssessmentNode): vscode.TreeItem | Thenable<vscode.TreeItem> {
    if (!this.loaded) throw new Error('The Assessments view asked for an item before its items were read.');
    return this.loaded.tree.getTreeItem(element);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
