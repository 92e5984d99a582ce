import * as assert from 'node:assert/strict';
import type { MetricsResult } from '../../../src/core/metrics/result';
import { documentView, gitView } from '../../../src/panel/views';
import { framework, TWO_DOMAINS } from '../builders/framework';

const RESULT: MetricsResult = {
  window: { since: '2026-08-22T00:00:00Z', until: '2026-11-20T00:00:00Z', days: 90 },
  deployments: {
    count: 0,
    perWeek: 0,
    deployDaysPerWeek: 0,
    band: null,
    source: 'merges',
    pattern: 'main',
    method: 'merges',
  },
  leadTime: { commits: 0, medianHours: null, p90Hours: null, band: null, clock: 'committer', method: 'median' },
  changeFailure: { heuristic: true, rule: 'reverts', deployments: 0, failed: 0, percent: null, band: null },
  recovery: { heuristic: true, rule: 'fixes', incidents: 0, medianHours: null, band: null },
  rework: { heuristic: true, rule: 'fixes', deployments: 0, rework: 0, percent: null },
  suggestions: [],
  warnings: ['No deployment found in the window.'],
};

describe('what the panel shows of the host state', () => {
  it('passes git figures through when they match the protocol', () => {
    assert.deepEqual(gitView({ kind: 'ok', result: RESULT }), { view: { kind: 'ok', result: RESULT } });
    assert.deepEqual(gitView({ kind: 'unavailable', reason: 'No git.' }), {
      view: { kind: 'unavailable', reason: 'No git.' },
    });
  });

  it('turns figures the webview would refuse into a reason to read, and names the problem for the log', () => {
    const broken = { ...RESULT, deployments: { ...RESULT.deployments, count: -1 } };
    const { view, problem } = gitView({ kind: 'ok', result: broken });
    assert.equal(view.kind, 'unavailable');
    assert.match(problem ?? '', /deployments\.count/);
  });

  it('shows a file that does not parse as its problems, and a loaded one with its framework', () => {
    const problems = [{ severity: 'error' as const, message: 'not valid JSON', line: 2, column: 5 }];
    assert.deepEqual(documentView({ kind: 'error', problems }), { kind: 'error', problems });
    const fw = framework(TWO_DOMAINS);
    const assessment = {
      version: 1 as const,
      framework: { id: fw.id, version: fw.version },
      title: 'T',
      createdAt: 'x',
      updatedAt: 'x',
      answers: {},
    };
    const view = documentView({ kind: 'loaded', framework: fw, assessment, warnings: [] });
    assert.deepEqual(view, { kind: 'loaded', framework: fw, assessment, warnings: [] });
    assert.deepEqual(documentView({ kind: 'missing' }), { kind: 'missing' });
  });
});
