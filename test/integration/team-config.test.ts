import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadTeamConfig } from '../../src/core/config/load';
import type { GitInsights } from '../../src/contracts/seams';
import { closeAll, doraDir, doraHost, writeAssessment } from './dora-host';

const configFile = () => path.join(doraDir(), 'config.yaml');

async function measure(name: string): Promise<Extract<GitInsights, { kind: 'ok' }>['result']> {
  const api = await doraHost();
  const file = path.join(doraDir(), `${name}.json`);
  writeAssessment(file, {});
  const insights = await api.gitInsights(vscode.Uri.file(file), true);
  assert.equal(insights.kind, 'ok', insights.kind === 'unavailable' ? insights.reason : '');
  return insights.result;
}

describe('the committed team configuration in a real VS Code', () => {
  afterEach(async () => {
    await closeAll();
    fs.rmSync(configFile(), { force: true });
    await vscode.workspace
      .getConfiguration('dora.git')
      .update('windowDays', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('measures as .dora/config.yaml says, above a VS Code setting, and names where each choice came from', async () => {
    await vscode.workspace.getConfiguration('dora.git').update('windowDays', 30, vscode.ConfigurationTarget.Workspace);
    const fromSetting = await measure('it-config-setting');
    assert.equal(fromSetting.window.days, 30);
    assert.ok(fromSetting.settings);
    assert.deepEqual(fromSetting.settings.choices['windowDays'], { value: 30, from: 'setting' });

    fs.writeFileSync(configFile(), 'windowDays: 14\nfailureDays: 3\n');
    const fromFile = await measure('it-config-file');
    assert.equal(fromFile.window.days, 14);
    assert.ok(fromFile.settings);
    assert.deepEqual(fromFile.settings.choices['windowDays'], { value: 14, from: 'config' });
    assert.deepEqual(fromFile.settings.choices['failureDays'], { value: 3, from: 'config' });
    assert.equal(fromFile.settings.configFile, path.join('.dora', 'config.yaml'));
  });

  it('a file that does not parse stops the analysis with its line and column', async () => {
    fs.writeFileSync(configFile(), 'windowDays: 14\nwindowdays: 7\n');
    const api = await doraHost();
    const file = path.join(doraDir(), 'it-config-broken.json');
    writeAssessment(file, {});
    const insights = await api.gitInsights(vscode.Uri.file(file), true);
    assert.equal(insights.kind, 'unavailable');
    assert.match(insights.reason, /config\.yaml:2:13: unknown field "windowdays"/);
  });

  it('Create Team Configuration writes the file from detection and never replaces it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('dora.createTeamConfiguration');
    assert.equal(uri?.fsPath, configFile());
    const text = fs.readFileSync(configFile(), 'utf8');
    const loaded = loadTeamConfig(text, configFile());
    assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.problems));
    assert.equal(loaded.value.config.source, 'tags');

    fs.writeFileSync(configFile(), 'windowDays: 21\n');
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('dora.createTeamConfiguration');
    assert.equal(again?.fsPath, configFile());
    assert.equal(fs.readFileSync(configFile(), 'utf8'), 'windowDays: 21\n');
  });
});
