import * as assert from 'node:assert/strict';
import { loadTeamConfig } from '../../../../src/core/config/load';
import { configTemplate } from '../../../../src/core/config/template';
import type { TemplateInput } from '../../../../src/core/config/template';

function monorepo(patterns: string[]): TemplateInput['result'] {
  return {
    settings: {
      choices: {
        source: { value: 'tags', from: 'detected' },
        defaultBranch: { value: 'origin/develop', from: 'detected' },
        windowDays: { value: 90, from: 'default' },
      },
    },
    deployments: {
      count: 12,
      perWeek: 1,
      deployDaysPerWeek: 1,
      band: 'High',
      source: 'tags',
      pattern: 'detected release tags: pkg@x.y.z',
      method: 'm',
      release: {
        how: 'detected',
        summary: 'Releases: 12 tags @scope/*@x.y.z in 90 days, grouped into 4 release events.',
        tagsInWindow: 12,
        untaken: [],
        proposal: null,
        patterns,
      },
      packages: [
        { name: '@scope/web', deployments: 4 },
        { name: "o'brien", deployments: 2 },
      ],
    },
  };
}

describe('the config file init writes', () => {
  it('lists a monorepo’s packages and leaves many tag shapes to detection', () => {
    const shapes = ['^@scope/a@\\d+$', '^@scope/b@\\d+$', '^c@\\d+$', '^d@\\d+$', '^e@\\d+$', '^f@\\d+$'];
    const text = configTemplate({ result: monorepo(shapes), date: '2026-11-29' });
    const loaded = loadTeamConfig(text, 'config.yaml');
    assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.problems));
    assert.deepEqual(loaded.value.config.packages, [{ name: '@scope/web' }, { name: "o'brien" }]);
    assert.equal(loaded.value.config.tagPattern, undefined);
    // A remote-tracking name is written as the branch name, which the analysis finds on the remote.
    assert.equal(loaded.value.config.defaultBranch, 'develop');
    assert.match(text, /^# The release tags have 6 shapes, so the convention is left to detection on every run\.$/m);
    assert.match(text, /^# package: '@scope\/web'$/m);
  });

  it('offers a few tag shapes as patterns to uncomment, which then load as written', () => {
    const text = configTemplate({ result: monorepo(['^v\\d+\\.\\d+$', '^\\d+\\.\\d+$']), date: '2026-11-29' });
    const pinned = text.replace(/^# (tagPattern:)$/m, '$1').replace(/^# ( {2}- )/gm, '$1');
    const loaded = loadTeamConfig(pinned, 'config.yaml');
    assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.problems));
    assert.deepEqual(loaded.value.config.tagPattern, ['^v\\d+\\.\\d+$', '^\\d+\\.\\d+$']);
  });
});
