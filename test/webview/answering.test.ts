import * as assert from 'node:assert/strict';
import type { Answer } from '../../src/core/assessment/schema';
import { SCORES } from '../../src/core/framework/schema';
import { findQuestion } from '../../src/core/framework/suggest';
import { scoreAssessment } from '../../src/core/scoring/score';
import { scoreLine } from '../../webview/render/format';
import { answered, assessment, doraFramework, gitOk, loaded, metrics, questionIds, state } from './fixtures';
import { PanelPage } from './harness/panelPage';

/** The summary line the engine gives for these answers: what the panel must show. */
function expectedScore(answers: Record<string, Answer>): string {
  const score = scoreAssessment(doraFramework(), { answers });
  return scoreLine(score.percent, score.level);
}

describe('answering questions in the panel', () => {
  let panel: PanelPage | undefined;
  afterEach(async () => {
    await panel?.close();
    panel = undefined;
  });

  it('paints the embedded assessment at once, then posts only `ready` with the revision it painted', async () => {
    const answers = answered(7);
    panel = await PanelPage.open({ state: state(loaded(assessment(answers)), { kind: 'loading' }, 7) });
    assert.equal(await panel.text(panel.overallScore()), expectedScore(answers));
    assert.deepEqual(await panel.posted(), [{ type: 'ready', revision: 7 }]);
  });

  it('offers the guidance for every score as a radio named "Score N: <guidance>", the current one checked', async () => {
    panel = await PanelPage.open({ state: state(loaded(assessment({ 'df-frequency': { score: 2 } }))) });
    const question = findQuestion(doraFramework(), 'df-frequency')!;
    const card = panel.question('df-frequency');
    assert.equal(await card.getByRole('radio').count(), SCORES.length);
    for (const n of SCORES) {
      const radio = card.getByRole('radio', { name: `Score ${n}: ${question.guidance[n].text}`, exact: true });
      assert.equal(await radio.count(), 1, `no radio named for score ${n}`);
      assert.equal(await radio.isChecked(), n === 2, `score ${n} checked state`);
    }
  });

  it('sends a score chosen with a click and moves the live score before the host replies', async () => {
    panel = await PanelPage.open({ state: state() });
    assert.equal(await panel.text(panel.overallScore()), 'Not scored yet');
    await panel
      .question('df-frequency')
      .getByRole('radio', { name: /^Score 4: / })
      .click();
    assert.deepEqual(await panel.nextPosted('setAnswer'), {
      type: 'setAnswer',
      seq: 1,
      questionId: 'df-frequency',
      score: 4,
    });
    assert.equal(await panel.text(panel.overallScore()), expectedScore({ 'df-frequency': { score: 4 } }));
    const row = panel.page.getByRole('button', { name: /^Deployment Frequency: 1 of 5 answered/ });
    assert.equal(await row.count(), 1, 'the domain row counts the new answer');
  });

  it('keeps two answers given 5 ms apart visible throughout, while the host acknowledges them and reloads the file', async () => {
    panel = await PanelPage.open({ state: state() });
    // Samples every frame the page paints: once both answers were shown, neither may go missing.
    await panel.page.evaluate(() => {
      const w = window as unknown as { __frames: number; __blinks: string[] };
      const checked = (id: string, n: number) =>
        document.querySelector<HTMLInputElement>(`[data-question-id="${id}"] input[type="radio"][value="${n}"]`)
          ?.checked === true;
      w.__frames = 0;
      w.__blinks = [];
      let bothSeen = false;
      const sample = () => {
        const a = checked('df-frequency', 4);
        const b = checked('lt-commit-to-prod', 2);
        if (a && b) bothSeen = true;
        else if (bothSeen)
          w.__blinks.push(`frame ${w.__frames}: first ${a ? 'shown' : 'gone'}, second ${b ? 'shown' : 'gone'}`);
        w.__frames++;
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await panel.page.evaluate(async () => {
      const radio = (id: string, n: number) =>
        document.querySelector<HTMLInputElement>(`[data-question-id="${id}"] input[type="radio"][value="${n}"]`)!;
      radio('df-frequency', 4).click();
      await new Promise((resolve) => setTimeout(resolve, 5));
      radio('lt-commit-to-prod', 2).click();
    });
    assert.deepEqual(
      (await panel.postedOfType('setAnswer')).map((m) => [m.seq, m.questionId, m.score]),
      [
        [1, 'df-frequency', 4],
        [2, 'lt-commit-to-prod', 2],
      ],
    );
    const frame = () => panel!.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    // The host acknowledges the first, then reads the file again (saved with the first answer only), then
    // acknowledges the second: the order in which a save racing the second click delivers them.
    await panel.send({ type: 'ack', revision: 1, seq: 1 });
    await frame();
    await panel.send({
      type: 'document',
      revision: 2,
      document: { kind: 'loaded', assessment: assessment({ 'df-frequency': { score: 4 } }), warnings: [] },
    });
    await frame();
    await panel.send({ type: 'ack', revision: 3, seq: 2 });
    await frame();
    await frame();
    const both = { 'df-frequency': { score: 4 }, 'lt-commit-to-prod': { score: 2 } } as const;
    const sampled = await panel.page.evaluate(() => {
      const w = window as unknown as { __frames: number; __blinks: string[] };
      return { frames: w.__frames, blinks: w.__blinks };
    });
    assert.ok(sampled.frames >= 4, `only ${sampled.frames} frames were sampled`);
    assert.deepEqual(sampled.blinks, []);
    const shown = await panel.text(panel.overallScore());
    assert.equal(shown, expectedScore(both));
    assert.deepEqual(
      (await panel.posted()).filter((m) => m.type === 'log'),
      [],
      'every host message was accepted',
    );
  });

  it('answers the focused question with the keys 0 to 5', async () => {
    panel = await PanelPage.open({ state: state() });
    await panel.question('lt-commit-to-prod').focus();
    await panel.page.keyboard.press('3');
    assert.deepEqual(await panel.nextPosted('setAnswer'), {
      type: 'setAnswer',
      seq: 1,
      questionId: 'lt-commit-to-prod',
      score: 3,
    });
    assert.equal(
      await panel
        .question('lt-commit-to-prod')
        .getByRole('radio', { name: /^Score 3: / })
        .isChecked(),
      true,
    );
    await panel.page.keyboard.press('0');
    assert.deepEqual(await panel.nextPosted('setAnswer', 1), {
      type: 'setAnswer',
      seq: 2,
      questionId: 'lt-commit-to-prod',
      score: 0,
    });
  });

  it('moves between questions with ArrowDown/ArrowUp and j/k, across domain boundaries', async () => {
    panel = await PanelPage.open({ state: state() });
    const ids = questionIds();
    const lastOfFirstDomain = doraFramework().domains[0]!.questions.length - 1;
    await panel.question(ids[0]!).focus();
    await panel.page.keyboard.press('ArrowDown');
    assert.equal(await panel.focusedQuestion(), ids[1]);
    await panel.page.keyboard.press('j');
    assert.equal(await panel.focusedQuestion(), ids[2]);
    await panel.page.keyboard.press('k');
    assert.equal(await panel.focusedQuestion(), ids[1]);
    await panel.page.keyboard.press('ArrowUp');
    assert.equal(await panel.focusedQuestion(), ids[0]);
    await panel.question(ids[lastOfFirstDomain]!).focus();
    await panel.page.keyboard.press('j');
    assert.equal(await panel.focusedQuestion(), ids[lastOfFirstDomain + 1], 'j crosses into the next domain');
    assert.deepEqual(await panel.postedOfType('setAnswer'), [], 'moving never answers');
  });

  it('treats ArrowDown on a focused score as "next question", and ArrowRight as "next score"', async () => {
    panel = await PanelPage.open({ state: state(loaded(assessment({ 'df-frequency': { score: 2 } }))) });
    const card = panel.question('df-frequency');
    await card.focus();
    await panel.page.keyboard.press('Tab');
    assert.equal(
      await panel.page.evaluate(() => document.activeElement?.getAttribute('aria-label')?.slice(0, 8)),
      'Score 2:',
      'Tab reaches the checked score',
    );
    await panel.page.keyboard.press('ArrowRight');
    assert.deepEqual(await panel.nextPosted('setAnswer'), {
      type: 'setAnswer',
      seq: 1,
      questionId: 'df-frequency',
      score: 3,
    });
    await panel.page.keyboard.press('ArrowDown');
    assert.equal(await panel.focusedQuestion(), questionIds()[1]);
    assert.equal((await panel.postedOfType('setAnswer')).length, 1, 'ArrowDown changed no score');
  });

  it('drops the git evidence when a score that came from a suggestion is changed by hand', async () => {
    const suggestion = metrics().suggestions.find((s) => s.questionId === 'df-frequency')!;
    const answers = { 'df-frequency': { score: suggestion.score, evidence: suggestion.evidence } };
    panel = await PanelPage.open({ state: state(loaded(assessment(answers)), gitOk()) });
    const other = suggestion.score === 2 ? 3 : 2;
    await panel
      .question('df-frequency')
      .getByRole('radio', { name: new RegExp(`^Score ${other}: `) })
      .click();
    assert.deepEqual(await panel.nextPosted('setAnswer'), {
      type: 'setAnswer',
      seq: 1,
      questionId: 'df-frequency',
      score: other,
      evidence: null,
    });
  });

  it('saves notes on their own once typing pauses, and a reload from disk never overwrites what is being typed', async () => {
    panel = await PanelPage.open({ state: state() });
    const notes = panel.question('cfr-rate').locator('.notes');
    await notes.click();
    await panel.page.keyboard.type('Rollbacks are manual');
    assert.deepEqual(await panel.nextPosted('setAnswer'), {
      type: 'setAnswer',
      seq: 1,
      questionId: 'cfr-rate',
      notes: 'Rollbacks are manual',
    });
    // The file is read again from disk (with the notes saved so far) while the user keeps typing.
    await panel.page.keyboard.type(' today');
    await panel.send({
      type: 'document',
      revision: 8,
      document: {
        kind: 'loaded',
        assessment: assessment({ 'cfr-rate': { notes: 'Rollbacks are manual' } }),
        warnings: [],
      },
    });
    assert.equal(
      await notes.evaluate((el) => (el as HTMLElement & { value: string }).value),
      'Rollbacks are manual today',
    );
    await panel.page.keyboard.press('Escape');
    assert.equal(await panel.focusedQuestion(), 'cfr-rate', 'Escape leaves the notes for the question card');
    assert.deepEqual((await panel.postedOfType('setAnswer')).at(-1), {
      type: 'setAnswer',
      seq: 2,
      questionId: 'cfr-rate',
      notes: 'Rollbacks are manual today',
    });
  });

  it('clears a score with Delete, and the answer leaves the live score', async () => {
    const answers = { 'df-frequency': { score: 5 }, 'lt-commit-to-prod': { score: 1 } } satisfies Record<
      string,
      Answer
    >;
    panel = await PanelPage.open({ state: state(loaded(assessment(answers))) });
    await panel.question('df-frequency').focus();
    await panel.page.keyboard.press('Delete');
    assert.deepEqual(await panel.nextPosted('setAnswer'), {
      type: 'setAnswer',
      seq: 1,
      questionId: 'df-frequency',
      score: null,
    });
    assert.equal(await panel.text(panel.overallScore()), expectedScore({ 'lt-commit-to-prod': { score: 1 } }));
  });
});
