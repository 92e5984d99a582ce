import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GitInsights } from '../../src/contracts/seams';
import { closeAll, doraDir, doraHost, eventually, readJson, writeAssessment } from './dora-host';

describe('git suggestions in a real VS Code', () => {
  afterEach(closeAll);

  it('Suggest Answers from Git measures the fixture history and offers suggestions in the panel', async () => {
    const api = await doraHost();
    const file = path.join(doraDir(), 'it-git.json');
    writeAssessment(file, {});
    const insights = await vscode.commands.executeCommand<GitInsights>('dora.suggestFromGit', vscode.Uri.file(file));
    assert.equal(insights.kind, 'ok', insights.kind === 'unavailable' ? insights.reason : '');
    // The runner's fixture tags eight weekly releases and one hotfix.
    assert.equal(insights.result.deployments.source, 'tags');
    assert.equal(insights.result.deployments.count, 9);
    assert.ok(insights.result.suggestions.length > 0, 'the DORA framework has questions with suggestion rules');
    assert.ok(api.panel(vscode.Uri.file(file)), 'the panel is open to show the suggestions');
  });

  it('stores the evidence of a suggestion the user accepts in the panel', async () => {
    const api = await doraHost();
    const file = path.join(doraDir(), 'it-git-accept.json');
    writeAssessment(file, {});
    const uri = vscode.Uri.file(file);
    const insights = await api.gitInsights(uri);
    assert.equal(insights.kind, 'ok');
    const suggestion = insights.result.suggestions[0];
    assert.ok(suggestion);
    await vscode.commands.executeCommand('dora.openAssessment', uri);
    const panel = await eventually(() => api.panel(uri), 'the panel');
    await panel.receive({
      type: 'setAnswer',
      seq: 1,
      questionId: suggestion.questionId,
      score: suggestion.score,
      evidence: suggestion.evidence,
    });
    const saved = await eventually((): { score?: number; evidence?: { metric: string } } | undefined => {
      return readJson(file).answers[suggestion.questionId];
    }, 'the accepted suggestion on disk');
    assert.equal(saved.score, suggestion.score);
    assert.equal(saved.evidence?.metric, suggestion.evidence.metric);
  });

  it('Show Git Metrics without an open assessment reports the figures', async () => {
    const insights = await vscode.commands.executeCommand<GitInsights>('dora.showGitMetrics');
    assert.equal(insights.kind, 'ok', insights.kind === 'unavailable' ? insights.reason : '');
  });

  describe('when git cannot help', () => {
    it('a tag pattern that is not a regular expression gets a clear message, and git is not run', async () => {
      const api = await doraHost();
      const file = path.join(doraDir(), 'it-git-pattern.json');
      writeAssessment(file, {});
      const settings = vscode.workspace.getConfiguration('dora.git');
      await settings.update('tagPattern', 'v(\\d+', vscode.ConfigurationTarget.Workspace);
      try {
        const runs = api.gitRuns();
        const insights = await api.gitInsights(vscode.Uri.file(file), true);
        assert.equal(insights.kind, 'unavailable');
        assert.match(insights.reason, /dora\.git\.tagPattern "v\(\\d\+" is not a valid regular expression/);
        assert.equal(api.gitRuns(), runs);
      } finally {
        await settings.update('tagPattern', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('a folder without git says so, and the questionnaire keeps working', async () => {
      const api = await doraHost();
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dora-no-git-'));
      try {
        const file = path.join(folder, '.dora', 'no-git.json');
        writeAssessment(file, {});
        const insights = await api.gitInsights(vscode.Uri.file(file), true);
        assert.equal(insights.kind, 'unavailable');
        assert.match(insights.reason, /git/i);
        const document = await api.openDocument(vscode.Uri.file(file));
        try {
          assert.equal(document.state.kind, 'loaded');
          document.setAnswer('df-frequency', { score: 3 });
          await document.flush();
          assert.equal(readJson(file).answers['df-frequency']?.score, 3);
        } finally {
          document.dispose();
        }
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });
  });
});
