import * as vscode from 'vscode';
import { streamGit } from '../git/run';
import { readGitSettings } from '../services/settings';

/** Commits are shown as read-only documents of this scheme: `dora-commit:/<sha>.diff?<repository path>`. */
export const COMMIT_SCHEME = 'dora-commit';

/** A diff bigger than this is cut, with a line saying so: a generated or vendored commit must not fill memory. */
const MAX_BYTES = 4 * 1024 * 1024;

class TooLarge extends Error {}

/**
 * `git show --stat --patch` of a commit, as a read-only document with diff colouring. The ledger's commits
 * open here; the commit message and diff are the repository's text, shown as text.
 */
export class CommitDocumentProvider implements vscode.TextDocumentContentProvider {
  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const sha = uri.path.replace(/^\//, '').replace(/\.diff$/, '');
    if (!/^[0-9a-f]{7,64}$/.test(sha)) return `"${sha}" is not a commit hash.`;
    const repo = vscode.Uri.file(decodeURIComponent(uri.query));
    const checked = readGitSettings(repo);
    const gitPath = checked.ok ? checked.settings.gitPath : 'git';
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const chunks: Buffer[] = [];
    let size = 0;
    let cut = false;
    try {
      const { code, stderr } = await streamGit(
        { cwd: repo.fsPath, gitPath, signal: controller.signal },
        ['show', '--stat', '--patch', '--no-color', '--format=fuller', sha, '--'],
        '',
        (chunk) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size > MAX_BYTES) throw new TooLarge();
        },
      );
      if (code !== 0) return `git could not show commit ${sha}: ${stderr || `exit code ${code}`}`;
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error;
      cut = true;
    }
    const text = Buffer.concat(chunks).toString('utf8');
    return cut
      ? `${text}\n\n[The rest of this commit is not shown: it is over 4 MB. Run "git show ${sha}" to see it all.]\n`
      : text;
  }
}

export function registerCommitDocuments(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitDocumentProvider());
}

/** Opens a commit of the repository at `folder` beside the panel, as a preview. */
export async function openCommit(folder: vscode.Uri, sha: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({
    scheme: COMMIT_SCHEME,
    path: `/${sha}.diff`,
    query: encodeURIComponent(folder.fsPath),
  });
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}
