// The extension host's thread while the Assessments view lists a folder of 1 MB worst-case files (issue 10):
// parsed in-process, as before, against parsed in the assessment worker. The longest stall of the event loop
// is what a user feels as a frozen window.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { MAX_INPUT_CHARS } from '../src/core/problems';
import { inProcessParser } from '../src/services/assessmentParser';
import type { AssessmentParser, Resolve } from '../src/services/assessmentParser';
import { summariseFolder } from '../src/services/assessmentSummary';
import { ParseWorkerClient } from '../src/workers/parseWorkerClient';
import { manyAnswers, manyKeys } from '../test/unit/hostile/worstCase';
import { buildAssessmentWorker } from './workerBuild';

export const title = 'Assessments view: the host thread while listing 1 MB worst-case files';

const unknownFramework: Resolve = () => Promise.resolve({ ok: false, message: 'not in this bench' });

async function measure(dir: string, parser: AssessmentParser): Promise<{ totalMs: number; stallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const start = performance.now();
  await summariseFolder(dir, unknownFramework, new Map(), parser);
  const totalMs = performance.now() - start;
  delay.disable();
  return { totalMs, stallMs: delay.max / 1e6 };
}

export async function run(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'dora-bench-worker-'));
  const client = new ParseWorkerClient({ script: path.join(work, 'assessmentWorker.js') });
  try {
    await buildAssessmentWorker(path.join(work, 'assessmentWorker.js'));
    const dir = path.join(work, '.dora');
    const limit = MAX_INPUT_CHARS - 1;
    mkdirSync(dir);
    for (let i = 0; i < 3; i++) {
      writeFileSync(path.join(dir, `answers-${i}.json`), manyAnswers(limit));
      writeFileSync(path.join(dir, `keys-${i}.json`), manyKeys(limit));
    }
    // One warm-up each, so both sides are measured with their code compiled.
    await measure(dir, inProcessParser);
    await measure(dir, client);
    for (const [name, parser] of [
      ['in-process (before)', inProcessParser],
      ['assessment worker', client],
    ] as const) {
      const { totalMs, stallMs } = await measure(dir, parser);
      console.log(
        `${name.padEnd(22)} 6 files in ${totalMs.toFixed(0).padStart(5)} ms; longest host-thread stall ${stallMs.toFixed(0).padStart(4)} ms`,
      );
    }
  } finally {
    client.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}
