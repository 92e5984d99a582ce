import type { FrameLocator, Locator } from 'playwright-core';
import type { Workbench } from './workbench';
import { eventually } from './workbench';

/** The DORA assessment panel's page, found by its question cards among the open webviews. */
export class AssessmentPanel {
  private constructor(private readonly frame: FrameLocator) {}

  static async find(workbench: Workbench, timeoutMs = 45_000): Promise<AssessmentPanel> {
    return new AssessmentPanel(await workbench.webviewShowing('[data-question-id]', timeoutMs));
  }

  static async findShowingLoadError(workbench: Workbench): Promise<AssessmentPanel> {
    return new AssessmentPanel(await workbench.webviewShowing('[data-testid="load-error"]'));
  }

  question(id: string): Locator {
    return this.frame.locator(`[data-question-id="${id}"]`);
  }

  async questionIds(): Promise<string[]> {
    const cards = this.frame.locator('[data-question-id]');
    const ids: string[] = [];
    for (let i = 0; i < (await cards.count()); i++)
      ids.push((await cards.nth(i).getAttribute('data-question-id')) ?? '');
    return ids;
  }

  scoreRadio(id: string, score: number): Locator {
    return this.question(id).getByRole('radio', { name: new RegExp(`^Score ${score}\\b`) });
  }

  /** Clicks the score's choice as a person would (the radio, or its label when the input is styled away). */
  async clickScore(id: string, score: number): Promise<void> {
    const radio = this.scoreRadio(id, score);
    await radio.scrollIntoViewIfNeeded();
    try {
      await radio.click({ timeout: 3_000 });
    } catch {
      await radio.locator('xpath=ancestor::label[1]').click();
    }
  }

  async checkedScore(id: string): Promise<number | undefined> {
    for (let score = 0; score <= 5; score++) if (await this.scoreRadio(id, score).isChecked()) return score;
    return undefined;
  }

  async waitForCheckedScore(id: string, score: number, timeoutMs = 15_000): Promise<void> {
    await eventually(
      `the panel shows "${id}" answered with ${score}`,
      async () => ((await this.checkedScore(id)) === score ? true : undefined),
      timeoutMs,
    );
  }

  /** The id of the question card that holds the keyboard focus, if any. */
  async focusedQuestion(): Promise<string | undefined> {
    const focused = this.frame.locator('[data-question-id]:focus, [data-question-id]:focus-within');
    return (await focused.count()) > 0
      ? ((await focused.first().getAttribute('data-question-id')) ?? undefined)
      : undefined;
  }

  /** Opens the metrics tab and the list behind a figure, by the link on its card. */
  async openLedger(link: string): Promise<Locator> {
    await this.frame.getByRole('tab', { name: /metrics/i }).click();
    await this.frame.getByRole('button', { name: link }).first().click();
    const rows = this.frame.locator('.ledger-table tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    return rows;
  }

  /** Back from a list to the figures, and to the questions. */
  async closeLedger(): Promise<void> {
    await this.frame.getByRole('button', { name: 'All figures' }).click();
    await this.frame
      .getByRole('tab', { name: /assessment/i })
      .first()
      .click();
  }

  overallScore(): Locator {
    return this.frame.locator('[data-testid="overall-score"]');
  }

  loadError(): Locator {
    return this.frame.locator('[data-testid="load-error"]');
  }

  /** The status line above the questions that says where git evidence stands (loading, untrusted, how many). */
  gitStatus(text: string | RegExp): Locator {
    return this.frame.getByRole('status').filter({ hasText: text });
  }

  /** Every "Suggested from git" chip on the page, or the one under the question. */
  suggestionChips(questionId?: string): Locator {
    return this.frame.locator(questionId ? `[data-testid="suggestion-${questionId}"]` : '[data-testid^="suggestion-"]');
  }
}
