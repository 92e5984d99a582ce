import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parsePanelState } from '../../src/core/protocol';
import { PANEL_VIEW_TYPE } from '../../src/contracts/ids';
// A second copy of the panel module (see README): used only to drive the serializer against the real API.
import { AssessmentPanel } from '../../src/panel/assessmentPanel';
import { panelSerializer } from '../../src/panel/serializer';
import { closeAll, doraDir, doraHost, eventually, readJson, writeAssessment } from './dora-host';

async function openPanel(file: string) {
  const api = await doraHost();
  const uri = vscode.Uri.file(file);
  await vscode.commands.executeCommand('dora.openAssessment', uri);
  const panel = await eventually(() => api.panel(uri), `a panel for ${path.basename(file)}`);
  return { api, uri, panel };
}

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(PANEL_VIEW_TYPE));
}

/** The page's policy, its one script's nonce and its embedded state, read as the webview receives them. */
function readPage(html: string) {
  const csp = decodeAttribute(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '');
  const nonce = /<script nonce="([^"]+)" src="[^"]+"><\/script>/.exec(html)?.[1] ?? '';
  const json = /<script type="application\/json" id="bootstrap">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  return { csp, nonce, state: parsePanelState(JSON.parse(json)) };
}

function decodeAttribute(text: string): string {
  return text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('the assessment panel in a real VS Code', () => {
  afterEach(closeAll);

  it('keeps one panel per assessment file, revealing it when the file is opened again', async () => {
    const file = path.join(doraDir(), 'it-panel-once.json');
    writeAssessment(file, {});
    const { api, uri, panel } = await openPanel(file);
    await vscode.commands.executeCommand('dora.openAssessment', uri);
    assert.equal(api.panel(uri), panel, 'the same panel');
    // The tab model reaches the extension host a moment after the window shows the panel.
    const tabs = await eventually(() => (panelTabs().length > 0 ? panelTabs() : undefined), 'the panel tab');
    assert.equal(tabs.length, 1, 'one tab for the file');
    assert.equal(panel.webviewPanel.visible, true);
  });

  it('is given a page under a strict CSP whose only script carries a fresh nonce, with the state embedded', async () => {
    const file = path.join(doraDir(), 'it-panel-page.json');
    writeAssessment(file, { 'df-frequency': { score: 4 } });
    const { uri, panel } = await openPanel(file);
    const webview = panel.webviewPanel.webview;
    const page = readPage(webview.html);
    assert.match(page.nonce, /^[A-Za-z0-9+/]{22}==$/, '16 random bytes in base64');
    assert.equal(
      page.csp,
      `default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${page.nonce}'`,
    );
    assert.ok(page.state.ok, page.state.ok ? '' : page.state.error);
    assert.equal(page.state.value.uri, uri.toString());
    assert.equal(page.state.value.document.kind, 'loaded');
    const roots = (webview.options.localResourceRoots ?? []).map((root) => path.basename(root.fsPath)).sort();
    assert.deepEqual(roots, ['dist', 'media']);

    await closeAll();
    const again = await openPanel(file);
    assert.notEqual(readPage(again.panel.webviewPanel.webview.html).nonce, page.nonce, 'a new page gets a new nonce');
  });

  it('keeps the evidence of an accepted suggestion until the score is changed by hand', async () => {
    const file = path.join(doraDir(), 'it-panel-evidence.json');
    writeAssessment(file, {});
    const { api, uri, panel } = await openPanel(file);
    const insights = await api.gitInsights(uri);
    assert.equal(insights.kind, 'ok', insights.kind === 'unavailable' ? insights.reason : '');
    const suggestion = insights.result.suggestions[0];
    assert.ok(suggestion, 'the fixture history suggests at least one answer');
    await panel.receive({
      type: 'setAnswer',
      seq: 1,
      questionId: suggestion.questionId,
      score: suggestion.score,
      evidence: suggestion.evidence,
    });
    await eventually(
      () => (readJson(file).answers[suggestion.questionId] as { evidence?: unknown } | undefined)?.evidence,
      'the evidence on disk',
    );
    const byHand = suggestion.score === 1 ? 2 : 1;
    await panel.receive({
      type: 'setAnswer',
      seq: 1,
      questionId: suggestion.questionId,
      score: byHand,
      evidence: null,
    });
    const saved = await eventually(() => {
      const answer = readJson(file).answers[suggestion.questionId];
      return answer?.score === byHand ? answer : undefined;
    }, 'the hand-given score on disk');
    assert.deepEqual(saved, { score: byHand });
  });

  it('saves notes without a score, and leaves the live score alone', async () => {
    const file = path.join(doraDir(), 'it-panel-notes.json');
    writeAssessment(file, { 'df-frequency': { score: 3 } });
    const { panel } = await openPanel(file);
    const before = panel.score;
    await panel.receive({ type: 'setAnswer', seq: 1, questionId: 'cfr-rate', notes: 'Nobody tracks rollbacks yet' });
    await eventually(() => readJson(file).answers['cfr-rate'], 'the notes on disk');
    assert.deepEqual(readJson(file).answers['cfr-rate'], { notes: 'Nobody tracks rollbacks yet' });
    assert.equal(panel.score?.answered, before?.answered);
    assert.equal(panel.score?.percent, before?.percent);
  });

  it('refuses an answer to a question the framework does not have', async () => {
    const file = path.join(doraDir(), 'it-panel-unknown-question.json');
    const text = writeAssessment(file, {});
    const { api, panel } = await openPanel(file);
    await panel.receive({ type: 'setAnswer', seq: 1, questionId: 'no-such-question', score: 3 });
    await api.flushAll();
    assert.equal(fs.readFileSync(file, 'utf8'), text);
  });

  it("opens the file at a problem's line and column", async () => {
    const file = path.join(doraDir(), 'it-panel-open-at.json');
    writeAssessment(file, {});
    const { panel } = await openPanel(file);
    await panel.receive({ type: 'openFile', line: 3, column: 5 });
    const editor = await eventually(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.fsPath === file ? active : undefined;
    }, 'the file in a text editor');
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [2, 4]);
  });

  describe('after a window reload', () => {
    it('comes back for the file named in the webview state, from loading to loaded', async () => {
      const api = await doraHost();
      const file = path.join(doraDir(), 'it-panel-restore.json');
      writeAssessment(file, { 'df-frequency': { score: 5 } });
      const uri = vscode.Uri.file(file);
      const restored = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'DORA: restored', vscode.ViewColumn.Active);
      await panelSerializer(api.services).deserializeWebviewPanel(restored, { uri: uri.toString(), view: 'metrics' });
      const panel = AssessmentPanel.forUri(uri);
      assert.ok(panel, 'the serializer revived a panel for the file');
      try {
        assert.equal(panel.webviewPanel, restored);
        assert.equal(panel.score?.answered, 1);
        const page = readPage(restored.webview.html);
        assert.ok(
          page.state.ok && page.state.value.document.kind === 'loaded',
          'the revived page embeds the loaded file',
        );
      } finally {
        const document = panel.document;
        panel.dispose();
        document.dispose();
      }
    });

    it('closes a restored panel whose saved state it cannot read', async () => {
      const api = await doraHost();
      const restored = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'DORA: unreadable', vscode.ViewColumn.Active);
      let closed = false;
      restored.onDidDispose(() => (closed = true));
      await panelSerializer(api.services).deserializeWebviewPanel(restored, { view: 'metrics' });
      assert.equal(closed, true);
    });
  });
});
