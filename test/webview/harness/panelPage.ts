import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { HostMessage, PanelState, PersistedState, WebviewMessage } from '../../../src/core/protocol';
import { browser } from './browser';
import { assertBuilt, ORIGIN, ROOT, servePanel } from './site';
import { BODY_CLASS, THEMES } from './themes';
import type { ThemeName } from './themes';

export interface OpenOptions {
  readonly state: PanelState;
  readonly theme?: ThemeName;
  /** What `vscode.getState()` returns, as after a window reload. */
  readonly persisted?: PersistedState;
  readonly width?: number;
}

interface StubWindow {
  __posted: unknown[];
  __persisted: unknown;
  __violations: string[];
}

/**
 * The built panel page in headless Chromium, with a stand-in for `acquireVsCodeApi` that records every
 * message the page posts and keeps its `setState`. Init scripts run outside the page's CSP, like VS Code's own.
 */
export class PanelPage {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(options: OpenOptions): Promise<PanelPage> {
    assertBuilt();
    const context = await (await browser()).newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
    await servePanel(context, options.state);
    // tsx compiles these tests with esbuild's keepNames, which wraps functions in `__name(...)`; functions
    // passed to the page are serialised with that call in them, so the page needs the helper too.
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((target) => target);' });
    await context.addInitScript((persisted: unknown) => {
      const stub = window as unknown as StubWindow & { acquireVsCodeApi(): unknown };
      stub.__posted = [];
      stub.__persisted = persisted;
      stub.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        stub.__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
      stub.acquireVsCodeApi = () => ({
        postMessage: (message: unknown) => stub.__posted.push(JSON.parse(JSON.stringify(message))),
        getState: () => stub.__persisted,
        setState: (state: unknown) => {
          stub.__persisted = state;
        },
      });
    }, options.persisted ?? null);
    const page = await context.newPage();
    const panel = new PanelPage(context, page);
    await page.goto(`${ORIGIN}/index.html`);
    await panel.setTheme(options.theme ?? 'dark');
    await page.waitForFunction(() => (window as unknown as StubWindow).__posted.length > 0);
    return panel;
  }

  /** Everything the page has posted to the host, in order. */
  posted(): Promise<WebviewMessage[]> {
    return this.page.evaluate(() => (window as unknown as StubWindow).__posted as never);
  }

  async postedOfType<T extends WebviewMessage['type']>(type: T): Promise<Extract<WebviewMessage, { type: T }>[]> {
    return (await this.posted()).filter((m): m is Extract<WebviewMessage, { type: T }> => m.type === type);
  }

  /** Waits until the page has posted a message of this type beyond the first `after` of them. */
  async nextPosted<T extends WebviewMessage['type']>(
    type: T,
    after = 0,
  ): Promise<Extract<WebviewMessage, { type: T }>> {
    await this.page.waitForFunction(
      ([t, n]) =>
        (window as unknown as StubWindow).__posted.filter((m) => (m as { type: string }).type === t).length > n,
      [type, after] as const,
    );
    const all = await this.postedOfType(type);
    return all[after]!;
  }

  persisted(): Promise<unknown> {
    return this.page.evaluate(() => (window as unknown as StubWindow).__persisted);
  }

  violations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as StubWindow).__violations);
  }

  /** Delivers a message as the host's `webview.postMessage` would. */
  async send(message: HostMessage | Record<string, unknown>): Promise<void> {
    await this.page.evaluate((data) => window.postMessage(data, '*'), message as Record<string, unknown>);
  }

  /** Switches theme the way VS Code does: new `--vscode-*` values on <html> and a new body class. */
  async setTheme(theme: ThemeName): Promise<void> {
    await this.page.evaluate(
      ([variables, bodyClass, kind]) => {
        const style = document.documentElement.style;
        for (let i = style.length - 1; i >= 0; i--) {
          const name = style.item(i);
          if (name.startsWith('--vscode-')) style.removeProperty(name);
        }
        for (const [name, value] of Object.entries(variables)) style.setProperty(`--vscode-${name}`, value);
        document.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast');
        document.body.classList.add(bodyClass);
        document.body.dataset['vscodeThemeKind'] = kind;
      },
      [THEMES[theme], BODY_CLASS[theme], BODY_CLASS[theme]] as const,
    );
  }

  question(id: string): Locator {
    return this.page.locator(`[data-question-id="${id}"]`);
  }

  /** An element's text as a reader sees it: the line breaks and indents of the template collapse to one space. */
  async text(locator: Locator): Promise<string> {
    return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  overallScore(): Locator {
    return this.page.getByTestId('overall-score');
  }

  /** The id of the question card that holds the focus, if any. */
  focusedQuestion(): Promise<string | undefined> {
    return this.page.evaluate(
      () => document.activeElement?.closest<HTMLElement>('[data-question-id]')?.dataset['questionId'],
    );
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(ROOT, 'test-results', 'webview', `${name}.png`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file, fullPage: false });
    return file;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
