import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GitInsights } from '../../../src/contracts/seams';
import { closeAll, doraDir, doraHost, eventually, readJson, writeAssessment } from '../dora-host';

const WORKSPACE_FRAMEWORK = JSON.stringify({
  id: 'own',
  name: 'Our own',
  version: '1',
  description: 'Only for this repository.',
  domains: [
    {
      id: 'd',
      name: 'D',
      weight: 100,
      questions: [
        {
          id: 'q',
          text: 'Q?',
          help: 'H.',
          guidance: Object.fromEntries([0, 1, 2, 3, 4, 5].map((n) => [n, { text: `G${n}.` }])),
        },
      ],
    },
  ],
});

describe('Restricted Mode (an untrusted workspace)', () => {
  afterEach(closeAll);

  it('runs in a workspace that is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('does not run git: Suggest Answers from Git says why, and no analysis starts', async () => {
    const api = await doraHost();
    const file = path.join(doraDir(), 'untrusted.json');
    writeAssessment(file, {});
    const insights = await vscode.commands.executeCommand<GitInsights>('dora.suggestFromGit', vscode.Uri.file(file));
    assert.equal(insights.kind, 'unavailable');
    assert.match(insights.reason, /untrusted workspace/);
    const direct = await api.gitInsights(vscode.Uri.file(file), true);
    assert.equal(direct.kind, 'unavailable');
    const metrics = await vscode.commands.executeCommand<GitInsights>('dora.showGitMetrics');
    assert.equal(metrics.kind, 'unavailable');
    assert.equal(api.gitRuns(), 0);
  });

  it('keeps the questionnaire working: answers land on disk', async () => {
    const api = await doraHost();
    const file = path.join(doraDir(), 'untrusted-answers.json');
    writeAssessment(file, {});
    await vscode.commands.executeCommand('dora.openAssessment', vscode.Uri.file(file));
    const panel = await eventually(() => api.panel(vscode.Uri.file(file)), 'the panel');
    await panel.receive({ type: 'setAnswer', seq: 1, questionId: 'rt-detection', score: 2 });
    await eventually(() => readJson(file).answers['rt-detection']?.score === 2, 'the answer on disk');
  });

  it('does not load frameworks from .dora/frameworks/, and says so for an assessment that needs one', async () => {
    const api = await doraHost();
    fs.mkdirSync(path.join(doraDir(), 'frameworks'), { recursive: true });
    fs.writeFileSync(path.join(doraDir(), 'frameworks', 'own.yaml'), WORKSPACE_FRAMEWORK);
    const file = path.join(doraDir(), 'untrusted-own.json');
    const text = writeAssessment(file, {}, { framework: { id: 'own', version: '1' } });
    assert.deepEqual((await api.frameworkIds(doraDir())).sort(), ['calms', 'dora']);
    const document = await api.openDocument(vscode.Uri.file(file));
    try {
      assert.equal(document.state.kind, 'error');
      assert.match(document.state.problems[0]?.message ?? '', /not trusted/);
      assert.equal(fs.readFileSync(file, 'utf8'), text);
    } finally {
      document.dispose();
    }
  });
});
