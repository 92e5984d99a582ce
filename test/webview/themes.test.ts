import * as assert from 'node:assert/strict';
import { answered, assessment, gitOk, loaded, state } from './fixtures';
import { PanelPage } from './harness/panelPage';
import { THEMES } from './harness/themes';
import type { ThemeName } from './harness/themes';

interface Looks {
  readonly background: string;
  readonly text: string;
  readonly card: string;
  readonly cardBorder: string;
  readonly checkedOutline: string;
  readonly checkedOutlineColor: string;
}

/** Colours as the browser computes them, in rgb(), to compare with the theme's hex values. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

async function looks(panel: PanelPage): Promise<Looks> {
  return panel.page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const card = getComputedStyle(document.querySelector('[data-question-id]')!);
    const checked = getComputedStyle(document.querySelector('.option.checked')!);
    return {
      background: body.backgroundColor,
      text: body.color,
      card: card.backgroundColor,
      cardBorder: card.borderTopColor,
      checkedOutline: checked.outlineStyle,
      checkedOutlineColor: checked.outlineColor,
    };
  });
}

describe('the panel follows the VS Code theme', () => {
  let panel: PanelPage | undefined;
  afterEach(async () => {
    await panel?.close();
    panel = undefined;
  });

  it('takes every colour from the theme, and adds contrast outlines in high contrast', async () => {
    panel = await PanelPage.open({ state: state(loaded(assessment(answered(9))), gitOk()), theme: 'light' });
    const seen = new Map<ThemeName, Looks>();
    for (const theme of ['light', 'dark', 'high-contrast'] as const) {
      await panel.setTheme(theme);
      const now = await looks(panel);
      seen.set(theme, now);
      assert.equal(now.background, rgb(THEMES[theme]['editor-background']!), `${theme}: page background`);
      assert.equal(now.text, rgb(THEMES[theme]['foreground']!), `${theme}: text`);
      assert.equal(now.card, rgb(THEMES[theme]['editorWidget-background']!), `${theme}: question card`);
      await panel.screenshot(`panel-${theme}`);
    }
    const hc = seen.get('high-contrast')!;
    assert.equal(
      hc.cardBorder,
      rgb(THEMES['high-contrast']['contrastBorder']!),
      'high contrast: cards take the contrast border',
    );
    assert.equal(hc.checkedOutline, 'solid', 'high contrast: the chosen score is outlined');
    assert.equal(hc.checkedOutlineColor, rgb(THEMES['high-contrast']['contrastActiveBorder']!));
    assert.equal(seen.get('dark')!.checkedOutline, 'none', 'outlines are for high contrast only');
  });

  it('keeps the focused question visible in every theme', async () => {
    panel = await PanelPage.open({ state: state(loaded(assessment(answered(3))), gitOk()), theme: 'dark' });
    await panel.question('df-frequency').focus();
    for (const theme of ['light', 'dark', 'high-contrast'] as const) {
      await panel.setTheme(theme);
      const outline: { style: string; color: string } = await panel.question('df-frequency').evaluate((el) => {
        const computed = getComputedStyle(el);
        return { style: computed.outlineStyle, color: computed.outlineColor };
      });
      assert.equal(outline.style, 'solid', `${theme}: focus outline`);
      const expected =
        theme === 'high-contrast' ? THEMES[theme]['contrastActiveBorder']! : THEMES[theme]['focusBorder']!;
      assert.equal(outline.color, rgb(expected), `${theme}: focus colour`);
    }
    await panel.screenshot('panel-focus-high-contrast');
  });

  it('keeps the summary in view beside the questions while they scroll', async () => {
    panel = await PanelPage.open({ state: state(loaded(assessment(answered(12))), gitOk()), theme: 'light' });
    await panel.question('ep-observability').scrollIntoViewIfNeeded();
    const box = await panel.page.getByTestId('overall-score').boundingBox();
    assert.ok(box, 'the overall score is rendered');
    assert.ok(box.y >= 0 && box.y + box.height <= 900, `the overall score stays on screen (at y=${box.y})`);
    assert.ok(await panel.page.evaluate(() => window.scrollY > 1000), 'the page did scroll');
    await panel.screenshot('panel-scrolled-light');
  });

  it('lays the summary above the questions in a narrow panel', async () => {
    panel = await PanelPage.open({
      state: state(loaded(assessment(answered(12))), { kind: 'untrusted' }),
      theme: 'light',
      width: 560,
    });
    const [summary, questions] = await Promise.all([
      panel.page.locator('.summary').boundingBox(),
      panel.page.locator('.questions').boundingBox(),
    ]);
    assert.ok(summary && questions);
    assert.ok(summary.y + summary.height <= questions.y, 'the summary sits above the questions');
    assert.ok(questions.width > 480, 'the questions take the full width');
    await panel.screenshot('panel-narrow-light');
  });
});
