import * as assert from 'node:assert/strict';
import type { Ledger } from '../../src/core/explain/ledger';
import type { LedgerCommit, LedgerDeployment } from '../../src/core/explain/schema';
import { explainPage } from '../../src/panel/ledgerPages';
import type { ExplainMessage } from '../../src/core/protocol';
import { gitOk, loaded, state } from './fixtures';
import { PanelPage } from './harness/panelPage';

const since = Date.parse('2026-08-01T00:00:00Z') / 1000;

/** 450 weekly-ish deployments with one commit each; deployment 2 failed; one subject carries HTML. */
function ledger(): Ledger {
  const deployments: LedgerDeployment[] = [];
  const leadTime: LedgerCommit[] = [];
  for (let d = 0; d < 450; d++) {
    const time = new Date((since + d * 17_000) * 1000).toISOString().replace('.000Z', 'Z');
    const name = `v1.${d}.0`;
    deployments.push({
      index: d,
      name,
      tags: [name],
      packages: [],
      time,
      commits: 1,
      leadCommits: 1,
      classifications: [],
    });
    leadTime.push({
      sha: (d + 1).toString(16).padStart(40, 'a'),
      subject: d === 0 ? '<img src=x onerror="document.title=`pwned`"> Fix <b>login</b>' : `Change ${d}`,
      author: 'Ada <ada@example.com>',
      startedAt: time,
      deployment: name,
      deploymentIndex: d,
      hours: d / 10,
      marks: d === 99 || d === 100 ? ['median'] : d === 179 ? ['p90'] : [],
      outlier: false,
      bot: false,
    });
  }
  deployments[2] = {
    ...deployments[2]!,
    classifications: [{ classification: 'failed', rule: 'A commit it shipped was reverted 2 days later.' }],
  };
  return { deployments, leadTime, excluded: [], window: { since, until: since + 90 * 86_400 } };
}

/** How many explain requests the page has made in this test, so each answer takes the next one. */
let requests = 0;

/** Answers the page's next explain request as the host does, from the same ledger. */
async function answer(panel: PanelPage, data: Ledger): Promise<ExplainMessage> {
  const request = await panel.nextPosted('explain', requests++);
  await panel.send({ type: 'ledger', ledger: explainPage(request, data, gitOk()) });
  return request;
}

describe('the ledger behind the git figures, in the panel', () => {
  let panel: PanelPage | undefined;
  beforeEach(() => {
    requests = 0;
  });
  afterEach(async () => {
    await panel?.close();
    panel = undefined;
  });

  async function openMetrics(): Promise<PanelPage> {
    const page = await PanelPage.open({ state: state(loaded(), gitOk()) });
    await page.page.getByRole('tab', { name: /metrics/i }).click();
    return page;
  }

  it('lists lead-time commits shortest first, marks median and p90, and renders subjects as text', async () => {
    panel = await openMetrics();
    const data = ledger();
    await panel.page.getByRole('button', { name: 'List the commits' }).click();
    assert.deepEqual(await answer(panel, data), { type: 'explain', list: 'lead-time', offset: 0 });
    const rows = panel.page.locator('.ledger-table tbody tr');
    await rows.nth(199).waitFor();
    assert.equal(await rows.count(), 200);
    assert.equal(await rows.nth(0).locator('.subject').textContent(), data.leadTime[0]!.subject);
    assert.equal(await panel.page.locator('.ledger-table img').count(), 0, 'the HTML in a subject is text');
    assert.notEqual(await panel.page.title(), 'pwned');
    assert.match((await rows.nth(99).textContent()) ?? '', /median/);
    assert.match((await rows.nth(179).textContent()) ?? '', /p90/);
    assert.equal(await panel.page.locator('.ledger-chart svg').count(), 1, 'the lead-time histogram');
  });

  it('shows more rows on request, 200 at a time, until all are shown', async () => {
    panel = await openMetrics();
    const data = ledger();
    await panel.page.getByRole('button', { name: 'List the deployments' }).click();
    await answer(panel, data);
    await panel.page.getByRole('button', { name: /Show more \(200 of 450 shown\)/ }).click();
    assert.deepEqual(await answer(panel, data), { type: 'explain', list: 'deployments', offset: 200 });
    await panel.page.getByRole('button', { name: /Show more \(400 of 450 shown\)/ }).click();
    await answer(panel, data);
    // The last page renders on the next frame: wait for its last row before counting.
    await panel.page.locator('.ledger-table tbody tr').nth(449).waitFor();
    assert.equal(await panel.page.locator('.ledger-table tbody tr').count(), 450);
    assert.equal(await panel.page.getByRole('button', { name: /Show more/ }).count(), 0);
  });

  it('opens a deployment’s commits, then a commit’s diff, in two clicks', async () => {
    panel = await openMetrics();
    const data = ledger();
    await panel.page.getByRole('button', { name: 'List failed and fix deployments' }).first().click();
    await answer(panel, data);
    const failed = panel.page.locator('.ledger-table tbody tr');
    await failed.first().waitFor();
    assert.equal(await failed.count(), 1);
    await failed.locator('summary').click();
    assert.match((await failed.textContent()) ?? '', /reverted 2 days later/);
    await failed.getByRole('button', { name: 'v1.2.0' }).click();
    assert.deepEqual(await answer(panel, data), { type: 'explain', list: 'lead-time', offset: 0, deployment: 2 });
    await panel.page.locator('.ledger-table button.commit').first().click();
    assert.deepEqual(await panel.nextPosted('openCommit'), { type: 'openCommit', sha: data.leadTime[2]!.sha });
  });

  it('says how to trust the workspace when git was not run', async () => {
    panel = await openMetrics();
    await panel.page.getByRole('button', { name: 'List the commits' }).click();
    const request = await panel.nextPosted('explain', requests++);
    await panel.send({ type: 'ledger', ledger: explainPage(request, undefined, { kind: 'untrusted' }) });
    assert.match(await panel.text(panel.page.locator('.ledger')), /not trusted.*Trust the workspace/);
  });
});
