import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { newAssessment, serializeAssessment } from '../../../src/core/assessment/serialize';
import type { Assessment } from '../../../src/core/assessment/schema';
import type { Framework } from '../../../src/core/framework/schema';
import { loadFrameworkFile } from '../../../src/frameworks/catalog';
import { AssessmentModel } from '../../../src/store/assessmentModel';
import { PanelModel } from '../../../webview/state';
import { AnswerLoop } from './answerLoop';

const ROOT = path.resolve(__dirname, '../../..');
const loadedDora = loadFrameworkFile(path.join(ROOT, 'frameworks', 'dora.yaml'));
if (!loadedDora.ok) throw new Error('frameworks/dora.yaml does not load');
const DORA = loadedDora.value;
const CREATED = new Date('2026-11-20T09:00:00Z');

function assessment(answers: Assessment['answers'] = {}): Assessment {
  return { ...newAssessment({ framework: DORA, title: 'Checkout team, Q4', team: 'Checkout', now: CREATED }), answers };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the answer loop between the panel and the host', () => {
  let dir: string;
  let file: string;
  /** The framework the host resolves; a test swaps it to stand for an edited framework file. */
  let framework: Framework;
  let loop: AnswerLoop;

  const writeFile = (value: Assessment | string) =>
    writeFileSync(file, typeof value === 'string' ? value : serializeAssessment(value, DORA));

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dora-loop-'));
    file = path.join(dir, 'team.json');
    framework = DORA;
    writeFile(assessment());
    let wired: AnswerLoop | undefined;
    const store = new AssessmentModel({
      file,
      delayMs: 10_000,
      now: () => new Date('2026-11-21T10:00:00Z'),
      resolveFramework: (id) =>
        Promise.resolve(id === DORA.id ? { ok: true, framework } : { ok: false, message: `no framework "${id}"` }),
      onState: () => wired?.storeChanged(),
    });
    await store.load();
    loop = wired = new AnswerLoop(store);
    await loop.session.receive({ type: 'ready', revision: 0 });
    loop.counts.renders = 0;
  });

  afterEach(async () => {
    await loop.store.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('costs one message each way, one store event, one render, one scoring and three small validations per click', async () => {
    const counts = await loop.counting(async () => {
      loop.click('df-frequency', 4);
      await loop.deliverToHost();
      loop.deliverToWebview();
    });
    assert.deepEqual(
      { ...counts, bytesToWebview: undefined },
      {
        toHost: 1,
        toWebview: 1,
        bytesToWebview: undefined,
        storeEvents: 1,
        renders: 1,
        scorings: 1,
        validations: 3,
      },
    );
    assert.deepEqual(loop.sent, [{ type: 'ack', revision: 1, seq: 1 }]);
    assert.ok(counts.bytesToWebview < 100, `the acknowledgement is ${counts.bytesToWebview} bytes`);
    assert.deepEqual(loop.shownScores(), { 'df-frequency': 4 });
    assert.deepEqual(loop.problems, []);
  });

  it('keeps two answers given 5 ms apart on screen at every step, with the host between them', async () => {
    const both = { 'df-frequency': 4, 'lt-commit-to-prod': 2 };
    loop.click('df-frequency', 4);
    await loop.deliverToHost();
    await sleep(5);
    loop.click('lt-commit-to-prod', 2);
    assert.deepEqual(loop.shownScores(), both);
    // The acknowledgement of the first answer arrives after the second was given.
    loop.deliverToWebview();
    assert.deepEqual(loop.shownScores(), both, 'after the first acknowledgement');
    await loop.deliverToHost();
    loop.deliverToWebview();
    assert.deepEqual(loop.shownScores(), both, 'after the second acknowledgement');
    assert.deepEqual(
      loop.sent.map((m) => m.type),
      ['ack', 'ack'],
    );
    assert.deepEqual(loop.store.state.kind === 'loaded' && loop.store.state.assessment.answers, {
      'df-frequency': { score: 4 },
      'lt-commit-to-prod': { score: 2 },
    });
  });

  it('sends a reload from disk as the new assessment without the framework, under answers not yet acknowledged', async () => {
    loop.click('df-frequency', 4);
    writeFile(assessment({ 'cfr-rate': { score: 3, notes: 'Edited by hand' } }));
    await loop.store.diskChanged();
    loop.deliverToWebview();
    assert.deepEqual(loop.shownScores(), { 'cfr-rate': 3, 'df-frequency': 4 });
    const update = loop.sent.at(-1);
    assert.ok(update?.type === 'document' && update.document.kind === 'loaded');
    assert.equal('framework' in update.document, false, 'the page holds the framework already');
    const page = JSON.stringify(loop.page).length;
    assert.ok(JSON.stringify(update).length < page / 20, 'an update is a small part of the page state');
    await loop.deliverToHost();
    loop.deliverToWebview();
    assert.deepEqual(loop.shownScores(), { 'cfr-rate': 3, 'df-frequency': 4 });
  });

  it('sends the framework again when it changed, so the page never shows questions it no longer has', async () => {
    framework = { ...DORA, name: 'DORA (edited)' };
    await loop.store.load(true);
    loop.deliverToWebview();
    const update = loop.sent.at(-1);
    assert.ok(update?.type === 'document' && update.document.kind === 'loaded');
    assert.equal(update.document.framework?.name, 'DORA (edited)');
    assert.equal(loop.model.framework?.name, 'DORA (edited)');
  });

  it('takes back an answer the host refused, and says why in the panel', async () => {
    loop.click('df-frequency', 4);
    writeFile('{ "version": 1, ');
    await loop.store.diskChanged();
    await loop.deliverToHost();
    loop.deliverToWebview();
    assert.equal(loop.model.loaded, undefined, 'the panel shows the broken file');
    const ack = loop.sent.at(-1);
    assert.ok(ack?.type === 'ack' && ack.refused !== undefined);
    assert.deepEqual(loop.model.notices, [
      `Your answer to "${questionText('df-frequency')}" was not saved: the file does not parse, so nothing is written over it.`,
    ]);
  });

  it('brings a page that was torn down while hidden up to date when it says `ready`, without the framework', async () => {
    loop.session.hidden();
    writeFile(assessment({ 'cfr-rate': { score: 1 } }));
    await loop.store.diskChanged();
    assert.equal(loop.sent.length, 0, 'nothing is posted to a page that is not there');
    // VS Code reloads the page from the HTML it was given: the state embedded at the start.
    const reloaded = new PanelModel(loop.page);
    await loop.session.receive({ type: 'ready', revision: loop.page.revision });
    for (const message of loop.sent) assert.equal(reloaded.receive(JSON.parse(JSON.stringify(message))), undefined);
    assert.ok(loop.sent[0]?.type === 'document' && !('framework' in loop.sent[0].document));
    assert.deepEqual(
      loop.sent.map((m) => m.type),
      ['document', 'git'],
    );
    assert.equal(reloaded.loaded?.assessment.answers['cfr-rate']?.score, 1);
  });
});

function questionText(id: string): string {
  for (const domain of DORA.domains) for (const q of domain.questions) if (q.id === id) return q.text;
  throw new Error(`no question ${id}`);
}
