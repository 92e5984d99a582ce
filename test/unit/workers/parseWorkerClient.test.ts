import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { newQuickCheck } from '../../../src/core/quickcheck/schema';
import { QUICK_CHECK_FRAMEWORK } from '../../../src/core/quickcheck/framework';
import { loadCatalogAsync } from '../../../src/frameworks/catalog';
import { findPreviousAssessment } from '../../../src/report/previous';
import { inProcessParser } from '../../../src/services/assessmentParser';
import type { Resolve } from '../../../src/services/assessmentParser';
import { summariseFolder } from '../../../src/services/assessmentSummary';
import { readBounded } from '../../../src/store/boundedRead';
import { ParseWorkerClient } from '../../../src/workers/parseWorkerClient';
import { manyAnswers } from '../hostile/worstCase';
import { buildAssessmentWorker } from '../../../bench/workerBuild';

const ROOT = path.resolve(__dirname, '../../..');
import { assessment, FRAMEWORK, writeAssessment } from '../store/helpers';

/** Knows the test framework and the Quick Check; any other id is unknown, as in an empty catalogue. */
const resolve: Resolve = (_file, a) =>
  Promise.resolve(
    a.framework.id === FRAMEWORK.id
      ? { ok: true, framework: FRAMEWORK }
      : a.framework.id === QUICK_CHECK_FRAMEWORK.id
        ? { ok: true, framework: QUICK_CHECK_FRAMEWORK }
        : { ok: false, message: `framework "${a.framework.id}" is not known` },
  );

describe('the assessment worker', function () {
  this.timeout(60_000);
  let work: string;
  let script: string;
  let dir: string;
  let client: ParseWorkerClient;
  const slow: string[] = [];

  before(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'dora-worker-'));
    script = path.join(work, 'assessmentWorker.js');
    await buildAssessmentWorker(script);
  });
  after(() => rmSync(work, { recursive: true, force: true }));
  beforeEach(() => {
    dir = mkdtempSync(path.join(work, 'folder-'));
    slow.length = 0;
    client = new ParseWorkerClient({ script, onTooSlow: (problem) => slow.push(problem.file ?? '') });
  });
  afterEach(() => client.dispose());

  it('gives the same summaries as parsing on the calling thread, whatever state each file is in', async () => {
    writeAssessment(path.join(dir, 'spring.json'), {
      ...assessment({ f1: { score: 5 }, c1: { score: 4 }, gone: { score: 2 } }),
      title: 'Spring',
      updatedAt: '2026-04-01T00:00:00Z',
    });
    writeAssessment(path.join(dir, 'quick.json'), {
      ...newQuickCheck({ title: 'Quick', now: new Date('2026-11-29T10:00:00Z') }),
      answers: { 'lead-time': { band: 5 }, 'change-failure-rate': { percent: 10 } },
    });
    writeAssessment(path.join(dir, 'other.json'), {
      ...assessment(),
      framework: { id: 'nowhere', version: '1' },
    });
    writeFileSync(path.join(dir, 'broken.json'), '{ "version": 1,');
    writeFileSync(path.join(dir, 'big.json'), manyAnswers(200_000).replace('"id":"dora"', `"id":"${FRAMEWORK.id}"`));

    const inProcess = await summariseFolder(dir, resolve);
    const inWorker = await summariseFolder(dir, resolve, new Map(), client);
    assert.equal(inWorker.summaries.length, 5);
    assert.deepEqual(inWorker, inProcess);
    assert.deepEqual(
      inWorker.summaries.map((s) => [path.basename(s.file), s.problem === undefined]),
      [
        ['big.json', true],
        ['broken.json', false],
        ['other.json', false],
        ['quick.json', true],
        ['spring.json', true],
      ],
    );
  });

  it('finds the same previous assessment for a report, and returns it whole', async () => {
    const current = { ...assessment({ f1: { score: 3 } }), updatedAt: '2026-09-01T00:00:00.000Z' };
    writeAssessment(path.join(dir, 'march.json'), {
      ...assessment({ f1: { score: 1 } }),
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
    writeAssessment(path.join(dir, 'june.json'), {
      ...assessment({ f1: { score: 2 } }),
      updatedAt: '2026-06-01T00:00:00.000Z',
    });
    writeAssessment(path.join(dir, 'later.json'), { ...assessment(), updatedAt: '2026-12-01T00:00:00.000Z' });
    writeFileSync(path.join(dir, 'broken.json'), '{');
    const file = path.join(dir, 'current.json');
    const inWorker = await findPreviousAssessment(file, current, client);
    assert.equal(path.basename(inWorker?.file ?? ''), 'june.json');
    assert.deepEqual(inWorker, await findPreviousAssessment(file, current));
    assert.deepEqual(inWorker?.assessment.answers, { f1: { score: 2 } });
  });

  it('reports a file that runs past the budget by name, ends that worker and reads the next file with a fresh one', async () => {
    const big = path.join(dir, 'huge.json');
    writeFileSync(big, manyAnswers(1_000_000));
    writeAssessment(path.join(dir, 'small.json'), { ...assessment({ f1: { score: 5 } }), title: 'Small' });
    const bytes = async (file: string) => {
      const read = await readBounded(file);
      assert.equal(read.kind, 'bytes');
      return read.bytes;
    };
    // A budget no real parse of 1 MB meets: the outcome does not depend on how fast this machine is.
    client.budgetMs = 1;
    const tooSlow = await client.summarise(big, await bytes(big), resolve);
    if (tooSlow.kind !== 'problem') assert.fail('the slow file was summarised');
    assert.match(tooSlow.message, /took longer than 0\.001 s to read, so it was skipped/);
    assert.deepEqual(slow, [big]);

    client.budgetMs = 60_000;
    const small = await client.summarise(
      path.join(dir, 'small.json'),
      await bytes(path.join(dir, 'small.json')),
      resolve,
    );
    assert.equal(small.kind, 'scored');
    assert.equal(client.started, 2, 'a fresh worker took over after the slow file');
  });

  it('keeps one worker for many files', async () => {
    for (const name of ['a', 'b', 'c'])
      writeAssessment(path.join(dir, `${name}.json`), { ...assessment({ f1: { score: 2 } }), title: name });
    await summariseFolder(dir, resolve, new Map(), client);
    await summariseFolder(dir, resolve, new Map(), client);
    assert.equal(client.started, 1);
  });

  it('leaves the calling thread free while a large file is parsed', async () => {
    const big = path.join(dir, 'huge.json');
    writeFileSync(big, manyAnswers(1_000_000).replace('"id":"dora"', `"id":"${FRAMEWORK.id}"`));
    const read = await readBounded(big);
    assert.equal(read.kind, 'bytes');
    await client.summarise(path.join(dir, 'warm.json'), Buffer.from('{}'), resolve);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const parts = await client.summarise(big, read.bytes, resolve);
    clearInterval(timer);
    assert.equal(parts.kind, 'scored');
    assert.ok(ticks > 0, 'a timer on the calling thread fired while the worker parsed');
  });

  it('checks assessments, frameworks and the team configuration as the in-process loaders do', async () => {
    const files = [
      ['q4.json', '{ "version": 1, "framework": { "id": "dora", "version": "1" }, "title": " " }', 'assessment'],
      ['team.yaml', 'id: team\nname: Team\nversion: "1"\ndomains: []\n', 'framework'],
      ['config.yaml', 'windowDays: -3\nsurprise: 1\n', 'config'],
      ['fine.yaml', 'windowDays: 30\n', 'config'],
    ] as const;
    for (const [name, text, kind] of files) {
      const bytes = Buffer.from(text);
      const inWorker = await client.check(path.join(dir, name), bytes, kind);
      assert.deepEqual(inWorker, await inProcessParser.check(path.join(dir, name), bytes, kind), name);
      if (name === 'fine.yaml') assert.deepEqual(inWorker, []);
      else assert.ok(inWorker.length > 0 && inWorker.every((p) => p.line !== undefined), name);
    }
  });

  it('loads frameworks as the catalogue does in-process: the bundled ones, and a broken one with its line', async () => {
    writeFileSync(path.join(dir, 'broken.yaml'), 'id: team\nname: [unclosed\n');
    for (const source of [
      { dir: path.join(ROOT, 'frameworks'), source: 'bundled' as const },
      { dir, source: 'workspace' as const },
    ]) {
      const inWorker = await loadCatalogAsync([source], (file, bytes) => client.framework(file, bytes));
      assert.deepEqual(inWorker, await loadCatalogAsync([source]));
    }
    const [broken] = await loadCatalogAsync([{ dir, source: 'workspace' }], (file, bytes) =>
      client.framework(file, bytes),
    );
    if (!broken || broken.result.ok) assert.fail('the broken framework loaded');
    assert.ok(broken.result.problems[0]?.line, 'the problem has its line');
  });

  it('summarises a file whose framework is loaded by the same worker while it is summarised', async () => {
    // The extension host's catalogue reads its framework files through this worker: the first summary of a
    // session resolves its framework by loading the bundled frameworks, in the middle of that summary.
    writeAssessment(path.join(dir, 'first.json'), { ...assessment(), framework: { id: 'dora', version: '1' } });
    let catalogue: ReturnType<typeof loadCatalogAsync> | undefined;
    const loadingResolve: Resolve = async (_file, a) => {
      catalogue ??= loadCatalogAsync([{ dir: path.join(ROOT, 'frameworks'), source: 'bundled' }], (file, bytes) =>
        client.framework(file, bytes),
      );
      const entry = (await catalogue).find((e) => e.result.ok && e.result.value.id === a.framework.id);
      return entry?.result.ok ? { ok: true, framework: entry.result.value } : { ok: false, message: 'not found' };
    };
    const listed = await summariseFolder(dir, loadingResolve, new Map(), client);
    assert.deepEqual(
      listed.summaries.map((s) => [path.basename(s.file), s.problem]),
      [['first.json', undefined]],
    );
    assert.deepEqual(listed, await summariseFolder(dir, loadingResolve));
  });

  it('scores a parsed file in a fresh worker when the first was replaced between parsing and scoring', async () => {
    writeAssessment(path.join(dir, 'kept.json'), assessment({ f1: { score: 4 } }));
    const replacing: Resolve = async (file, a) => {
      // A framework file too slow for a tiny budget ends the worker that parsed this assessment.
      client.budgetMs = 1;
      await client.framework(path.join(dir, 'slow.yaml'), Buffer.from(manyAnswers(200_000)));
      client.budgetMs = 60_000;
      return resolve(file, a);
    };
    const listed = await summariseFolder(dir, replacing, new Map(), client);
    assert.equal(client.started, 2);
    assert.deepEqual(listed, await summariseFolder(dir, resolve));
  });

  it('answers with a problem, not an exception, once disposed', async () => {
    client.dispose();
    const parts = await client.summarise(path.join(dir, 'a.json'), Buffer.from('{}'), resolve);
    assert.deepEqual(parts, { kind: 'problem', message: 'could not be read (the extension is shutting down)' });
  });
});
