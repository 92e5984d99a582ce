import type { FrameLocator, Locator, Page } from 'playwright-core';

/**
 * Labels in "Preferences: Color Theme" (the same in VS Code 1.100 and 1.139, whose setting ids differ:
 * "Default Dark Modern" became "Dark Modern").
 */
export type ColorTheme = 'Light Modern' | 'Dark Modern';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until check() returns a value other than undefined, or fails with the last reason. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message.split('\n')[0]}` : '';
      throw new Error(`Timed out after ${timeoutMs / 1000}s waiting until ${what}${detail}`);
    }
    await sleep(200);
  }
}

/** The VS Code workbench in the browser, driven the way a person would: command palette, quick picks, keys. */
export class Workbench {
  constructor(readonly page: Page) {}

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** The quick input's text field (its role differs between VS Code versions: combobox or textbox). */
  private get quickInputField(): Locator {
    return this.quickInput.locator('.quick-input-box input');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    // The explorer shows the folder once the remote file system is connected.
    await this.page.getByRole('tree').first().waitFor({ timeout: 60_000 });
  }

  /**
   * F1, type the title, Enter. Retried until the command shows up: the remote extension host registers
   * contributed commands a while after the workbench appears.
   */
  async runCommand(title: string, timeoutMs = 60_000): Promise<void> {
    await eventually(
      `the command palette lists "${title}"`,
      async () => {
        await this.page.keyboard.press('F1');
        const input = this.quickInputField;
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        await input.fill(`>${title}`);
        const row = this.quickInput.getByRole('option').filter({ hasText: title }).first();
        try {
          await row.waitFor({ timeout: 2_000 });
        } catch (error) {
          await this.page.keyboard.press('Escape');
          throw error;
        }
        await row.click();
        return true;
      },
      timeoutMs,
    );
    // The palette closes, or the command's own first prompt replaces it (no leading ">" any more).
    await eventually('the command palette gives way', async () => {
      if (!(await this.quickInput.isVisible())) return true;
      return (await this.quickInputField.inputValue()).startsWith('>') ? undefined : true;
    });
  }

  /** Picks the first quick-pick row that shows the text. */
  async pick(text: string | RegExp): Promise<void> {
    const row = this.quickInput.getByRole('option').filter({ hasText: text }).first();
    await row.waitFor({ timeout: 15_000 });
    const before = await this.quickInputTitle();
    await row.click();
    await this.waitForNextPrompt(before);
  }

  /** Replaces the input box's text and accepts it. */
  async answerInputBox(text: string): Promise<void> {
    const input = this.quickInputField;
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    const before = await this.quickInputTitle();
    await input.fill(text);
    await input.press('Enter');
    await this.waitForNextPrompt(before);
  }

  /** Whether a quick pick is showing within the time (commands may ask which file they should act on). */
  async quickPickShown(timeoutMs: number): Promise<boolean> {
    try {
      await this.quickInput.getByRole('option').first().waitFor({ state: 'visible', timeout: timeoutMs });
      return true;
    } catch {
      return false;
    }
  }

  private async quickInputTitle(): Promise<string> {
    const title = this.quickInput.locator('.quick-input-title');
    return (await title.count()) > 0 ? ((await title.first().textContent()) ?? '') : '';
  }

  /** The same widget is reused for the next prompt: wait until it closed or shows another title. */
  private async waitForNextPrompt(previousTitle: string): Promise<void> {
    await eventually('the prompt moves on', async () => {
      if (!(await this.quickInput.isVisible())) return true;
      return (await this.quickInputTitle()) !== previousTitle ? true : undefined;
    });
  }

  /** Changes the colour theme with "Preferences: Color Theme", as a person would; waits for the repaint. */
  async setTheme(theme: ColorTheme): Promise<void> {
    // The list stays empty until the built-in theme extensions are registered, a while after startup.
    await eventually(
      `"Preferences: Color Theme" lists ${theme}`,
      async () => {
        await this.runCommand('Preferences: Color Theme');
        await this.quickInputField.fill(theme);
        const row = this.quickInput.getByRole('option', { name: theme }).first();
        try {
          await row.waitFor({ timeout: 3_000 });
        } catch (error) {
          await this.page.keyboard.press('Escape');
          throw error;
        }
        await row.click();
        return true;
      },
      60_000,
    );
    const themeClass = theme.includes('Dark') ? 'vs-dark' : 'vs';
    await eventually(`the workbench is painted in ${theme}`, async () => {
      const classes = (await this.page.locator('.monaco-workbench').getAttribute('class')) ?? '';
      return classes.split(/\s+/).includes(themeClass) ? true : undefined;
    });
    // Webviews receive the new colours by message, a moment after the workbench.
    await sleep(500);
  }

  /**
   * The content frame of the webview that shows the selector. Every webview sits in an outer
   * `iframe.webview` with the page in an inner `iframe#active-frame`; several may exist at once.
   */
  async webviewShowing(selector: string, timeoutMs = 30_000): Promise<FrameLocator> {
    return eventually(
      `a webview shows ${selector}`,
      async () => {
        const outer = this.page.locator('iframe.webview.ready');
        const count = await outer.count();
        for (let i = count - 1; i >= 0; i--) {
          const inner = outer.nth(i).contentFrame().locator('iframe#active-frame').contentFrame();
          if ((await inner.locator(selector).count()) > 0) return inner;
        }
        return undefined;
      },
      timeoutMs,
    );
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file });
  }
}
