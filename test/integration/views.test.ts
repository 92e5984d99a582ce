import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, doraDir, doraHost, eventually, writeAssessment } from './dora-host';

const FRAMEWORK_YAML = JSON.stringify({
  id: 'team-practices',
  name: 'Team practices',
  version: '0.1.0',
  description: 'A framework a team keeps in its own repository.',
  domains: [
    {
      id: 'flow',
      name: 'Flow',
      weight: 100,
      questions: [
        {
          id: 'wip',
          text: 'Do we limit work in progress?',
          help: 'Count the items in progress per person.',
          guidance: Object.fromEntries(
            [0, 1, 2, 3, 4, 5].map((n) => [n, { text: `Level ${n} of limiting work in progress.` }]),
          ),
        },
      ],
    },
  ],
});

describe('views in a real VS Code', () => {
  afterEach(closeAll);

  it('the Assessments view lists each file with its score and level, newest first', async () => {
    const api = await doraHost();
    writeAssessment(
      path.join(doraDir(), 'it-view-old.json'),
      { 'df-frequency': { score: 2 } },
      { title: 'View test, older', updatedAt: '2026-01-06T09:00:00.000Z' },
    );
    writeAssessment(
      path.join(doraDir(), 'it-view-new.json'),
      { 'df-frequency': { score: 5 } },
      { title: 'View test, newer', updatedAt: '2026-02-06T09:00:00.000Z' },
    );
    const items = await eventually(async () => {
      const mine = (await api.assessmentItems()).filter((item) => item.label.includes('View test'));
      return mine.length === 2 && mine;
    }, 'both files in the view');
    assert.deepEqual(items, [
      { label: 'Maturity 100% L5 (provisional) · View test, newer', description: '' },
      { label: 'Maturity 25% L2 (provisional) · View test, older', description: '' },
    ]);
  });

  it('the status bar shows the score while the panel is active', async () => {
    const api = await doraHost();
    const file = path.join(doraDir(), 'it-status.json');
    writeAssessment(file, { 'df-frequency': { score: 4 } });
    await vscode.commands.executeCommand('dora.openAssessment', vscode.Uri.file(file));
    await eventually(
      () => api.statusBarText() === '$(checklist) Practice maturity 75% L4 (provisional, 1 of 25)',
      `the score in the status bar (it says ${String(api.statusBarText())})`,
    );
    await closeAll();
    await eventually(() => api.statusBarText() === undefined, 'the status bar item to hide');
  });

  it('offers frameworks from .dora/frameworks/ in a trusted workspace', async () => {
    const api = await doraHost();
    fs.mkdirSync(path.join(doraDir(), 'frameworks'), { recursive: true });
    fs.writeFileSync(path.join(doraDir(), 'frameworks', 'team-practices.yaml'), FRAMEWORK_YAML);
    await eventually(
      async () => (await api.frameworkIds(doraDir())).includes('team-practices'),
      'the workspace framework in the catalogue',
    );
    const uri = await vscode.commands.executeCommand<vscode.Uri>('dora.newAssessment', {
      frameworkId: 'team-practices',
      title: 'Our practices',
      team: '',
      open: false,
    });
    const document = await api.openDocument(uri);
    try {
      assert.equal(document.state.kind, 'loaded');
      assert.equal(document.state.framework.name, 'Team practices');
    } finally {
      document.dispose();
    }
  });

  it("generates the report of an assessment from the view's context menu", async () => {
    const file = path.join(doraDir(), 'it-report.json');
    writeAssessment(
      file,
      { 'df-frequency': { score: 3, notes: 'Every two weeks' } },
      { title: 'Report from the view' },
    );
    const report = await vscode.commands.executeCommand<vscode.Uri | undefined>('dora.generateReport', {
      uri: vscode.Uri.file(file),
    });
    assert.ok(report, 'the command should return the report it wrote');
    assert.equal(path.dirname(path.dirname(report.fsPath)), doraDir());
    assert.match(fs.readFileSync(report.fsPath, 'utf8'), /Report from the view/);
  });

  it('compares a report with the previous assessment, which the host finds through its worker thread', async () => {
    const dir = path.join(doraDir(), 'it-previous');
    fs.mkdirSync(dir, { recursive: true });
    writeAssessment(
      path.join(dir, 'spring.json'),
      { 'df-frequency': { score: 1 } },
      { title: 'Spring', updatedAt: '2026-03-02T09:00:00.000Z' },
    );
    writeAssessment(path.join(dir, 'broken.json'), {}, { updatedAt: 'not a date' });
    const file = path.join(dir, 'summer.json');
    writeAssessment(file, { 'df-frequency': { score: 4 } }, { title: 'Summer', updatedAt: '2026-06-01T09:00:00.000Z' });
    const report = await vscode.commands.executeCommand<vscode.Uri | undefined>('dora.generateReport', {
      uri: vscode.Uri.file(file),
    });
    assert.ok(report, 'the command should return the report it wrote');
    assert.match(fs.readFileSync(report.fsPath, 'utf8'), /Compared with "Spring" of /);
  });

  it('reveals an assessment in the Explorer from the view', async () => {
    const file = path.join(doraDir(), 'it-reveal.json');
    writeAssessment(file, {});
    await vscode.commands.executeCommand('dora.revealAssessment', { uri: vscode.Uri.file(file) });
  });
});
