import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, doraDir, doraHost, eventually, workspaceRoot, writeAssessment } from './dora-host';

/** The DORA problems VS Code shows for a file (other sources, such as the JSON schema, left out). */
const doraProblems = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'DORA');

describe('a custom assessments folder in a real VS Code', () => {
  before(async () => {
    await doraHost();
    await vscode.workspace
      .getConfiguration('dora')
      .update('assessmentsFolder', 'assessments', vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await closeAll();
    await vscode.workspace
      .getConfiguration('dora')
      .update('assessmentsFolder', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('shows the problems of an assessment file there as you type, with line and column, since no schema reaches it', async () => {
    const file = path.join(workspaceRoot(), 'assessments', 'it-custom.json');
    writeAssessment(file, { 'df-frequency': { score: 2 } }, { updatedAt: '1' });
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    const problems = await eventually(() => {
      const found = doraProblems(document.uri);
      return found.length > 0 && found;
    }, 'DORA problems for the bad timestamp');
    const line = document
      .getText()
      .split('\n')
      .findIndex((text) => text.includes('"updatedAt"'));
    const [first] = problems;
    assert.ok(first);
    assert.equal(first.range.start.line, line);
    assert.match(first.message, /expected an ISO 8601 date and time.*\(at updatedAt\)/);
    assert.equal(first.severity, vscode.DiagnosticSeverity.Error);

    const edit = new vscode.WorkspaceEdit();
    const at = document.positionAt(document.getText().indexOf('"1"'));
    edit.replace(document.uri, new vscode.Range(at, at.translate(0, 3)), '"2026-01-05T09:00:00.000Z"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await eventually(() => doraProblems(document.uri).length === 0, 'the problems to clear once the file is fixed');
  });

  it('checks the folder’s config.yaml too, which the manifest’s yamlValidation does not reach', async () => {
    const file = path.join(workspaceRoot(), 'assessments', 'config.yaml');
    fs.writeFileSync(file, 'windowDays: 30\nsurprise: 1\n');
    try {
      const document = await vscode.workspace.openTextDocument(file);
      const problems = await eventually(() => {
        const found = doraProblems(document.uri);
        return found.length > 0 && found;
      }, 'DORA problems for the unknown key');
      assert.equal(problems[0]?.range.start.line, 1);
      assert.match(problems.map((p) => p.message).join('\n'), /surprise/);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('lists the folder in the Assessments view, and leaves .dora to the schema the manifest names', async () => {
    const api = await doraHost();
    writeAssessment(path.join(workspaceRoot(), 'assessments', 'it-listed.json'), {}, { title: 'Custom folder' });
    await eventually(
      async () => (await api.assessmentItems()).some((item) => item.label.includes('Custom folder')),
      'the custom folder’s file in the view',
    );
    const dotDora = path.join(doraDir(), 'it-not-custom.json');
    writeAssessment(dotDora, {}, { updatedAt: '1' });
    const document = await vscode.workspace.openTextDocument(dotDora);
    // Opened after the .dora file, so once its problems show, the .dora file has had its turn.
    const custom = path.join(workspaceRoot(), 'assessments', 'it-custom-late.json');
    writeAssessment(custom, {}, { updatedAt: '1' });
    const customDocument = await vscode.workspace.openTextDocument(custom);
    await eventually(() => doraProblems(customDocument.uri).length > 0, 'the custom folder file checked');
    assert.deepEqual(doraProblems(document.uri), [], '.dora/*.json is validated by jsonValidation, not twice');
  });
});
