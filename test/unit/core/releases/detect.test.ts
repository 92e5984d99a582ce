import * as assert from 'node:assert/strict';
import { detectReleases, proposePattern } from '../../../../src/core/releases/detect';
import type { DatedTag } from '../../../../src/core/releases/families';
import { releaseEvents } from '../../../../src/core/releases/releaseEvents';

const DAY = 86_400;
const UNTIL = Date.parse('2026-06-30T00:00:00Z') / 1000;
const at = (daysBefore: number) => UNTIL - daysBefore * DAY;
const tag = (name: string, daysBefore: number, commit = `c${daysBefore}`): DatedTag => ({
  name,
  commit,
  time: at(daysBefore),
});

describe('release events', () => {
  it('counts the tags on one commit once, at the earliest tag, and keeps every name', () => {
    const events = releaseEvents([tag('b@1.0.0', 3, 'x'), tag('a@2.0.0', 3, 'x'), tag('a@1.0.0', 10, 'y')]);
    assert.deepEqual(
      events.map((e) => [e.commit, e.tags]),
      [
        ['y', ['a@1.0.0']],
        ['x', ['a@2.0.0', 'b@1.0.0']],
      ],
    );
  });

  it('leaves out a tag of a tree (no commit) or without a date', () => {
    assert.deepEqual(
      releaseEvents([
        { name: 'tree-tag', commit: null, time: 5 },
        { name: 'x', commit: 'a', time: null },
      ]),
      [],
    );
  });
});

describe('detecting the release convention', () => {
  it('lets a changesets monorepo decide over old v1.x tags that stopped two years ago', () => {
    const tags = [
      tag('v1.0.0', 800),
      tag('v1.1.0', 760),
      tag('astro@4.0.0', 80, 'e1'),
      tag('@astrojs/node@8.0.0', 80, 'e1'),
      tag('@astrojs/vue@4.0.0', 80, 'e1'),
      tag('astro@4.0.1', 40, 'e2'),
      tag('@astrojs/node@8.0.1', 40, 'e2'),
      tag('astro@4.1.0-beta.0', 20, 'e3'),
      tag('astro@4.1.0', 5, 'e4'),
    ];
    const detection = detectReleases(tags, { until: UNTIL, days: 90 });
    assert.deepEqual(detection.selected.map((t) => t.name).sort(), [
      '@astrojs/node@8.0.0',
      '@astrojs/node@8.0.1',
      '@astrojs/vue@4.0.0',
      'astro@4.0.0',
      'astro@4.0.1',
      'astro@4.1.0',
      // They no longer decide, but they were releases: they bound what later releases ship.
      'v1.0.0',
      'v1.1.0',
    ]);
    assert.equal(detection.eventsInWindow, 3);
    assert.deepEqual(detection.packages, ['@astrojs/node', '@astrojs/vue', 'astro']);
    assert.equal(
      detection.summary,
      'Releases: 3 tags @astrojs/*@x.y.z and 3 tags astro@x.y.z in 90 days, grouped into 3 release events. ' +
        'Not counted: 1 pre-release (rc, beta, alpha, next, canary, dev, nightly…) never count; ' +
        'vx.y.z last released more than 365 days before the window ends, so it does not decide the convention.',
    );
  });

  it('takes one package only when asked, whatever its activity', () => {
    const tags = [tag('astro@4.0.0', 80, 'e1'), tag('@astrojs/node@8.0.0', 80, 'e1'), tag('astro@4.0.1', 40)];
    const detection = detectReleases(tags, { until: UNTIL, days: 90, package: 'astro' });
    assert.deepEqual(
      detection.selected.map((t) => t.name),
      ['astro@4.0.0', 'astro@4.0.1'],
    );
    assert.equal(detection.summary, 'Releases of astro: 2 tags astro@x.y.z in 90 days, grouped into 2 release events.');
  });

  it('counts two- and three-part CalVer and date tags as releases', () => {
    const tags = [tag('26.1', 60), tag('26.1.1', 50), tag('26.2', 10), tag('2026.06.01', 29), tag('26.2b1', 15)];
    const detection = detectReleases(tags, { until: UNTIL, days: 90 });
    assert.equal(detection.tagsInWindow, 4);
    assert.match(detection.summary, /^Releases: 2 tags x\.y, 1 tag YYYY\.MM\.DD and 1 tag x\.y\.z in 90 days/);
  });

  it('takes no tag when every family stopped releasing over a year ago, so the fallback starts', () => {
    const detection = detectReleases([tag('v1.0.0', 800), tag('v1.1.0', 500)], { until: UNTIL, days: 90 });
    assert.deepEqual([detection.selected.length, detection.summary], [0, 'Releases: no release tag in 90 days.']);
  });

  it('does not count a family whose tags all lie after the window', () => {
    const detection = detectReleases([tag('v2.0.0', -5)], { until: UNTIL, days: 90 });
    assert.equal(detection.selected.length, 0);
  });

  it('names the tags of a window where none is a release, and proposes a pattern for them', () => {
    const tags = [tag('deploy-20260601-1', 29), tag('deploy-20260610-2', 20), tag('nightly', 2)];
    const detection = detectReleases(tags, { until: UNTIL, days: 90 });
    assert.deepEqual(detection.untaken, ['deploy-20260601-1', 'deploy-20260610-2', 'nightly']);
    assert.equal(detection.proposal, String.raw`^deploy-\d+-\d+$`);
    assert.equal(detection.summary, 'Releases: no release tag in 90 days.');
  });

  it('reads 50,000 tags, counting no tag twice', () => {
    const tags = Array.from({ length: 50_000 }, (_, i) => tag(`pkg${i % 50}@1.${i}.0`, (i % 700) + 1, `c${i % 9000}`));
    const detection = detectReleases(tags, { until: UNTIL, days: 90 });
    assert.equal(detection.selected.length, 50_000);
    assert.equal(new Set(detection.selected.map((t) => t.name)).size, 50_000);
  });
});

describe('proposing a pattern', () => {
  it('escapes what is literal and turns digit runs into \\d+', () => {
    assert.equal(proposePattern(['prod.2026-01-02', 'prod.2026-02-03', 'x1']), String.raw`^prod\.\d+-\d+-\d+$`);
  });
});
