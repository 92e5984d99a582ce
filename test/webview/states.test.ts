import * as assert from 'node:assert/strict';
import type { ProblemView } from '../../src/core/protocol';
import { answered, assessment, gitOk, loaded, state } from './fixtures';
import { PanelPage } from './harness/panelPage';

const PROBLEMS: ProblemView[] = [
  { severity: 'error', message: "not valid JSON: Expected ',' or '}' after property value", line: 12, column: 7 },
  {
    severity: 'error',
    message: 'expected number, received string',
    line: 20,
    column: 16,
    path: 'answers["df-frequency"].score',
  },
];

describe('panel states', () => {
  let panel: PanelPage | undefined;
  afterEach(async () => {
    await panel?.close();
    panel = undefined;
  });

  it('lists every problem of a file that no longer parses, with line, column and a way to open the file there', async () => {
    panel = await PanelPage.open({ state: state({ kind: 'error', problems: PROBLEMS }) });
    const error = panel.page.getByTestId('load-error');
    const items = error.getByRole('listitem');
    assert.equal(await items.count(), PROBLEMS.length);
    assert.match((await items.nth(0).textContent()) ?? '', /Line 12, column 7\s*not valid JSON/);
    assert.match(
      (await items.nth(1).textContent()) ?? '',
      /Line 20, column 16\s*expected number, received string answers\["df-frequency"\]\.score/,
    );
    await items
      .nth(1)
      .getByRole('button', { name: /^Open file/ })
      .click();
    assert.deepEqual(await panel.nextPosted('openFile'), { type: 'openFile', line: 20, column: 16 });
  });

  it('allows no edit at all while the file does not parse', async () => {
    panel = await PanelPage.open({ state: state({ kind: 'error', problems: PROBLEMS }) });
    for (const role of ['radio', 'textbox'] as const)
      assert.equal(await panel.page.getByRole(role).count(), 0, `no ${role} in the error view`);
    assert.equal(await panel.page.locator('[data-question-id]').count(), 0);
    for (const name of ['Generate Report', 'Suggest from git', 'Use suggested score']) {
      assert.equal(await panel.page.getByRole('button', { name }).count(), 0, `no "${name}"`);
    }
    await panel.page.locator('body').press('4');
    await panel.page.getByTestId('load-error').press('j');
    assert.deepEqual(await panel.posted(), [{ type: 'ready', revision: 3 }]);
  });

  it('goes from a loaded assessment to the error view and back as the host reports the file', async () => {
    panel = await PanelPage.open({ state: state(loaded(assessment(answered(3)))) });
    await panel.send({ type: 'document', revision: 4, document: { kind: 'error', problems: PROBLEMS } });
    await panel.page.getByTestId('load-error').waitFor();
    assert.equal(await panel.page.locator('[data-question-id]').count(), 0);
    await panel.send({ type: 'document', revision: 5, document: loaded(assessment(answered(3))) });
    await panel.question('df-frequency').waitFor();
    assert.equal(await panel.page.getByTestId('load-error').count(), 0);
  });

  it('shows "loading" until the host sends the file, and says so when the file is gone', async () => {
    panel = await PanelPage.open({ state: state({ kind: 'loading' }) });
    assert.match((await panel.page.locator('#app').textContent()) ?? '', /Reading assessments\/q4\.dora\.json/);
    await panel.send({ type: 'document', revision: 4, document: { kind: 'missing' } });
    await panel.page.getByText('The file was deleted or moved.', { exact: false }).waitFor();
    assert.equal(await panel.page.getByRole('radio').count(), 0);
  });

  it('lists answers kept for questions the framework no longer has, outside the score', async () => {
    const answers = { ...answered(2), 'legacy-pipeline': { score: 4, notes: 'from the 2025 framework' } };
    panel = await PanelPage.open({ state: state(loaded(assessment(answers))) });
    const orphans = panel.page.getByRole('region', { name: 'Answers kept for questions this framework no longer has' });
    assert.match(
      (await orphans.getByRole('listitem').textContent()) ?? '',
      /legacy-pipeline: score 4 — from the 2025 framework/,
    );
    assert.match(await panel.text(panel.page.locator('.completeness')), /2 of 25 answered/);
  });

  it('ignores a host message that does not match the protocol, and tells the host', async () => {
    panel = await PanelPage.open({ state: state(loaded(assessment(answered(2)))) });
    const before = await panel.text(panel.overallScore());
    await panel.send({ type: 'state', state: { revision: 'nine' } });
    await panel.send({ type: 'erase-everything' });
    const logs = [await panel.nextPosted('log'), await panel.nextPosted('log', 1)];
    for (const log of logs) {
      assert.equal(log.level, 'warn');
      assert.match(log.message, /does not match the protocol/);
    }
    assert.equal(await panel.text(panel.overallScore()), before);
  });

  it('runs under the strict CSP: no violation, the codicon font loads, and vscode-elements render', async () => {
    panel = await PanelPage.open({ state: state(loaded(assessment(answered(4))), gitOk()) });
    await panel
      .question('df-frequency')
      .getByRole('radio', { name: /^Score 5: / })
      .click();
    await panel.page.getByRole('tab', { name: 'Git metrics' }).click();
    await panel.page.locator('.metrics').waitFor({ state: 'visible' });
    const csp = await panel.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /script-src 'nonce-[A-Za-z0-9+/=]{24}'/);
    assert.doesNotMatch(csp ?? '', /unsafe-inline|unsafe-eval|data:/);
    await panel.page.evaluate(() => document.fonts.ready);
    assert.equal(await panel.page.evaluate(() => document.fonts.check('16px codicon')), true, 'codicon font loaded');
    const buttonHeight = await panel.page
      .getByRole('button', { name: 'Generate Report' })
      .evaluate((el) => el.shadowRoot?.firstElementChild?.getBoundingClientRect().height ?? 0);
    assert.ok(buttonHeight > 10, 'vscode-button rendered its shadow DOM with its adopted styles');
    assert.deepEqual(await panel.violations(), []);
  });

  it('keeps its file, tab and focused question in the webview state, and restores them after a reload', async () => {
    const first = await PanelPage.open({ state: state() });
    panel = first;
    await first.question('cfr-rate').focus();
    await first.page.getByRole('tab', { name: 'Git metrics' }).click();
    const saved = await first.persisted();
    assert.deepEqual(saved, { uri: state().uri, view: 'metrics', questionId: 'cfr-rate' });
    await first.close();
    panel = await PanelPage.open({
      state: state(),
      persisted: { uri: state().uri, view: 'assessment', questionId: 'cfr-rate' },
    });
    await panel.page.waitForFunction(() => document.activeElement?.closest('[data-question-id]') !== null);
    assert.equal(await panel.focusedQuestion(), 'cfr-rate');
  });
});
