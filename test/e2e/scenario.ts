import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectedOverall, questionIds, scoresOf, setScoreOnDisk, shippedFramework } from './disk';
import { AssessmentPanel } from './panel';
import { runQuickCheckSteps } from './quickCheckScenario';
import { StepRecorder } from './steps';
import type { Workbench } from './workbench';
import { eventually } from './workbench';

export interface ScenarioContext {
  readonly workbench: Workbench;
  readonly workspace: string;
  readonly shotsDir: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TITLE = 'Checkout team, end-to-end check';
const TEAM = 'Checkout';

/**
 * The user's path through the extension, as issue 4 lists it: create an assessment from the command palette,
 * answer by mouse and keyboard, see the answers on disk, edit the file and see the panel follow, break it and
 * see the error, generate the report; then a Quick Check from the palette to its report (quickCheckScenario.ts);
 * screenshots in the light and the dark theme along the way.
 */
export async function runScenario({ workbench, workspace, shotsDir }: ScenarioContext): Promise<StepRecorder> {
  const steps = new StepRecorder(workbench, shotsDir);
  const framework = shippedFramework('dora');
  const ids = questionIds(framework);
  const [q1, q2, q3, q4] = ids;
  if (!q1 || !q2 || !q3 || !q4) throw new Error('frameworks/dora.yaml needs at least four questions for this scenario');
  const doraDir = path.join(workspace, '.dora');
  let file = '';
  let panel: AssessmentPanel | undefined;
  const shot = (name: string): Promise<void> => workbench.screenshot(path.join(shotsDir, `${name}.png`));
  const thePanel = (): AssessmentPanel => {
    if (!panel) throw new Error('the panel was not found in an earlier step');
    return panel;
  };

  await steps.step('the workbench in the light theme', async () => {
    await workbench.setTheme('Light Modern');
  });

  await steps.step(
    '"DORA: New Assessment" asks framework, title and team, writes .dora/<date>-dora-<team>.json',
    async () => {
      await workbench.runCommand('DORA: New Assessment');
      await workbench.pick(framework.name);
      await workbench.answerInputBox(TITLE);
      await workbench.answerInputBox(TEAM);
      const created = await eventually('the assessment file appears in .dora/', () => {
        const names = fs.existsSync(doraDir) ? fs.readdirSync(doraDir).filter((name) => name.endsWith('.json')) : [];
        return names.length > 0 ? names : undefined;
      });
      assert.equal(created.length, 1, `expected one assessment file, found ${created.join(', ')}`);
      assert.match(created[0] ?? '', /^\d{4}-\d{2}-\d{2}-dora-checkout\.json$/);
      file = path.join(doraDir, created[0] ?? '');
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        title?: string;
        team?: string;
        framework?: { id?: string };
      };
      assert.equal(json.title, TITLE);
      assert.equal(json.team, TEAM);
      assert.equal(json.framework?.id, framework.id);
    },
  );

  await steps.step('the panel opens with every question of the DORA framework', async () => {
    panel = await AssessmentPanel.find(workbench);
    const shown = await eventually('the panel lists all questions', async () => {
      const found = await thePanel().questionIds();
      return found.length === ids.length ? found : undefined;
    });
    assert.deepEqual(shown, ids);
  });

  await steps.step(`clicking "Score 3" answers ${q1}`, async () => {
    await thePanel().clickScore(q1, 3);
    await thePanel().waitForCheckedScore(q1, 3);
  });

  await steps.step(
    'the keyboard answers: digits score the focused question, j/k and arrows move between questions',
    async () => {
      const p = thePanel();
      await p.question(q2).press('5');
      await eventually(
        `${q2} keeps the focus`,
        async () => ((await p.focusedQuestion()) === q2 ? true : undefined),
        5_000,
      );
      await workbench.page.keyboard.press('j');
      await eventually(
        `j moves the focus to ${q3}`,
        async () => ((await p.focusedQuestion()) === q3 ? true : undefined),
        5_000,
      );
      await workbench.page.keyboard.press('1');
      await workbench.page.keyboard.press('ArrowDown');
      await eventually(
        `ArrowDown moves the focus to ${q4}`,
        async () => ((await p.focusedQuestion()) === q4 ? true : undefined),
        5_000,
      );
      await workbench.page.keyboard.press('0');
      await workbench.page.keyboard.press('k');
      await eventually(
        `k moves the focus back to ${q3}`,
        async () => ((await p.focusedQuestion()) === q3 ? true : undefined),
        5_000,
      );
      await workbench.page.keyboard.press('2');
      await p.waitForCheckedScore(q2, 5);
      await p.waitForCheckedScore(q3, 2);
      await p.waitForCheckedScore(q4, 0);
    },
  );

  await steps.step('the answers are saved to the JSON file (answers.<id>.score)', async () => {
    const expected = { [q1]: 3, [q2]: 5, [q3]: 2, [q4]: 0 };
    await eventually('the file on disk has the four answers', () => {
      const onDisk = scoresOf(file, [q1, q2, q3, q4]);
      return JSON.stringify(onDisk) === JSON.stringify(expected) ? true : undefined;
    });
  });

  await steps.step('the panel shows the overall score the scoring engine gives the file', async () => {
    const expected = expectedOverall(framework, file);
    await eventually(`the overall score shows ${expected}`, async () =>
      ((await thePanel().overallScore().textContent()) ?? '').includes(expected) ? true : undefined,
    );
    await shot('01-panel-answered-light');
  });

  await steps.step(`editing the file on disk (${q1}: 3 → 4) updates the panel`, async () => {
    setScoreOnDisk(file, q1, 4);
    await thePanel().waitForCheckedScore(q1, 4);
    const expected = expectedOverall(framework, file);
    await eventually(`the overall score follows to ${expected}`, async () =>
      ((await thePanel().overallScore().textContent()) ?? '').includes(expected) ? true : undefined,
    );
  });

  await steps.step('a file that does not parse shows the load error and is not written over', async () => {
    const valid = fs.readFileSync(file, 'utf8');
    const broken = valid.slice(0, Math.floor(valid.length / 2));
    fs.writeFileSync(file, broken);
    const errorPanel = await AssessmentPanel.findShowingLoadError(workbench);
    await errorPanel.loadError().waitFor({ state: 'visible', timeout: 15_000 });
    await shot('02-load-error-light');
    // Give a debounced save every chance to happen: it must not.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(fs.readFileSync(file, 'utf8'), broken, 'the extension wrote over a file it could not parse');
    fs.writeFileSync(file, valid);
    panel = await AssessmentPanel.find(workbench);
    await thePanel().waitForCheckedScore(q1, 4);
  });

  await steps.step('the panel in the dark theme', async () => {
    await workbench.setTheme('Dark Modern');
    await thePanel().question(q1).waitFor();
    await shot('03-panel-answered-dark');
  });

  await steps.step('"List the commits" shows the commits behind lead time; a click opens one\'s diff', async () => {
    await workbench.setTheme('Light Modern');
    const rows = await thePanel().openLedger('List the commits');
    assert.ok((await rows.count()) > 0, 'the fixture history has commits in the window');
    await shot('07-ledger-light');
    await rows.first().locator('button.commit').click();
    await workbench.page
      .getByRole('tab', { name: /^[0-9a-f]{40}\.diff/ })
      .first()
      .waitFor({ timeout: 30_000 });
    // The diff opened beside the panel: close it, so the report's preview gets the whole editor again.
    await workbench.runCommand('View: Close Editor');
    await thePanel().closeLedger();
  });

  await steps.step('"DORA: Generate Report" writes .dora/reports/<name>.md and opens its preview', async () => {
    await workbench.runCommand('DORA: Generate Report');
    // If the command asks which assessment, it is the one we made.
    if (await workbench.quickPickShown(3_000))
      await workbench.pick(new RegExp(`${escapeRegExp(path.basename(file, '.json'))}|${escapeRegExp(TITLE)}`));
    const report = path.join(doraDir, 'reports', `${path.basename(file, '.json')}.md`);
    const text = await eventually(
      `${path.relative(workspace, report)} is written`,
      () => (fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : undefined),
      30_000,
    );
    assert.ok(text.includes(TITLE), 'the report names the assessment');
    assert.ok(text.includes(expectedOverall(framework, file)), 'the report carries the overall score');
    // The Markdown preview marks its blocks with data-line; the panel has none.
    await workbench.page
      .getByRole('tab', { name: new RegExp(`Preview.*${escapeRegExp(path.basename(report))}`) })
      .first()
      .waitFor({ timeout: 30_000 });
    await workbench.webviewShowing(`[data-line]:has-text("${TITLE}")`, 30_000);
    await shot('04-report-preview-dark');
    await workbench.setTheme('Light Modern');
    // The preview renders again for the new theme: wait for it, or the picture is of an empty page.
    const preview = await workbench.webviewShowing(`[data-line]:has-text("${TITLE}")`, 30_000);
    await preview.locator('img').first().waitFor({ state: 'visible', timeout: 15_000 });
    await shot('05-report-preview-light');
    // VS Code's own preview renders no mermaid: every chart must be an image that loaded, never a code block.
    const charts = [...text.matchAll(/!\[[^\]]*\]\(([^)]+\.svg)\)/g)].map((m) => decodeURIComponent(m[1] ?? ''));
    assert.ok(
      charts.some((c) => c.endsWith('-roadmap.svg')),
      'the report links its roadmap timeline',
    );
    for (const chart of charts) {
      const image = preview.locator(`img[src*="${chart}"]`);
      await eventually(`${chart} is drawn in the preview`, async () =>
        (await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)) ? true : undefined,
      );
    }
    assert.equal(await preview.locator('pre, code.language-mermaid').count(), 0, 'no chart is left as source text');
    // The charts are 640 units wide with no text under 12: drawn at 587 px or more, no label is under 11 px.
    const drawn = await preview
      .locator('img[src*="-roadmap.svg"]')
      .evaluate((img) => img.getBoundingClientRect().width);
    assert.ok(drawn >= 587, `the roadmap chart is drawn ${drawn} px wide, so its smallest labels are under 11 px`);
    await preview.locator('img[src*="-roadmap.svg"]').scrollIntoViewIfNeeded();
    await shot('06-report-roadmap-light');
  });

  await runQuickCheckSteps(steps, workbench, workspace, shotsDir);
  return steps;
}
