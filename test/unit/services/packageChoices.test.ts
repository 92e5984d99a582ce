import * as assert from 'node:assert/strict';
import { resolveChoices } from '../../../src/core/config/resolve';
import type { TeamConfig } from '../../../src/core/config/schema';
import { chosenPackageUnavailable, PackageChoices, withChosenPackage } from '../../../src/services/packageChoices';
import { GitAnalysisError } from '../../../src/git/errors';
import { gitView } from '../../../src/panel/views';
import type { StateStore } from '../../../src/services/packageChoices';

/** workspaceState as VS Code keeps it: values survive only as JSON. */
function memento(): StateStore & { saved: Map<string, string> } {
  const saved = new Map<string, string>();
  return {
    saved,
    get: (key) => {
      const text = saved.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
    },
    update: (key, value) => {
      saved.set(key, JSON.stringify(value));
      return Promise.resolve();
    },
  };
}

describe("the panel's package choice (host side)", () => {
  it('remembers a package per repository, and forgets it when the whole repository is chosen', async () => {
    const state = memento();
    const choices = new PackageChoices(state);
    assert.equal(choices.get('/work/shop'), undefined);
    await choices.set('/work/shop', '@acme/web');
    await choices.set('/work/tools', 'cli');
    assert.equal(new PackageChoices(state).get('/work/shop'), '@acme/web', 'kept in the workspace state');
    await choices.set('/work/shop', null);
    assert.equal(choices.get('/work/shop'), undefined);
    assert.equal(choices.get('/work/tools'), 'cli');
  });

  it('ignores a stored value that is not a package name', () => {
    const state = memento();
    state.saved.set('dora.git.packageByRepository', JSON.stringify({ '/work/shop': 42 }));
    assert.equal(new PackageChoices(state).get('/work/shop'), undefined);
    state.saved.set('dora.git.packageByRepository', '"garbled"');
    assert.equal(new PackageChoices(state).get('/work/shop'), undefined);
  });

  it('measures the chosen package, unless .dora/config.yaml sets package:, which wins', () => {
    const settings = withChosenPackage({ windowDays: 30 }, '@acme/web');
    const fromPicker = resolveChoices({ settings });
    assert.deepEqual(fromPicker.package, { value: '@acme/web', from: 'setting' });
    assert.equal(fromPicker.windowDays.value, 30);
    const config = { package: '@acme/api' } as TeamConfig;
    assert.deepEqual(resolveChoices({ settings, config }).package, { value: '@acme/api', from: 'config' });
    assert.deepEqual(withChosenPackage({ windowDays: 30 }, undefined), { windowDays: 30 });
  });

  describe('when the remembered package has no release tags any more', () => {
    const refused = (name: string, packagesWithTags: string[]) =>
      new GitAnalysisError('invalid-option', `No release tag belongs to the package "${name}".`, {
        name,
        packagesWithTags,
      });

    it('tells the panel to offer the picker again, with the packages that have release tags', () => {
      const insights = chosenPackageUnavailable(refused('@acme/old', ['@acme/api', '@acme/web']), '@acme/old');
      assert.ok(insights);
      assert.deepEqual(insights.packageChoice, { chosen: '@acme/old', packages: ['@acme/api', '@acme/web'] });
      assert.match(insights.reason, /"@acme\/old", chosen in this panel, has no release tags/);
      assert.match(insights.reason, /Choose another package, or measure the whole repository\./);
      // The panel's protocol carries the offer to the webview unchanged.
      assert.deepEqual(gitView(insights).view, insights);
    });

    it('offers only the whole repository when no tag names a package', () => {
      const insights = chosenPackageUnavailable(refused('@acme/old', []), '@acme/old');
      assert.ok(insights);
      assert.deepEqual(insights.packageChoice?.packages, []);
      assert.match(insights.reason, /measure the whole repository\.$/);
    });

    it('leaves other failures, and a package the team configuration names, as they were', () => {
      assert.equal(
        chosenPackageUnavailable(new GitAnalysisError('git-missing', 'git is not installed'), 'web'),
        undefined,
      );
      // measureWithConfig re-raises a config package's refusal pointed at its line, without the offer.
      assert.equal(
        chosenPackageUnavailable(new GitAnalysisError('invalid-option', '.dora/config.yaml:2:10: …'), 'web'),
        undefined,
      );
      assert.equal(chosenPackageUnavailable(refused('api', ['web']), undefined), undefined, 'nothing was chosen here');
      assert.equal(chosenPackageUnavailable(refused('api', ['web']), 'web'), undefined, 'another package was refused');
    });
  });
});
