import * as assert from 'node:assert/strict';
import { MAX_NOTES_CHARS } from '../../src/core/protocol';
import { findQuestion } from '../../src/core/framework/suggest';
import { assessment, doraFramework, gitOk, loaded, state } from './fixtures';
import { PanelPage } from './harness/panelPage';

const visibleGuidance = (panel: PanelPage, id: string) =>
  panel
    .question(id)
    .locator('.guidance-item')
    .evaluateAll((items) =>
      items.filter((item) => getComputedStyle(item).display !== 'none').map((item) => item.getAttribute('data-score')),
    );

/** Where the page header and the tab row, both stuck to the top, end: what is above is hidden. */
const stickyBottom = (panel: PanelPage) =>
  panel.page.evaluate(() => {
    const tabs = document.querySelector('vscode-tabs')?.shadowRoot?.querySelector('.header');
    return Math.max(
      tabs?.getBoundingClientRect().bottom ?? 0,
      document.querySelector('.page-head')?.getBoundingClientRect().bottom ?? 0,
    );
  });

describe('the compact question card', () => {
  let panel: PanelPage | undefined;
  afterEach(async () => {
    await panel?.close();
    panel = undefined;
  });

  it('shows only the chosen score’s guidance, the hovered one while hovering, and all levels on request', async () => {
    panel = await PanelPage.open({ state: state(loaded(assessment({ 'df-frequency': { score: 2 } }))) });
    assert.deepEqual(await visibleGuidance(panel, 'df-frequency'), ['2']);
    await panel.question('df-frequency').locator('.option').nth(4).hover();
    assert.deepEqual(await visibleGuidance(panel, 'df-frequency'), ['4']);
    const levels = panel.question('df-frequency').locator('details.all-levels');
    assert.equal(await levels.getAttribute('open'), null);
    await panel.page.getByTestId('all-levels').click();
    assert.notEqual(await levels.getAttribute('open'), null, 'the toggle opens every card’s levels');
    const question = findQuestion(doraFramework(), 'df-frequency')!;
    assert.match(
      (await levels.textContent()) ?? '',
      new RegExp(question.guidance[5].text.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
  });

  // At 560 px the toolbar wraps and the sticky tab row is taller: the question must still clear it.
  for (const width of [760, 560])
    it(`brings the whole header of the question into view with j and ArrowDown, in a short viewport ${width} px wide`, async () => {
      panel = await PanelPage.open({ state: state(loaded(assessment({}))), width });
      await panel.page.setViewportSize({ width, height: 420 });
      // Tall content: every card's levels open, so most cards are taller than the viewport.
      await panel.page.getByTestId('all-levels').click();
      await panel.question('df-frequency').focus();
      for (const key of ['j', 'j', 'ArrowDown', 'j', 'k', 'ArrowDown', 'j']) {
        await panel.page.keyboard.press(key);
        const id = await panel.focusedQuestion();
        assert.ok(id);
        const box = await panel.question(id).locator('.question-head').boundingBox();
        // The sticky page header and tab row cover the top of the view: the question must show below them.
        const covered = await stickyBottom(panel);
        assert.ok(
          box && box.y >= covered && box.y + box.height <= 420,
          `after ${key}, the header of ${id} is in view (${JSON.stringify(box)})`,
        );
      }
    });

  for (const theme of ['light', 'dark'] as const)
    it(`shows at least three unanswered questions at once at 760×800, with git suggestions (${theme})`, async () => {
      panel = await PanelPage.open({ state: state(loaded(assessment({})), gitOk()), width: 760, theme });
      await panel.page.setViewportSize({ width: 760, height: 800 });
      // The first card carries a git chip, the tallest kind of compact card.
      assert.equal(await panel.question('df-frequency').getByTestId('suggestion-df-frequency').isVisible(), true);
      const covered = await stickyBottom(panel);
      const visible = await panel.page.locator('.question:not(.answered)').evaluateAll(
        (cards, top) =>
          cards.filter((card) => {
            const box = card.getBoundingClientRect();
            return box.height > 0 && box.top >= top && box.bottom <= window.innerHeight;
          }).length,
        covered,
      );
      console.log(`      ${theme}: ${visible} unanswered questions fully in view at 760×800`);
      assert.ok(visible >= 3, `${visible} unanswered questions are fully visible`);
      // Both figures share the header's one line with the title.
      const title = (await panel.page.locator('.page-head h1').boundingBox())!;
      for (const testId of ['overall-score', 'delivery-performance']) {
        const figure = (await panel.page.getByTestId(testId).boundingBox())!;
        assert.ok(
          figure.y < title.y + title.height && figure.y + figure.height > title.y,
          `${testId} beside the title`,
        );
      }
      await panel.screenshot(`compact-assessment-760x800-${theme}`);
    });

  it('jumps to the next unanswered question, and can show only those', async () => {
    panel = await PanelPage.open({
      state: state(loaded(assessment({ 'df-frequency': { score: 3 }, 'df-automation': { score: 4 } }))),
    });
    await panel.page.getByTestId('next-unanswered').click();
    const first = await panel.focusedQuestion();
    assert.ok(first && first !== 'df-frequency' && first !== 'df-automation', `focused ${String(first)}`);
    await panel.page.getByTestId('unanswered-only').check();
    assert.equal(await panel.question('df-frequency').isVisible(), false);
    assert.equal(await panel.question(first).isVisible(), true);
  });

  it('refuses a note over the limit with a message in the panel, keeping the text in the box', async () => {
    panel = await PanelPage.open({ state: state(loaded(assessment({}))) });
    const notes = panel.question('df-frequency').locator('.notes');
    const long = 'x'.repeat(MAX_NOTES_CHARS + 1);
    // Pasted into the focused box, as a person would.
    await notes.focus();
    await notes.evaluate((element, value) => {
      const field = element as HTMLElement & { value: string };
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }, long);
    await panel.page.waitForTimeout(600);
    const notice = await panel.page.locator('.notice, [role="alert"]').allTextContents();
    assert.ok(
      notice.some((text) => /100,000/.test(text) && /not saved/.test(text)),
      `notices: ${notice.join(' | ')}`,
    );
    assert.deepEqual(await panel.postedOfType('setAnswer'), [], 'nothing the host would refuse is sent');
    assert.equal(
      await notes.evaluate((element) => (element as HTMLElement & { value: string }).value.length),
      long.length,
    );
  });
});
