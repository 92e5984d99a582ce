import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedExtension, EXTENSION_ID } from '../extension-under-test';

describe('the extension in an untrusted workspace (Restricted Mode)', () => {
  it('runs in a workspace that is really untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner should have opened the workspace without trusting it');
  });

  it('declares limited support for untrusted workspaces, so an installed copy is not disabled there', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const manifest = extension.packageJSON as {
      capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: unknown } };
    };
    const declared = manifest.capabilities?.untrustedWorkspaces;
    // A development copy is never disabled, so only the manifest shows what users of the .vsix will get.
    if (!declared)
      assert.fail(
        'package.json has no capabilities.untrustedWorkspaces: VS Code would disable the installed extension in Restricted Mode',
      );
    assert.equal(declared.supported, 'limited');
    assert.equal(
      typeof declared.description,
      'string',
      'say what is turned off in Restricted Mode (capabilities.untrustedWorkspaces.description)',
    );
  });

  it('still activates in Restricted Mode', async () => {
    const extension = await activatedExtension();
    assert.equal(extension.isActive, true);
  });
});
