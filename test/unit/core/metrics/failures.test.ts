import * as assert from 'node:assert/strict';
import { computeMetrics } from '../../../../src/core/metrics/compute';
import type { MetricsOptions } from '../../../../src/core/metrics/compute';
import type { History } from '../../../../src/core/metrics/history';
import { chain, historyOf } from './graphFixture';
import type { DeploymentSpec } from './graphFixture';

function failures(history: History, options: Partial<MetricsOptions> = {}) {
  const result = computeMetrics(history, {
    until: new Date('2024-03-20T00:00:00Z'),
    days: 30,
    clock: 'author',
    failureDays: 7,
    ...options,
  });
  return {
    failed: result.changeFailure.failedDeployments,
    percent: result.changeFailure.percent,
    recovery: [result.recovery.incidents, result.recovery.medianHours, result.recovery.unresolved],
    rework: result.rework.fixDeployments,
    reworkPercent: result.rework.percent,
    result,
  };
}

/** a ← bad ← x ← revert(bad) ← y, the revert committed at `revertAt`. */
function reverted(revertAt: string) {
  return chain([
    { id: 'a', at: '2024-03-01T00:00:00Z' },
    { id: 'bad', at: '2024-03-02T00:00:00Z' },
    { id: 'x', at: '2024-03-03T00:00:00Z' },
    { id: 'rev', at: revertAt, reverts: 'bad' },
    { id: 'y', at: '2024-03-05T00:00:00Z' },
  ]);
}

const v100: DeploymentSpec = { name: 'v1.0.0', commit: 'a', at: '2024-03-01T12:00:00Z' };
const v110: DeploymentSpec = { name: 'v1.1.0', commit: 'x', at: '2024-03-03T12:00:00Z' };
const v120: DeploymentSpec = { name: 'v1.2.0', commit: 'y', at: '2024-03-05T00:00:00Z' };

describe('change failure rate: reverts', () => {
  it('marks a deployment failed when a commit it shipped is reverted within the failure window', () => {
    const { failed, percent, result } = failures(historyOf(reverted('2024-03-04T00:00:00Z'), [v100, v110, v120]));
    assert.deepEqual([failed, percent, result.changeFailure.band], [['v1.1.0'], 33.33, 'Low']);
  });

  it('measures recovery to the deployment that ships the revert, and counts that deployment as rework', () => {
    const { recovery, rework, reworkPercent } = failures(
      historyOf(reverted('2024-03-04T00:00:00Z'), [v100, v110, v120]),
    );
    assert.deepEqual(recovery, [1, 36, 0]);
    assert.deepEqual([rework, reworkPercent], [['v1.2.0'], 33.33]);
  });

  it('does not count a revert shipped in the same deployment as the reverted commit', () => {
    const { failed } = failures(
      historyOf(reverted('2024-03-04T00:00:00Z'), [v100, { ...v110, commit: 'rev', at: '2024-03-04T12:00:00Z' }]),
    );
    assert.deepEqual(failed, []);
  });

  it('does not count a revert that comes after the failure window, unless the window is widened', () => {
    const late = historyOf(reverted('2024-03-10T12:00:01Z'), [v100, v110, { ...v120, at: '2024-03-12T00:00:00Z' }]);
    assert.deepEqual(failures(late).failed, []);
    assert.deepEqual(failures(late, { failureDays: 8 }).failed, ['v1.1.0']);
  });

  it('counts a failure whose revert is not deployed yet as unresolved, outside the recovery median', () => {
    const { failed, recovery, rework } = failures(historyOf(reverted('2024-03-04T00:00:00Z'), [v100, v110]));
    assert.deepEqual([failed, recovery, rework], [['v1.1.0'], [0, null, 1], []]);
  });

  it('ignores a revert made after "until", so figures for a past date do not change', () => {
    const { failed } = failures(historyOf(reverted('2024-03-04T00:00:00Z'), [v100, v110, v120]), {
      until: new Date('2024-03-03T23:59:59Z'),
    });
    assert.deepEqual(failed, []);
  });
});

/** A team that names every patch release a hotfix, as the old default did. */
const PATCHES = String.raw`^v?\d+\.\d+\.[1-9]\d*$`;

describe('change failure rate: configured hotfix pattern', () => {
  const line = chain([
    { id: 'a', at: '2024-03-01T00:00:00Z' },
    { id: 'b', at: '2024-03-02T00:00:00Z' },
    { id: 'c', at: '2024-03-02T12:00:00Z' },
    { id: 'd', at: '2024-03-03T00:00:00Z' },
  ]);

  it('marks the latest earlier release of the same line failed when a patch release follows within the window', () => {
    const history = historyOf(line, [
      { name: 'v1.2.0', commit: 'a', at: '2024-03-01T00:00:00Z' },
      { name: 'v1.2.1', commit: 'b', at: '2024-03-03T00:00:00Z' },
    ]);
    const { failed, recovery, rework, result } = failures(history, { hotfixPattern: PATCHES });
    assert.deepEqual([failed, recovery, rework], [['v1.2.0'], [1, 48, 0], ['v1.2.1']]);
    assert.deepEqual(result.classified, [
      {
        deployment: 'v1.2.0',
        classification: 'failed',
        rule: 'followed by hotfix v1.2.1 2 days later, within the failure window of 7 days',
      },
      { deployment: 'v1.2.1', classification: 'hotfix', rule: `name matches the hotfix pattern /${PATCHES}/i` },
    ]);
  });

  it('matches a patch to its own release line, not to a newer line released in between', () => {
    const history = historyOf(line, [
      { name: 'v1.1.0', commit: 'a', at: '2024-03-01T00:00:00Z' },
      { name: 'v1.2.0', commit: 'b', at: '2024-03-02T00:00:00Z' },
      { name: 'v1.1.1', commit: 'c', at: '2024-03-03T00:00:00Z' },
    ]);
    assert.deepEqual(failures(history, { hotfixPattern: PATCHES }).failed, ['v1.1.0']);
  });

  it('does not count a patch release that comes after the failure window', () => {
    const history = historyOf(line, [
      { name: 'v1.2.0', commit: 'a', at: '2024-03-01T00:00:00Z' },
      { name: 'v1.2.1', commit: 'b', at: '2024-03-08T00:00:01Z' },
    ]);
    const { failed, rework } = failures(history, { hotfixPattern: PATCHES });
    assert.deepEqual([failed, rework], [[], []]);
  });

  it('does not count a patch tag on a commit that is already shipped, nor blame a release that shipped nothing', () => {
    const history = historyOf(line, [
      { name: 'v1.2.0', commit: 'b', at: '2024-03-02T00:00:00Z' },
      { name: 'v1.2.1', commit: 'a', at: '2024-03-02T06:00:00Z' },
      { name: 'v1.2.2', commit: 'c', at: '2024-03-03T00:00:00Z' },
    ]);
    // v1.2.1 re-tags a shipped commit: no fix itself, and v1.2.2 fixes v1.2.0, the last release that shipped code.
    const { failed, rework } = failures(history, { hotfixPattern: PATCHES });
    assert.deepEqual([failed, rework], [['v1.2.0'], ['v1.2.2']]);
  });

  it('recognises "hotfix" in a merge subject when merges are the deployments', () => {
    const history = historyOf(
      line,
      [
        { name: 'aaaa', commit: 'a', at: '2024-03-01T00:00:00Z', label: "Merge branch 'feature/login'" },
        { name: 'bbbb', commit: 'b', at: '2024-03-02T00:00:00Z', label: "Merge branch 'Hotfix/login-crash'" },
      ],
      { source: 'merges' },
    );
    assert.deepEqual(failures(history, { hotfixPattern: 'hotfix' }).failed, ['aaaa']);
  });

  it('without a hotfix pattern, does not call a patch release a hotfix when the cadence is not known yet', () => {
    const history = historyOf(line, [
      { name: 'v1.2.0', commit: 'a', at: '2024-03-01T00:00:00Z' },
      { name: 'v1.2.1', commit: 'b', at: '2024-03-03T00:00:00Z' },
    ]);
    assert.deepEqual([failures(history).failed, failures(history, { hotfixPattern: 'emergency' }).failed], [[], []]);
  });
});

describe('change failure rate: the release cadence', () => {
  /** Releases of one package at the given ISO days, each shipping one commit made an hour before. */
  function releases(days: readonly string[]) {
    const commits = chain(days.map((day, i) => ({ id: `c${i}`, at: `${day}T09:00:00Z` })));
    return historyOf(
      commits,
      days.map((day, i) => ({ name: `v1.0.${i}`, commit: `c${i}`, at: `${day}T10:00:00Z` })),
    );
  }
  const daily = Array.from({ length: 10 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`);
  const weekly = ['02-05', '02-12', '02-19', '02-26', '03-04', '03-11', '03-18', '03-25'].map((d) => `2024-${d}`);
  const until = new Date('2024-04-10T00:00:00Z');

  it('judges a patch by the latest rhythm, not by a faster one the project had long ago', () => {
    // The latest 12 intervals: 4 of a day, one of 26 days, 7 of a week: the usual interval is 7 days.
    const { failed, rework } = failures(releases([...daily, ...weekly, '2024-03-27']), { until });
    assert.deepEqual([failed, rework], [['v1.0.17'], ['v1.0.18']]);
  });

  it('does not take a release on its weekly schedule for a hotfix', () => {
    const { failed, result } = failures(releases([...daily, ...weekly, '2024-04-01']), { until });
    assert.deepEqual([failed, result.classified], [[], []]);
  });
});
