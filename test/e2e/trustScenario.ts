import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { stringify } from 'yaml';
import { newAssessment, serializeAssessment } from '../../src/core/assessment/serialize';
import { loadFramework } from '../../src/core/framework/load';
import type { Framework, Question } from '../../src/core/framework/schema';
import { scoreFromThresholds } from '../../src/core/framework/suggest';
import { DEFAULT_TAG_PATTERN, DEFAULT_WINDOW_DAYS } from '../../src/core/metrics/patterns';
import { fixtureHistory, prepareWorkspace } from '../runners/lib/fixture';
import { questionIds, shippedFramework } from './disk';
import { AssessmentPanel } from './panel';
import { StepRecorder } from './steps';
import type { Workbench } from './workbench';
import { eventually } from './workbench';

export interface TrustScenarioContext {
  readonly workbench: Workbench;
  readonly shotsDir: string;
}

const DORA_TITLE = 'Payments team, before and after trust';
const OWN_TITLE = 'Payments team, own framework';
const UNTRUSTED_NOTICE = 'This workspace is not trusted, so git history is not read.';

/** A framework of the team's own, in `.dora/frameworks/`: Restricted Mode must not read it, trust must. */
const OWN_FRAMEWORK = {
  id: 'payments-basics',
  name: 'Payments Basics',
  version: '1.0.0',
  description: 'Two questions the payments team asks itself each quarter.',
  domains: [
    {
      id: 'safety',
      name: 'Safety',
      weight: 100,
      questions: ['How often is the rollback rehearsed?', 'How much of the ledger code is covered by tests?'].map(
        (text, index) => ({
          id: `safety-${index + 1}`,
          text,
          help: 'Answer for the last quarter.',
          guidance: Object.fromEntries([0, 1, 2, 3, 4, 5].map((score) => [score, { text: `Level ${score}.` }])),
        }),
      ),
    },
  ],
};

function ownFramework(): Framework {
  const loaded = loadFramework(stringify(OWN_FRAMEWORK), 'payments-basics.yaml');
  if (!loaded.ok) throw new Error(`The scenario's own framework does not load: ${JSON.stringify(loaded.problems)}`);
  return loaded.value;
}

/**
 * The fixture workspace with its git history (weekly release tags: what the deployment-frequency suggestion
 * counts), plus two assessments written before VS Code opens: one on the shipped DORA framework and one on
 * a framework in `.dora/frameworks/`.
 */
export function prepareTrustWorkspace(workspace: string): void {
  prepareWorkspace(workspace, { git: true });
  const doraDir = path.join(workspace, '.dora');
  fs.mkdirSync(path.join(doraDir, 'frameworks'), { recursive: true });
  fs.writeFileSync(path.join(doraDir, 'frameworks', `${OWN_FRAMEWORK.id}.yaml`), stringify(OWN_FRAMEWORK));
  const now = new Date();
  const dora = shippedFramework('dora');
  fs.writeFileSync(
    path.join(doraDir, 'payments-dora.json'),
    serializeAssessment(newAssessment({ framework: dora, title: DORA_TITLE, team: 'Payments', now }), dora),
  );
  fs.writeFileSync(
    path.join(doraDir, 'payments-own.json'),
    serializeAssessment(newAssessment({ framework: ownFramework(), title: OWN_TITLE, team: 'Payments', now })),
  );
}

/**
 * What git should suggest for a deployments-per-week question in the fixture workspace: its release tags
 * within the default window, per week, through the question's own thresholds.
 */
function expectedSuggestion(question: Question): { releases: number; score: number } {
  const tag = new RegExp(DEFAULT_TAG_PATTERN);
  const releases = fixtureHistory().filter(
    (step) => step.tag !== undefined && tag.test(step.tag) && step.hoursAgo < DEFAULT_WINDOW_DAYS * 24,
  ).length;
  const score = question.suggest
    ? scoreFromThresholds(question.suggest, releases / (DEFAULT_WINDOW_DAYS / 7))
    : undefined;
  if (score === undefined)
    throw new Error(
      `${question.id}'s thresholds give no score for ${releases} releases in ${DEFAULT_WINDOW_DAYS} days`,
    );
  return { releases, score };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A row of the Assessments view. Its label leads with the figure so a long title never hides it:
 * "Maturity: not scored yet (0/25) · <title>", or "does not load · <title>".
 */
function assessmentRow(page: Page, title: string, figure: string): Locator {
  return page.getByRole('treeitem', { name: new RegExp(`^${escapeRegExp(figure)} · ${escapeRegExp(title)}`) });
}

/** The Explorer's Assessments section starts collapsed in a fresh profile. */
async function expandAssessmentsView(page: Page): Promise<void> {
  const header = page.getByRole('button', { name: 'Assessments Section' });
  await header.waitFor({ timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

/**
 * "Everything comes back when trust is granted": the workspace opens in Restricted Mode, where the panel works
 * but says git is not read and shows no suggestion, and a `.dora/frameworks/` framework is not loaded; then the
 * user trusts the workspace through VS Code's own Workspace Trust editor, and, without reopening anything, the
 * git suggestions and the workspace framework appear.
 */
export async function runTrustScenario({ workbench, shotsDir }: TrustScenarioContext): Promise<StepRecorder> {
  const steps = new StepRecorder(workbench, shotsDir, 'FAILED-trust');
  const { page } = workbench;
  const dora = shippedFramework('dora');
  const doraCount = questionIds(dora).length;
  const ownCount = questionIds(ownFramework()).length;
  // The fixture's weekly release tags are deployments, so this question is the one git can always answer.
  const suggested = dora.domains
    .flatMap((domain) => domain.questions)
    .find((question) => question.suggest?.measure === 'deploymentsPerWeek');
  if (!suggested) throw new Error('frameworks/dora.yaml has no question suggested from deployments per week');
  const expected = expectedSuggestion(suggested);
  const restrictedMode = page.getByRole('button', { name: /^Restricted Mode/ });
  const shot = (name: string): Promise<void> => workbench.screenshot(path.join(shotsDir, `${name}.png`));
  let panel: AssessmentPanel | undefined;
  const thePanel = (): AssessmentPanel => {
    if (!panel) throw new Error('the panel was not found in an earlier step');
    return panel;
  };

  // VS Code 1.100 asks at startup in a modal dialog, 1.139 opens straight into Restricted Mode. The dialog comes
  // up a moment after the workbench, so it is answered whenever it is in the way of the next click.
  await page.addLocatorHandler(page.getByRole('button', { name: "No, I don't trust the authors" }), (button) =>
    button.click(),
  );

  await steps.step(
    'the workspace opens in Restricted Mode (where VS Code asks first, the answer is "No, I don\'t trust the authors")',
    async () => {
      await restrictedMode.waitFor({ timeout: 30_000 });
    },
  );

  await steps.step(
    `the Assessments view lists both assessments; "${OWN_TITLE}" (a .dora/frameworks/ framework) does not load`,
    async () => {
      await expandAssessmentsView(page);
      await assessmentRow(page, DORA_TITLE, `Maturity: not scored yet (0/${doraCount})`).waitFor({ timeout: 30_000 });
      await assessmentRow(page, OWN_TITLE, 'does not load').waitFor({ timeout: 15_000 });
    },
  );

  await steps.step(
    'the DORA assessment opens from the view: questions, the untrusted notice, no git suggestion',
    async () => {
      await assessmentRow(page, DORA_TITLE, `Maturity: not scored yet (0/${doraCount})`).click();
      panel = await AssessmentPanel.find(workbench);
      await thePanel().gitStatus(UNTRUSTED_NOTICE).waitFor({ timeout: 15_000 });
      const ids = questionIds(dora);
      await eventually('the panel lists all questions', async () =>
        (await thePanel().questionIds()).length === ids.length ? true : undefined,
      );
      assert.deepEqual(await thePanel().questionIds(), ids);
      assert.equal(await thePanel().suggestionChips().count(), 0, 'a suggestion from git is shown in Restricted Mode');
      await shot('11-trust-restricted-mode');
    },
  );

  await steps.step('"Workspaces: Manage Workspace Trust" → "Trust" ends Restricted Mode', async () => {
    await workbench.runCommand('Workspaces: Manage Workspace Trust');
    await page.getByRole('button', { name: 'Trust', exact: true }).click({ timeout: 15_000 });
    await restrictedMode.waitFor({ state: 'hidden', timeout: 15_000 });
  });

  await steps.step(
    `back on the panel, the untrusted notice is gone and git suggests ${expected.score} for ${suggested.id} (${expected.releases} release tags in ${DEFAULT_WINDOW_DAYS} days)`,
    async () => {
      // The Workspace Trust editor is a tab over the panel in 1.100 and a modal editor in 1.139: close it either way.
      await workbench.runCommand('View: Close Editor');
      await page.getByRole('tab', { name: new RegExp(escapeRegExp(DORA_TITLE)) }).click();
      panel = await AssessmentPanel.find(workbench);
      const chip = thePanel().suggestionChips(suggested.id);
      try {
        await chip.waitFor({ timeout: 30_000 });
      } catch {
        const said = (await thePanel().gitStatus(/\S/).allTextContents()).map((text) =>
          text.replace(/\s+/g, ' ').trim(),
        );
        throw new Error(
          `No suggestion under ${suggested.id} within 30s of granting trust; the panel says: ${said.join(' | ') || '(nothing)'}`,
        );
      }
      const text = ((await chip.textContent()) ?? '').replace(/\s+/g, ' ');
      // The headline in plain words ("About 3 releases a month (9 in 90 days) → score 3 (Medium)"), the
      // figure it came from under "How this was measured".
      assert.ok(
        text.includes(`(${expected.releases} in ${DEFAULT_WINDOW_DAYS} days) → score ${expected.score} (`),
        `the chip says: ${text}`,
      );
      assert.ok(
        text.includes(`${expected.releases} deployments in ${DEFAULT_WINDOW_DAYS} days`),
        `the chip says: ${text}`,
      );
      await thePanel()
        .gitStatus(/a suggestion from git/)
        .waitFor({ timeout: 5_000 });
      assert.equal(await thePanel().gitStatus(UNTRUSTED_NOTICE).count(), 0, 'the untrusted notice is still shown');
    },
  );

  await steps.step(`the Assessments view reads .dora/frameworks/ again: "${OWN_TITLE}" loads`, async () => {
    await assessmentRow(page, OWN_TITLE, `Maturity: not scored yet (0/${ownCount})`).waitFor({ timeout: 15_000 });
    await shot('12-trust-granted');
  });

  return steps;
}
