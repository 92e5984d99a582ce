import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, doraDir, doraHost, eventually, readJson, workspaceRoot, writeAssessment } from './dora-host';

function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function openInPanel(file: string) {
  const api = await doraHost();
  await vscode.commands.executeCommand('dora.openAssessment', vscode.Uri.file(file));
  const panel = await eventually(() => api.panel(vscode.Uri.file(file)), `a panel for ${path.basename(file)}`);
  await panel.receive({ type: 'ready', revision: 0 });
  return { api, panel };
}

describe('the assessment file in a real VS Code', () => {
  afterEach(closeAll);

  describe('DORA: New Assessment', () => {
    it('creates .dora/<date>-<framework>-<team>.json and opens it in the panel', async () => {
      const api = await doraHost();
      const uri = await vscode.commands.executeCommand<vscode.Uri>('dora.newAssessment', {
        frameworkId: 'dora',
        title: 'Platform review',
        team: 'Platform Team',
      });
      assert.ok(uri, 'the command should return the new file');
      assert.equal(uri.fsPath, path.join(doraDir(), `${localDate()}-dora-platform-team.json`));
      const written = readJson(uri.fsPath);
      assert.equal(written.title, 'Platform review');
      assert.equal(written.team, 'Platform Team');
      assert.deepEqual(written.framework, { id: 'dora', version: '1.0.0' });
      assert.ok(api.panel(uri), 'the new assessment should be open in the panel');
    });

    it('never replaces an existing file: a second one of the same day gets a number', async () => {
      const first = await vscode.commands.executeCommand<vscode.Uri>('dora.newAssessment', {
        frameworkId: 'calms',
        title: 'First',
        team: 'Ops',
        open: false,
      });
      const second = await vscode.commands.executeCommand<vscode.Uri>('dora.newAssessment', {
        frameworkId: 'calms',
        title: 'Second',
        team: 'Ops',
        open: false,
      });
      assert.equal(path.basename(second.fsPath), path.basename(first.fsPath).replace(/\.json$/, '-2.json'));
      assert.equal(readJson(first.fsPath).title, 'First');
    });

    it('turns a team name with path tricks into a safe name inside .dora', async () => {
      const before = fs.readdirSync(workspaceRoot()).sort();
      const uri = await vscode.commands.executeCommand<vscode.Uri>('dora.newAssessment', {
        frameworkId: 'dora',
        title: 'Escape attempt',
        team: '../../outside/CON',
        open: false,
      });
      assert.equal(path.dirname(uri.fsPath), doraDir());
      assert.equal(path.basename(uri.fsPath), `${localDate()}-dora-outside-con.json`);
      assert.deepEqual(fs.readdirSync(workspaceRoot()).sort(), before);
    });
  });

  describe('answers given in the panel', () => {
    it('land on disk through the protocol, one answer changing only its own lines', async () => {
      const file = path.join(doraDir(), 'it-answers.json');
      writeAssessment(file, {});
      const { panel } = await openInPanel(file);
      await panel.receive({ type: 'setAnswer', seq: 1, questionId: 'df-frequency', score: 4 });
      await panel.receive({ type: 'setAnswer', seq: 1, questionId: 'df-frequency', notes: 'Weekly release train' });
      const saved = await eventually(() => {
        const json = readJson(file);
        return json.answers['df-frequency']?.notes ? json : undefined;
      }, 'the answer on disk');
      assert.deepEqual(saved.answers, { 'df-frequency': { score: 4, notes: 'Weekly release train' } });
      assert.notEqual(saved.updatedAt, '2026-01-05T09:00:00.000Z', 'updatedAt records the change');

      const before = fs.readFileSync(file, 'utf8').split('\n');
      await panel.receive({ type: 'setAnswer', seq: 1, questionId: 'df-frequency', score: 5 });
      await eventually(() => readJson(file).answers['df-frequency']?.score === 5, 'the changed score on disk');
      const after = fs.readFileSync(file, 'utf8').split('\n');
      const changed = after.filter((line, i) => line !== before[i]);
      assert.equal(after.length, before.length);
      assert.deepEqual(
        changed.map((line) => line.trim().split(':')[0]),
        ['"updatedAt"', '"score"'],
      );
    });

    it('ignores a message that does not match the protocol', async () => {
      const file = path.join(doraDir(), 'it-bad-message.json');
      const text = writeAssessment(file, {});
      const { api, panel } = await openInPanel(file);
      await panel.receive({ type: 'setAnswer', seq: 1, questionId: 'df-frequency', score: 9 });
      await panel.receive({ type: 'setAnswer', seq: 1, questionId: 'df-frequency', score: '3' });
      await api.flushAll();
      assert.equal(fs.readFileSync(file, 'utf8'), text);
    });
  });

  describe('a change on disk', () => {
    it('reloads the panel', async () => {
      const file = path.join(doraDir(), 'it-external.json');
      writeAssessment(file, {});
      const { panel } = await openInPanel(file);
      assert.equal(panel.score?.answered, 0);
      writeAssessment(file, { 'df-frequency': { score: 5 }, 'lt-commit-to-prod': { score: 3 } });
      await eventually(() => panel.score?.answered === 2, 'the panel to show the two answers written on disk');
    });
  });

  describe('a file that no longer parses', () => {
    it('is shown as an error and never written over', async () => {
      const file = path.join(doraDir(), 'it-broken.json');
      writeAssessment(file, { 'df-frequency': { score: 2 } });
      const { api, panel } = await openInPanel(file);
      const broken =
        '{\n  "version": 1,\n<<<<<<< HEAD\n  "title": "ours"\n=======\n  "title": "theirs"\n>>>>>>> branch\n}\n';
      fs.writeFileSync(file, broken);
      const document = await api.openDocument(vscode.Uri.file(file));
      try {
        await eventually(() => document.state.kind === 'error', 'the document to report the parse error');
        await panel.receive({ type: 'setAnswer', seq: 1, questionId: 'df-frequency', score: 5 });
        // A flush runs the save path now instead of after the debounce: it must find nothing to write.
        await api.flushAll();
        assert.equal(fs.readFileSync(file, 'utf8'), broken);
        assert.equal(panel.score, undefined, 'nothing is scored from a file that does not parse');
      } finally {
        document.dispose();
      }
    });

    it('names an unknown framework and how to fix it', async () => {
      const file = path.join(doraDir(), 'it-unknown-framework.json');
      const text = writeAssessment(file, {}, { framework: { id: 'nowhere', version: '1' } });
      const api = await doraHost();
      const document = await api.openDocument(vscode.Uri.file(file));
      try {
        assert.equal(document.state.kind, 'error');
        const message = document.state.problems[0]?.message;
        assert.match(message ?? '', /"nowhere"/);
        assert.match(message ?? '', /\.dora\/frameworks\/nowhere\.yaml/);
        document.setAnswer('df-frequency', { score: 1 });
        await document.flush();
        assert.equal(fs.readFileSync(file, 'utf8'), text);
      } finally {
        document.dispose();
      }
    });
  });

  describe('answers to questions the framework no longer has', () => {
    it('are kept when other answers are saved, and counted as orphans', async () => {
      const file = path.join(doraDir(), 'it-orphans.json');
      writeAssessment(file, { 'retired-question': { score: 2, notes: 'asked in 2025' } });
      const { panel } = await openInPanel(file);
      assert.deepEqual(panel.score?.orphans, ['retired-question']);
      await panel.receive({ type: 'setAnswer', seq: 1, questionId: 'df-automation', score: 3 });
      await eventually(() => readJson(file).answers['df-automation']?.score === 3, 'the new answer on disk');
      assert.deepEqual(readJson(file).answers['retired-question'], { score: 2, notes: 'asked in 2025' });
    });
  });

  describe('one file, several users', () => {
    it('gives every caller the same document', async () => {
      const file = path.join(doraDir(), 'it-shared.json');
      writeAssessment(file, {});
      const api = await doraHost();
      const a = await api.openDocument(vscode.Uri.file(file));
      const b = await api.openDocument(vscode.Uri.file(file));
      try {
        const seen: number[] = [];
        const subscription = b.onDidChange((state) =>
          seen.push(state.kind === 'loaded' ? Object.keys(state.assessment.answers).length : -1),
        );
        a.setAnswer('df-approvals', { score: 2 });
        subscription.dispose();
        assert.deepEqual(seen, [1]);
        await a.flush();
        assert.equal(readJson(file).answers['df-approvals']?.score, 2);
      } finally {
        a.dispose();
        b.dispose();
      }
    });
  });
});
