import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, doraDir, doraHost, eventually, readJson } from './dora-host';

describe('DORA: Quick Check in a real VS Code', () => {
  afterEach(closeAll);

  it('creates a Quick Check file compared with the 2025 benchmark, opens it, and saves answers and a benchmark', async () => {
    const api = await doraHost();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('dora.quickCheck', { team: 'Checkout' });
    assert.ok(uri, 'the command should return the new file');
    assert.match(path.basename(uri.fsPath), /^\d{4}-\d{2}-\d{2}-dora-quick-check-checkout\.json$/);
    assert.equal(path.dirname(uri.fsPath), doraDir());
    const created = readJson(uri.fsPath);
    assert.deepEqual(created.framework, { id: 'dora-quick-check', version: '1' });
    assert.deepEqual(created.benchmark, { edition: '2025', by: 'industry', group: 'all' });
    assert.equal(created.$schema, undefined, 'no remote $schema; jsonValidation validates the file');
    const panel = await eventually(() => api.panel(uri), 'the Quick Check open in the panel');
    await panel.receive({ type: 'ready', revision: 0 });
    await panel.receive({ type: 'setAnswer', seq: 1, questionId: 'lead-time', band: 5 });
    await panel.receive({ type: 'setAnswer', seq: 2, questionId: 'change-failure-rate', percent: 12 });
    await panel.receive({
      type: 'setAnswer',
      seq: 3,
      questionId: '$benchmark',
      benchmark: { edition: '2024', by: 'organizationSize', group: 'fewer_than_100' },
    });
    await api.flushAll();
    const saved = readJson(uri.fsPath);
    assert.deepEqual(saved.answers, { 'lead-time': { band: 5 }, 'change-failure-rate': { percent: 12 } });
    assert.deepEqual(saved.benchmark, { edition: '2024', by: 'organizationSize', group: 'fewer_than_100' });
    await eventually(
      () => /^\$\(dashboard\) Delivery performance 8\.4\/10$/.test(api.statusBarText() ?? ''),
      `delivery performance in the status bar (it says ${String(api.statusBarText())})`,
    );
  });
});
