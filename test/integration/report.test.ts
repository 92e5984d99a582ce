import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, doraDir, doraHost, eventually, writeAssessment } from './dora-host';

/** The Markdown preview is a webview tab; its label names the file it shows. */
function previewTabFor(file: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find(
      (tab) =>
        tab.input instanceof vscode.TabInputWebview &&
        tab.input.viewType.includes('markdown.preview') &&
        tab.label.includes(path.basename(file)),
    );
}

describe('DORA: Generate Report in a real VS Code', () => {
  afterEach(closeAll);

  it('writes .dora/reports/<name>.md with its chart, compares with the older assessment, and opens the preview', async () => {
    writeAssessment(
      path.join(doraDir(), 'it-report-older.json'),
      { 'df-frequency': { score: 2 } },
      {
        title: 'The older assessment',
        createdAt: '2026-01-04T09:00:00.000Z',
        updatedAt: '2026-01-04T09:00:00.000Z',
      },
    );
    const file = path.join(doraDir(), 'it-report.json');
    writeAssessment(file, {
      'df-frequency': { score: 4, notes: 'Weekly | on Tuesdays' },
      'df-automation': { score: 0 },
    });

    const report = await vscode.commands.executeCommand<vscode.Uri>('dora.generateReport', vscode.Uri.file(file));
    assert.ok(report, 'the command returns the report it wrote');
    assert.equal(report.fsPath, path.join(doraDir(), 'reports', 'it-report.md'));
    const markdown = fs.readFileSync(report.fsPath, 'utf8');
    assert.match(markdown, /^# Written by the test\n/);
    assert.match(markdown, /!\[Practice maturity by domain, radar chart\]\(it-report-radar\.svg\)/);
    assert.match(markdown, /## Since the last assessment\n\nCompared with "The older assessment" of 2026-01-04\./);
    assert.match(markdown, /Weekly \\\| on Tuesdays/);
    assert.match(
      fs.readFileSync(path.join(doraDir(), 'reports', 'it-report-radar.svg'), 'utf8'),
      /^<svg [^>]*role="img"/,
    );
    await eventually(() => previewTabFor(report.fsPath), 'the Markdown preview of the report');
  });

  it('"Export Report as HTML" writes one self-contained HTML file beside the Markdown, with the charts inline', async () => {
    const file = path.join(doraDir(), 'it-export.json');
    writeAssessment(file, { 'df-frequency': { score: 2 }, 'df-automation': { score: 3 } });
    const html = await vscode.commands.executeCommand<vscode.Uri>('dora.exportReportHtml', vscode.Uri.file(file));
    assert.ok(html, 'the command returns the file it wrote');
    assert.equal(html.fsPath, path.join(doraDir(), 'reports', 'it-export.html'));
    const text = fs.readFileSync(html.fsPath, 'utf8');
    assert.match(text, /^<!doctype html>/);
    assert.match(text, /<figure[^>]*>\n<svg /);
    assert.doesNotMatch(text, /<script|<img /);
    assert.ok(fs.existsSync(path.join(doraDir(), 'reports', 'it-export.md')), 'the Markdown is written too');
  });

  it('measures git up to the assessment’s last update, so regenerating it gives the same bytes', async () => {
    const updatedAt = new Date(Date.now() - 3 * 86_400_000);
    updatedAt.setUTCHours(12, 0, 0, 0);
    const file = path.join(doraDir(), 'it-report-git.json');
    writeAssessment(
      file,
      { 'df-frequency': { score: 3 } },
      { createdAt: updatedAt.toISOString(), updatedAt: updatedAt.toISOString() },
    );

    const report = await vscode.commands.executeCommand<vscode.Uri>('dora.generateReport', vscode.Uri.file(file));
    const first = fs.readFileSync(report.fsPath, 'utf8');
    const day = updatedAt.toISOString().slice(0, 10);
    assert.match(
      first,
      new RegExp(`Measured from the git history between \\d{4}-\\d\\d-\\d\\d and ${day} \\(90 days\\)\\.`),
    );
    await vscode.commands.executeCommand('dora.generateReport', vscode.Uri.file(file));
    assert.equal(fs.readFileSync(report.fsPath, 'utf8'), first);
  });

  it('reports on the panel’s assessment, including an answer typed a moment ago', async () => {
    const api = await doraHost();
    const file = path.join(doraDir(), 'it-report-panel.json');
    writeAssessment(file, {});
    const uri = vscode.Uri.file(file);
    await vscode.commands.executeCommand('dora.openAssessment', uri);
    const panel = await eventually(() => api.panel(uri), 'the panel');
    await panel.receive({ type: 'ready', revision: 0 });
    await panel.receive({ type: 'setAnswer', seq: 1, questionId: 'df-frequency', score: 3, notes: 'Typed just now' });
    // The panel's toolbar button: the webview asks the host to run the command for its file.
    await panel.receive({ type: 'runCommand', command: 'generateReport' });
    const reportFile = path.join(doraDir(), 'reports', 'it-report-panel.md');
    const markdown = await eventually(
      () => fs.existsSync(reportFile) && fs.readFileSync(reportFile, 'utf8'),
      'the report file',
    );
    // Each question is written once, under its domain, with its score and the guidance for that level.
    assert.match(markdown, /\*\*Q1\. How often does the team deploy to production\?\*\* \*\*3\/5\.\*\* \S/);
    assert.match(markdown, /> Typed just now/);
  });

  it('writes nothing for a file it cannot read, and leaves the file as it was', async () => {
    const file = path.join(doraDir(), 'it-report-broken.json');
    fs.mkdirSync(doraDir(), { recursive: true });
    fs.writeFileSync(file, '{ "version": 1, "answers": ');
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'dora.generateReport',
      vscode.Uri.file(file),
    );
    assert.equal(result, undefined);
    assert.equal(fs.existsSync(path.join(doraDir(), 'reports', 'it-report-broken.md')), false);
    assert.equal(fs.readFileSync(file, 'utf8'), '{ "version": 1, "answers": ');
  });
});
