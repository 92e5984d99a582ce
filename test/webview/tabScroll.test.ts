import * as assert from 'node:assert/strict';
import { answered, assessment, gitOk, loaded, state } from './fixtures';
import { PanelPage } from './harness/panelPage';

const scrollY = (panel: PanelPage) => panel.page.evaluate(() => Math.round(window.scrollY));

/**
 * Clicks the tab where it is: the tab row sticks to the top, so switching needs no scrolling back up. Then
 * waits for the change to settle (the panel restores the position two frames after the switch).
 */
async function openTab(panel: PanelPage, name: string): Promise<void> {
  const box = (await panel.page.getByRole('tab', { name }).boundingBox())!;
  assert.ok(box.y >= 0 && box.y + box.height <= 500, `the "${name}" tab is in view (at y=${box.y})`);
  await panel.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await panel.page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))),
  );
}

describe('the tabs of the panel', () => {
  let panel: PanelPage | undefined;
  afterEach(async () => {
    await panel?.close();
    panel = undefined;
  });

  it('keeps each tab’s own scroll position when switching between them', async () => {
    panel = await PanelPage.open({ state: state(loaded(assessment(answered(5))), gitOk()), width: 760 });
    await panel.page.setViewportSize({ width: 760, height: 500 });
    await panel.page.evaluate(() => window.scrollTo({ top: 1600, behavior: 'instant' }));
    const questionsAt = await scrollY(panel);
    assert.ok(questionsAt > 1000, `the questions scrolled (to ${questionsAt})`);

    await openTab(panel, 'Git metrics');
    assert.equal(await scrollY(panel), 0, 'the metrics tab opens at its top, not where the questions were');
    const metricsHeight = await panel.page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    const metricsAt = Math.min(200, metricsHeight);
    assert.ok(metricsAt > 0, 'the metrics tab is taller than the view, so it can scroll');
    await panel.page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), metricsAt);

    await openTab(panel, 'Assessment');
    assert.equal(await scrollY(panel), questionsAt, 'the questions are where they were left');
    await panel.screenshot('tabs-sticky-scrolled');

    await openTab(panel, 'Git metrics');
    assert.equal(await scrollY(panel), metricsAt, 'the metrics are where they were left');
  });
});
