import * as assert from 'node:assert/strict';
import type { Ledger } from '../../../src/core/explain/ledger';
import type { LedgerCommit, LedgerDeployment } from '../../../src/core/explain/schema';
import type { HostMessage, PanelState } from '../../../src/core/protocol';
import { parseHostMessage } from '../../../src/core/protocol';
import { PanelSession } from '../../../src/panel/panelSession';
import type { SessionHost } from '../../../src/panel/panelSession';
import { PanelModel } from '../../../webview/state';

const since = Date.parse('2026-08-01T00:00:00Z') / 1000;

/** A ledger as large as a busy repository's: 12,000 deployments, one commit each, in a 90-day window. */
function bigLedger(deployments = 12_000): Ledger {
  const rows: LedgerDeployment[] = [];
  const commits: LedgerCommit[] = [];
  for (let d = 0; d < deployments; d++) {
    const time = new Date((since + d * 600) * 1000).toISOString().replace('.000Z', 'Z');
    const name = `pkg-${d % 30}@1.${Math.floor(d / 30)}.0`;
    rows.push({
      index: d,
      name,
      tags: [name],
      packages: [`pkg-${d % 30}`],
      time,
      commits: 1,
      leadCommits: 1,
      classifications: [],
    });
    commits.push({
      sha: d.toString(16).padStart(40, '0'),
      subject: `<img src=x onerror=alert(${d})> change ${d}`,
      author: 'Ada <ada@example.com>',
      startedAt: time,
      deployment: name,
      deploymentIndex: d,
      hours: d % 100,
      marks: [],
      outlier: false,
      bot: false,
    });
  }
  rows[5] = {
    ...rows[5]!,
    classifications: [{ classification: 'failed', rule: 'A revert of one of its commits followed within 7 days.' }],
  };
  return { deployments: rows, leadTime: commits, excluded: [], window: { since, until: since + 90 * 86_400 } };
}

function session(ledger: Ledger | undefined, git: SessionHost['git'] = { kind: 'loading' }) {
  const sent: HostMessage[] = [];
  const host: SessionHost = {
    deliver: (message) => sent.push(message),
    run: () => Promise.resolve(),
    log: () => undefined,
    git,
    ledger,
  };
  const document = { state: { kind: 'missing' as const }, setAnswer: () => ({ applied: false, reason: 'no file' }) };
  const panel = new PanelSession(document, host);
  panel.pageState('file:///work/.dora/team.json', '.dora/team.json');
  return { panel, sent };
}

describe('the ledger pages the panel asks for', () => {
  it('sends one page of 200 rows with the charts, from the analysis already made', async () => {
    const { panel, sent } = session(bigLedger());
    await panel.receive({ type: 'ready', revision: 0 });
    await panel.receive({ type: 'explain', list: 'deployments', offset: 0 });
    const message = sent.at(-1);
    assert.ok(message?.type === 'ledger' && message.ledger.kind === 'ok');
    assert.deepEqual([message.ledger.page.total, message.ledger.page.rows.length], [12_000, 200]);
    assert.equal(message.ledger.summary.weeks.length, 13);
    assert.equal(message.ledger.summary.totals.failures, 1);
    const bytes = Buffer.byteLength(JSON.stringify(message));
    console.log(`      one ledger page of a 12,000-deployment history: ${(bytes / 1024).toFixed(1)} KB`);
    assert.ok(bytes < 1024 * 1024, `${bytes} bytes`);
    assert.ok(parseHostMessage(message).ok, 'the webview accepts it');
  });

  it('lists the commits one deployment ships when a deployment is clicked', async () => {
    const { panel, sent } = session(bigLedger(10));
    await panel.receive({ type: 'ready', revision: 0 });
    await panel.receive({ type: 'explain', list: 'lead-time', offset: 0, deployment: 3 });
    const message = sent.at(-1);
    assert.ok(message?.type === 'ledger' && message.ledger.kind === 'ok');
    assert.equal(message.ledger.deployment, 3);
    assert.deepEqual(
      message.ledger.page.rows.map((row) => ('deploymentIndex' in row ? row.deploymentIndex : -1)),
      [3],
    );
  });

  it('says how to trust the workspace when git was not run', async () => {
    const { panel, sent } = session(undefined, { kind: 'untrusted' });
    await panel.receive({ type: 'ready', revision: 0 });
    await panel.receive({ type: 'explain', list: 'lead-time', offset: 0 });
    const message = sent.at(-1);
    assert.ok(message?.type === 'ledger' && message.ledger.kind === 'unavailable');
    assert.match(message.ledger.reason, /not trusted.*Trust the workspace/);
  });

  it('refuses to open something that is not a commit hash', async () => {
    const { panel, sent } = session(bigLedger(1));
    await panel.receive({ type: 'ready', revision: 0 });
    await panel.receive({ type: 'openCommit', sha: '--output=/tmp/x' });
    assert.deepEqual(sent, []);
  });

  it('grows the webview list page by page with "show more", and closes it when new figures arrive', async () => {
    const { panel, sent } = session(bigLedger(450));
    await panel.receive({ type: 'ready', revision: 0 });
    const state: PanelState = {
      revision: 0,
      uri: 'file:///work/.dora/team.json',
      fileName: '.dora/team.json',
      document: { kind: 'loading' },
      git: { kind: 'loading' },
    };
    const model = new PanelModel(state);
    const exchange = async (message: ReturnType<typeof model.ledger.open> | undefined) => {
      assert.ok(message);
      await panel.receive(message);
      assert.equal(model.receive(sent.at(-1)), undefined);
    };
    await exchange(model.ledger.open({ list: 'lead-time' }));
    await exchange(model.ledger.more());
    await exchange(model.ledger.more());
    const shown = model.ledger.shown;
    assert.ok(shown.kind === 'ok');
    assert.deepEqual([shown.rows.length, shown.total, model.ledger.more()], [450, 450, undefined]);
    model.apply({ type: 'git', revision: 1, git: { kind: 'loading' } });
    assert.equal(model.ledger.shown.kind, 'closed');
  });
});
