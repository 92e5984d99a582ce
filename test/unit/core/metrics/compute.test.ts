import * as assert from 'node:assert/strict';
import { computeMetrics } from '../../../../src/core/metrics/compute';
import type { MetricsOptions } from '../../../../src/core/metrics/compute';
import type { History } from '../../../../src/core/metrics/history';
import { EXAMPLE_HOTFIX_PATTERN } from '../../../../src/core/metrics/patterns';
import { metricsResultSchema } from '../../../../src/core/metrics/result';
import { chain, historyOf } from './graphFixture';

function metrics(history: History, options: Partial<MetricsOptions> = {}) {
  return computeMetrics(history, {
    until: new Date('2024-03-09T00:00:00Z'),
    days: 7,
    clock: 'author',
    failureDays: 7,
    hotfixPattern: EXAMPLE_HOTFIX_PATTERN,
    ...options,
  });
}

const commits = chain([
  { id: 'a', at: '2024-03-01T00:00:00Z' },
  { id: 'b', at: '2024-03-01T12:00:00Z' },
  { id: 'c', at: '2024-03-03T00:00:00Z', committed: '2024-03-03T06:00:00Z' },
  { id: 'd', at: '2024-03-05T00:00:00Z', committed: '2024-03-08T00:00:00Z' },
  { id: 'e', at: '2024-03-06T00:00:00Z' },
  { id: 'f', at: '2024-03-09T12:00:00Z' },
]);
const releases = historyOf(commits, [
  { name: 'v1.0.0', commit: 'b', at: '2024-03-02T00:00:00Z' },
  { name: 'v1.1.0', commit: 'c', at: '2024-03-03T06:00:00Z' },
  { name: 'v1.2.0', commit: 'e', at: '2024-03-09T00:00:00Z' },
  { name: 'v1.3.0', commit: 'f', at: '2024-03-10T00:00:00Z' },
]);

describe('the window', () => {
  it('counts deployments with until − days < time ≤ until: one exactly at "since" is out, one exactly at "until" is in', () => {
    const result = metrics(releases);
    assert.equal(result.deployments.count, 2);
    assert.deepEqual(result.window, { since: '2024-03-02T00:00:00.000Z', until: '2024-03-09T00:00:00.000Z', days: 7 });
  });

  it('moves both edges: one second earlier, the deployment at "since" comes in and the one at "until" goes out', () => {
    const result = metrics(releases, { until: new Date('2024-03-08T23:59:59Z') });
    // v1.0.0 ships a (24 h) and b (12 h), v1.1.0 ships c (6 h); v1.2.0's d and e are gone.
    assert.deepEqual([result.deployments.count, result.leadTime.commits, result.leadTime.medianHours], [2, 3, 12]);
  });

  it('reports deployments per week and distinct deploy days per week', () => {
    const result = metrics(releases, { days: 14 });
    assert.equal(result.deployments.count, 3);
    assert.equal(result.deployments.perWeek, 1.5);
    assert.equal(result.deployments.deployDaysPerWeek, 1.5);
    assert.equal(result.deployments.band, 'High');
  });

  it('produces a result the schema accepts', () => {
    assert.equal(metricsResultSchema.safeParse(metrics(releases)).success, true);
  });
});

describe('deploy days', () => {
  it('are calendar days in the time zone the deployment was recorded in', () => {
    const late = [{ id: 'x', at: '2024-03-05T00:00:00Z' }];
    const at = (offset: number) =>
      historyOf(late, [
        { name: 'v1.0.0', commit: 'x', at: '2024-03-05T21:30:00Z', offset },
        { name: 'v1.0.1', commit: 'x', at: '2024-03-05T22:30:00Z', offset },
      ]);
    assert.equal(metrics(at(0)).deployments.distinctDays, 1);
    assert.equal(metrics(at(120)).deployments.distinctDays, 2);
  });
});

describe('lead time', () => {
  it('takes each non-merge commit shipped in the window, from its author time to its deployment', () => {
    // v1.1.0 ships c (6 h); v1.2.0 ships d (96 h) and e (72 h); v1.0.0 is outside the window.
    const { leadTime } = metrics(releases);
    assert.deepEqual([leadTime.commits, leadTime.medianHours, leadTime.p90Hours, leadTime.band], [3, 72, 96, 'High']);
  });

  it('switches to committer time on request', () => {
    // c was committed at its deployment (0 h), d two days later than authored (24 h), e as authored (72 h).
    const { leadTime } = metrics(releases, { clock: 'committer' });
    assert.deepEqual([leadTime.medianHours, leadTime.p90Hours, leadTime.clock], [24, 72, 'committer']);
  });

  it('clamps a commit authored after its deployment to zero', () => {
    const history = historyOf(
      [{ id: 'x', at: '2024-03-08T12:00:00Z' }],
      [{ name: 'v1.0.0', commit: 'x', at: '2024-03-08T06:00:00Z' }],
    );
    assert.equal(metrics(history).leadTime.medianHours, 0);
  });

  it('leaves merge commits out and counts the commits the merge brings in', () => {
    const history = historyOf(
      [
        ...commits.slice(0, 2),
        { id: 'f1', parents: ['a'], at: '2024-03-04T00:00:00Z' },
        { id: 'm', parents: ['b', 'f1'], at: '2024-03-05T00:00:00Z' },
      ],
      [{ name: 'v1.0.0', commit: 'm', at: '2024-03-06T00:00:00Z' }],
    );
    // a (120 h), b (108 h) and f1 (48 h): three commits, the merge itself not among them.
    assert.deepEqual([metrics(history).leadTime.commits, metrics(history).leadTime.medianHours], [3, 108]);
  });

  it('calls lead time "merge to deploy", and no DORA lead time, when most changes are squash merges from pull requests', () => {
    const squashed = chain([
      { id: 'a', at: '2024-03-05T00:00:00Z', subject: 'Add login (#12)' },
      { id: 'b', at: '2024-03-05T01:00:00Z', subject: 'Fix typo (#13)' },
      { id: 'c', at: '2024-03-05T02:00:00Z', subject: 'Tidy up' },
    ]);
    const result = metrics(historyOf(squashed, [{ name: 'v1.0.0', commit: 'c', at: '2024-03-06T00:00:00Z' }]));
    assert.ok(
      result.warnings.some((w) =>
        w.startsWith('3 of 3 commits shipped in the window have an author time equal to their commit time'),
      ),
      result.warnings.join('\n'),
    );
    assert.equal(result.leadTime.kind, 'merge-to-deploy');
    assert.match(result.leadTime.method, /^Merge to deploy, not DORA's lead time/);
    const plain = metrics(
      historyOf(
        squashed.slice(1).map((c, i) => (i === 0 ? { ...c, subject: 'x' } : c)),
        [{ name: 'v1.0.0', commit: 'c', at: '2024-03-06T00:00:00Z' }],
      ),
    );
    assert.ok(!plain.warnings.some((w) => w.includes('(#123)') || w.includes('merge to deploy')));
    assert.equal(plain.leadTime.kind, 'commit-to-deploy');
  });
});

describe('warnings about the data', () => {
  it('say when the history has no deployment at all, and give no frequency band', () => {
    const result = metrics(historyOf(commits, []));
    assert.equal(result.deployments.band, null);
    assert.ok(result.warnings.some((w) => w.startsWith('No tag matches')));
  });

  it('say when the window holds no deployment though the history has some', () => {
    const result = metrics(releases, { until: new Date('2025-01-01T00:00:00Z') });
    assert.equal(result.deployments.band, 'Low');
    assert.ok(
      result.warnings.some((w) => w.startsWith('No deployment in the window, though the history has 4 deployments')),
    );
  });

  it('say that a shallow clone makes lead times a lower bound', () => {
    const result = metrics(historyOf(commits, [], { shallow: true }));
    assert.ok(result.warnings.some((w) => w.includes('shallow clone') && w.includes('lower bound')));
  });
});
