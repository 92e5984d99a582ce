import * as assert from 'node:assert/strict';
import type { MetricSuggestion } from '../../src/core/metrics/result';
import { windowLine } from '../../webview/render/format';
import { assessment, gitOk, loaded, metrics, state } from './fixtures';
import { PanelPage } from './harness/panelPage';

const UNTRUSTED = 'This workspace is not trusted, so git history is not read. Trust the workspace to get suggestions.';

function suggestionFor(questionId: string): MetricSuggestion {
  const found = metrics().suggestions.find((s) => s.questionId === questionId);
  assert.ok(found, `the fixture figures should suggest an answer for ${questionId}`);
  return found;
}

describe('git suggestions in the panel', () => {
  let panel: PanelPage | undefined;
  afterEach(async () => {
    await panel?.close();
    panel = undefined;
  });

  it('shows a chip in plain words (the rule under "How this was measured"), and "Use" sends the score with its evidence', async () => {
    const suggestion = suggestionFor('df-frequency');
    panel = await PanelPage.open({ state: state(loaded(), gitOk()) });
    const chip = panel.page.getByTestId('suggestion-df-frequency');
    assert.equal(
      await chip.locator('.chip-text').textContent(),
      'About 2 releases a week (23 in 90 days) → score 4 (High)',
    );
    assert.ok(
      ((await chip.locator('details.method').textContent()) ?? '').includes(suggestion.reason),
      'the rule, pattern included, is under "How this was measured"',
    );
    await chip.getByRole('button', { name: 'Use suggested score' }).click();
    assert.deepEqual(await panel.nextPosted('setAnswer'), {
      type: 'setAnswer',
      seq: 1,
      questionId: 'df-frequency',
      score: suggestion.score,
      evidence: suggestion.evidence,
    });
    assert.match((await chip.textContent()) ?? '', /Your answer uses this suggestion/);
    assert.equal(await chip.getByRole('button', { name: 'Use suggested score' }).count(), 0, 'nothing left to use');
  });

  it('never replaces a different answer by itself: the chip shows the difference, and only a click replaces it', async () => {
    const suggestion = suggestionFor('df-frequency');
    const mine = suggestion.score === 1 ? 2 : 1;
    panel = await PanelPage.open({ state: state(loaded(assessment({ 'df-frequency': { score: mine } })), gitOk()) });
    const chip = panel.page.getByTestId('suggestion-df-frequency');
    assert.equal(
      await chip.locator('.chip-diff').textContent(),
      `Your answer is ${mine}; using the suggestion changes it to ${suggestion.score}.`,
    );
    assert.equal(
      await panel
        .question('df-frequency')
        .getByRole('radio', { name: new RegExp(`^Score ${mine}: `) })
        .isChecked(),
      true,
    );
    assert.deepEqual(await panel.postedOfType('setAnswer'), [], 'showing a suggestion posts nothing');
    await chip.getByRole('button', { name: 'Use suggested score' }).click();
    const sent = await panel.nextPosted('setAnswer');
    assert.equal(sent.score, suggestion.score);
  });

  it('keeps the method one click away: measure, window and method, with heuristics labelled as such', async () => {
    const heuristic = suggestionFor('cfr-rate');
    assert.equal(heuristic.evidence.heuristic, true, 'the change failure figure is a heuristic');
    panel = await PanelPage.open({ state: state(loaded(), gitOk()) });
    const chip = panel.page.getByTestId('suggestion-cfr-rate');
    assert.equal(await chip.locator('.tag').textContent(), 'heuristic');
    const method = chip.getByText(heuristic.evidence.method, { exact: true });
    assert.equal(await method.isVisible(), false, 'the method is folded away at first');
    await chip.getByText('How this was measured').click();
    assert.equal(await method.isVisible(), true);
    assert.equal(await chip.getByText(windowLine(heuristic.evidence.window!), { exact: true }).isVisible(), true);
    assert.equal(await chip.getByText(/an estimate from commit messages and tags/).isVisible(), true);
  });

  it('uses the suggestion of the focused question with the key u', async () => {
    const suggestion = suggestionFor('lt-commit-to-prod');
    panel = await PanelPage.open({ state: state(loaded(), gitOk()) });
    await panel.question('lt-commit-to-prod').focus();
    await panel.page.keyboard.press('u');
    const sent = await panel.nextPosted('setAnswer');
    assert.deepEqual(sent, {
      type: 'setAnswer',
      seq: 1,
      questionId: 'lt-commit-to-prod',
      score: suggestion.score,
      evidence: suggestion.evidence,
    });
  });

  it('shows the chips when the git figures arrive after the first paint', async () => {
    panel = await PanelPage.open({ state: state(loaded(), { kind: 'loading' }, 4) });
    assert.match((await panel.page.locator('.question-notices').textContent()) ?? '', /Reading git history/);
    assert.equal(await panel.page.getByTestId('suggestion-df-frequency').count(), 0);
    await panel.send({ type: 'git', revision: 5, git: gitOk() });
    await panel.page.getByTestId('suggestion-df-frequency').waitFor();
    const count = metrics().suggestions.length;
    assert.equal(await panel.page.locator('[data-testid^="suggestion-"]').count(), count);
  });

  it('says why there are no suggestions in an untrusted workspace, and when git is unavailable', async () => {
    panel = await PanelPage.open({ state: state(loaded(), { kind: 'untrusted' }) });
    assert.equal((await panel.page.locator('.question-notices .banner').textContent())?.trim(), UNTRUSTED);
    const reason = 'This folder is not a git repository; answer the questions by hand.';
    await panel.send({ type: 'git', revision: 4, git: { kind: 'unavailable', reason } });
    await panel.page.getByText(reason).first().waitFor();
    assert.equal(await panel.page.locator('[data-testid^="suggestion-"]').count(), 0);
  });

  it('shows the git figures and their method in the metrics tab, and refreshes them on request', async () => {
    const result = metrics();
    panel = await PanelPage.open({ state: state(loaded(), gitOk(result)) });
    await panel.send({ type: 'show', view: 'metrics' });
    const tab = panel.page.locator('.metrics');
    await tab.waitFor({ state: 'visible' });
    const deployments = tab.getByRole('article', { name: 'Deployment frequency' });
    assert.match((await deployments.textContent()) ?? '', new RegExp(`${result.deployments.count} \\(tags matching`));
    await deployments.getByText('Method').click();
    assert.equal(await deployments.getByText(result.deployments.method).isVisible(), true);
    assert.equal(
      await tab.locator('.card .tag').count(),
      3,
      'change failure, time to restore and rework are heuristics',
    );
    assert.equal(await tab.getByText(result.warnings[0]!).isVisible(), true);
    await tab.getByRole('button', { name: 'Refresh from git' }).click();
    assert.deepEqual(await panel.nextPosted('refreshGit'), { type: 'refreshGit' });
  });

  it('runs the toolbar commands through the host, with nothing but the command name', async () => {
    panel = await PanelPage.open({ state: state(loaded(), gitOk()) });
    await panel.page.getByRole('button', { name: 'Generate Report' }).click();
    assert.deepEqual(await panel.nextPosted('runCommand'), { type: 'runCommand', command: 'generateReport' });
    await panel.page.getByRole('button', { name: 'Suggest from git' }).click();
    assert.deepEqual(await panel.nextPosted('runCommand', 1), { type: 'runCommand', command: 'suggestFromGit' });
    await panel.page.getByRole('button', { name: 'Open JSON' }).click();
    assert.deepEqual(await panel.nextPosted('openFile'), { type: 'openFile' });
  });
});
