import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ensureCliBuilt, runCli, tempDir } from './cliProcess';

const quickCheck = {
  version: 1,
  framework: { id: 'dora-quick-check', version: '1' },
  title: 'Checkout Quick Check',
  createdAt: '2026-11-29T10:00:00Z',
  updatedAt: '2026-11-29T10:02:00Z',
  benchmark: { edition: '2025', by: 'organizationSize', group: 'fewer_than_100' },
  answers: {
    'lead-time': { band: 5 },
    'deployment-frequency': { band: 4 },
    'recovery-time': { band: 2 },
    'change-failure-rate': { percent: 10 },
    'rework-rate': { percent: 20 },
  },
};

describe('dora-assess score of a Quick Check', () => {
  before(ensureCliBuilt);

  it('prints delivery performance 0–10, throughput, instability and each metric against the benchmark', () => {
    const file = path.join(tempDir(), 'quick.json');
    writeFileSync(file, JSON.stringify(quickCheck));
    const run = runCli(['score', file]);
    assert.equal(run.code, 0, run.stderr);
    // (8 + 6 + 2 + 9 + 8) / 5 = 6.6; throughput (8 + 6 + 2) / 3; instability (1 + 2) / 2.
    assert.match(run.stdout, /^Delivery performance 6\.6 \/ 10$/m);
    assert.match(run.stdout, /Throughput: 5\.3 \/ 10 {3}Instability \(lower is better\): 1\.5 \/ 10/);
    assert.match(run.stdout, /2025 benchmark, 20 to 99 employees/);
    assert.match(
      run.stdout,
      /Failed deployment recovery time +2 \/ 10 +One to six months +below the benchmark range \(mean 7\.6 ± 1\.9\)/,
    );
    assert.doesNotMatch(run.stdout, /Practice maturity|Level \d/);
  });

  it('prints the same as JSON for scripts and the report', () => {
    const file = path.join(tempDir(), 'quick.json');
    writeFileSync(file, JSON.stringify(quickCheck));
    const run = runCli(['score', file, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as { deliveryPerformance: number; metrics: { id: string; score: number }[] };
    assert.equal(json.deliveryPerformance, 6.6);
    assert.deepEqual(
      json.metrics.map((m) => [m.id, m.score]),
      [
        ['lead-time', 8],
        ['deployment-frequency', 6],
        ['recovery-time', 2],
        ['change-failure-rate', 9],
        ['rework-rate', 8],
      ],
    );
  });
});
