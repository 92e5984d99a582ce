import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/contracts/ids';
import { activatedExtension, contributedCommandIds, EXTENSION_ID, meetsEngineRange } from './extension-under-test';

describe('the extension in a real VS Code', () => {
  it('runs on a VS Code that engines.vscode accepts', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const range = (extension.packageJSON as { engines: { vscode: string } }).engines.vscode;
    assert.ok(
      meetsEngineRange(vscode.version, range),
      `VS Code ${vscode.version} does not satisfy engines.vscode "${range}"`,
    );
  });

  it('activates without throwing', async () => {
    const extension = await activatedExtension();
    assert.equal(extension.isActive, true);
  });

  it('registers every command its package.json contributes', async () => {
    const extension = await activatedExtension();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributedCommandIds(extension).filter((id) => !registered.has(id));
    if (missing.length > 0) assert.fail(`contributed but not registered: ${missing.join(', ')}`);
  });

  it('registers every command id the host and panel share', async () => {
    await activatedExtension();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = Object.values(COMMAND_IDS).filter((id) => !registered.has(id));
    if (missing.length > 0) assert.fail(`in COMMAND_IDS but not registered: ${missing.join(', ')}`);
  });

  it('opens the fixture workspace the runner prepared', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'expected exactly one workspace folder');
    const expected = process.env['DORA_FIXTURE_WORKSPACE'];
    assert.ok(expected, 'the runner should set DORA_FIXTURE_WORKSPACE');
    assert.equal(folders[0]?.uri.fsPath, expected);
  });
});
