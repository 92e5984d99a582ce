import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import type { StepRecorder } from './steps';
import type { Workbench } from './workbench';
import { eventually } from './workbench';

interface QuickCheckFile {
  readonly framework?: { id?: string };
  readonly team?: string;
  readonly answers?: Record<string, { band?: number; percent?: number }>;
}

const readFile = (file: string): QuickCheckFile => JSON.parse(fs.readFileSync(file, 'utf8')) as QuickCheckFile;

/**
 * A Quick Check from the command palette to the report, as a newcomer would take it: "DORA: Quick Check" asks
 * only the team, the panel shows the five key metrics (git's measurements filled in where it could measure),
 * two answers move the live result and land in the file, and "DORA: Generate Report" writes the report.
 * Screenshots in light and dark go to the README.
 */
export async function runQuickCheckSteps(
  steps: StepRecorder,
  workbench: Workbench,
  workspace: string,
  shotsDir: string,
): Promise<void> {
  const doraDir = path.join(workspace, '.dora');
  let file = '';
  let frame: FrameLocator | undefined;
  const shot = (name: string): Promise<void> => workbench.screenshot(path.join(shotsDir, `${name}.png`));
  const panel = (): FrameLocator => {
    if (!frame) throw new Error('the Quick Check panel was not found in an earlier step');
    return frame;
  };
  const answersOnDisk = () => readFile(file).answers ?? {};

  await steps.step(
    '"DORA: Quick Check" asks only the team and writes .dora/<date>-dora-quick-check-<team>.json',
    async () => {
      await workbench.setTheme('Light Modern');
      const before = new Set(fs.existsSync(doraDir) ? fs.readdirSync(doraDir) : []);
      await workbench.runCommand('DORA: Quick Check');
      await workbench.answerInputBox('Checkout');
      const created = await eventually('the Quick Check file appears in .dora/', () => {
        const names = fs.readdirSync(doraDir).filter((name) => name.endsWith('.json') && !before.has(name));
        return names.length > 0 ? names : undefined;
      });
      assert.equal(created.length, 1, `expected one new file, found ${created.join(', ')}`);
      assert.match(created[0] ?? '', /^\d{4}-\d{2}-\d{2}-dora-quick-check-checkout\.json$/);
      file = path.join(doraDir, created[0] ?? '');
      assert.equal(readFile(file).framework?.id, 'dora-quick-check');
    },
  );

  await steps.step('the panel shows the five key metrics and the live delivery performance', async () => {
    frame = await workbench.webviewShowing('[data-question-id="lead-time"]', 45_000);
    const ids = await panel()
      .locator('[data-question-id]')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-question-id')));
    assert.deepEqual(ids, ['lead-time', 'deployment-frequency', 'recovery-time', 'change-failure-rate', 'rework-rate']);
    await panel().getByTestId('delivery-performance').waitFor({ timeout: 15_000 });
  });

  await steps.step('answering a band and a percentage moves the result and saves both in the file', async () => {
    await panel().locator('[data-question-id="lead-time"]').getByRole('radio', { name: 'Less than one day' }).click();
    const percent = panel().locator('[data-question-id="change-failure-rate"]').getByRole('spinbutton');
    await percent.fill('12');
    await percent.press('Enter');
    await eventually('the file holds both answers', () => {
      const answers = answersOnDisk();
      return answers['lead-time']?.band === 5 && answers['change-failure-rate']?.percent === 12 ? true : undefined;
    });
    await eventually('the live result shows a score out of 10', async () =>
      /\d(\.\d)? \/ 10/.test((await panel().getByTestId('delivery-performance').textContent()) ?? '')
        ? true
        : undefined,
    );
    await panel().locator('.qc-chart').first().waitFor({ timeout: 10_000 });
    // The picture shows the page from its top: the title, the result and the first metrics.
    await percent.blur();
    await panel()
      .locator('body')
      .evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await shot('08-quick-check-light');
  });

  await steps.step('the Quick Check in the dark theme', async () => {
    await workbench.setTheme('Dark Modern');
    await panel().locator('[data-question-id="lead-time"]').waitFor();
    await shot('09-quick-check-dark');
  });

  await steps.step(
    '"DORA: Generate Report" on the Quick Check writes its report with delivery performance',
    async () => {
      await workbench.runCommand('DORA: Generate Report');
      if (await workbench.quickPickShown(3_000)) await workbench.pick(/quick-check|Quick Check/i);
      const report = path.join(doraDir, 'reports', `${path.basename(file, '.json')}.md`);
      const text = await eventually(
        `${path.relative(workspace, report)} is written`,
        () => (fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : undefined),
        30_000,
      );
      assert.match(text, /Delivery performance, from the Quick Check: \d/);
      assert.match(text, /Practice maturity: not assessed/);
      await workbench.webviewShowing('[data-line]:has-text("Delivery performance")', 30_000);
      await shot('10-quick-check-report-dark');
      await workbench.setTheme('Light Modern');
    },
  );
}
