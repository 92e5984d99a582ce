import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, doraDir, doraHost, eventually, writeAssessment } from './dora-host';

describe('the ledger behind the git figures, in a real VS Code', () => {
  afterEach(closeAll);

  it('keeps the deployments and commits behind the figures beside them', async () => {
    const api = await doraHost();
    const file = path.join(doraDir(), 'it-explain.json');
    writeAssessment(file, {});
    const insights = await api.gitInsights(vscode.Uri.file(file));
    assert.equal(insights.kind, 'ok', insights.kind === 'unavailable' ? insights.reason : '');
    assert.ok(insights.ledger, 'the analysis lists what it measured');
    assert.equal(insights.ledger.deployments.length, insights.result.deployments.count);
    assert.equal(insights.ledger.leadTime.length, insights.result.leadTime.commits);
  });

  it('opens a commit the panel clicks as a document holding that commit and its diff', async () => {
    const api = await doraHost();
    const file = path.join(doraDir(), 'it-explain-open.json');
    writeAssessment(file, {});
    const uri = vscode.Uri.file(file);
    const insights = await api.gitInsights(uri);
    assert.ok(insights.kind === 'ok' && insights.ledger);
    const commit = insights.ledger.leadTime[0];
    assert.ok(commit, 'the fixture history has commits in the window');
    await vscode.commands.executeCommand('dora.openAssessment', uri);
    const panel = await eventually(() => api.panel(uri), 'the panel');
    await panel.receive({ type: 'openCommit', sha: commit.sha });
    const editor = await eventually(
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'dora-commit'),
      'the commit document',
    );
    const text = editor.document.getText();
    assert.match(text, new RegExp(`^commit ${commit.sha}`, 'm'));
    assert.ok(text.includes(commit.subject), 'the commit message');
    assert.match(text, /^diff --git /m);
  });
});
