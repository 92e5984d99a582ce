import * as assert from 'node:assert/strict';
import { checkGitSettings, settingsLayer } from '../../../src/services/gitSettings';

describe('the dora.git settings', () => {
  it('fills in the defaults for settings left out, leaving the tag pattern to detection', () => {
    const checked = checkGitSettings({});
    assert.deepEqual(checked, {
      ok: true,
      settings: {
        tagPattern: '', // empty: release tags are detected
        defaultBranch: '',
        windowDays: 90,
        leadTimeClock: 'author',
        source: 'auto',
        failureDays: 7,
        hotfixPattern: '',
        excludeBots: false,
        gitPath: 'git',
      },
    });
  });

  it('refuses a tag pattern that is not a regular expression, naming the setting and the fix', () => {
    const checked = checkGitSettings({ tagPattern: 'release-(' });
    assert.equal(checked.ok, false);
    assert.match(
      checked.message,
      /dora\.git\.tagPattern "release-\(" is not a valid regular expression .*Change it in Settings/,
    );
  });

  it('takes the failure window and hotfix pattern of the change failure heuristic, and checks them', () => {
    const checked = checkGitSettings({ failureDays: 3, hotfixPattern: '^hotfix-' });
    assert.ok(checked.ok);
    assert.equal(checked.settings.failureDays, 3);
    assert.equal(checked.settings.hotfixPattern, '^hotfix-');
    const badDays = checkGitSettings({ failureDays: -1 });
    assert.equal(badDays.ok, false);
    assert.match(badDays.message, /dora\.git\.failureDays is -1; it must be a whole number of days from 0 to 365/);
    const badPattern = checkGitSettings({ hotfixPattern: 'fix(' });
    assert.equal(badPattern.ok, false);
    assert.match(badPattern.message, /dora\.git\.hotfixPattern "fix\(" is not a valid regular expression/);
  });

  it('refuses a window that is not a whole number of days', () => {
    for (const windowDays of [0, -3, 2.5, '90', 5000]) {
      const checked = checkGitSettings({ windowDays });
      assert.equal(checked.ok, false, `windowDays ${JSON.stringify(windowDays)}`);
      assert.match(checked.message, /dora\.git\.windowDays/);
    }
  });

  it('refuses a default branch git would read as an option or a range', () => {
    for (const defaultBranch of ['--all', 'main..evil', 'a b']) {
      assert.equal(checkGitSettings({ defaultBranch }).ok, false, defaultBranch);
    }
    assert.equal(checkGitSettings({ defaultBranch: 'release/2026' }).ok, true);
  });

  it('falls back to the default for a clock or source it does not know', () => {
    const checked = checkGitSettings({ leadTimeClock: 'wall', source: 'deploys' });
    assert.ok(checked.ok);
    assert.equal(checked.settings.leadTimeClock, 'author');
    assert.equal(checked.settings.source, 'auto');
  });

  it('uses the git the editor is configured with', () => {
    const checked = checkGitSettings({ gitPath: ' /opt/git/bin/git ' });
    assert.ok(checked.ok);
    assert.equal(checked.settings.gitPath, '/opt/git/bin/git');
  });
});

describe('the dora.git settings as a layer below .dora/config.yaml', () => {
  it('holds only the settings a person set, so detection is not hidden by a contributed default', () => {
    const checked = checkGitSettings({ windowDays: 30, defaultBranch: '', tagPattern: '^v' });
    assert.ok(checked.ok);
    assert.deepEqual(settingsLayer(checked.settings, new Set(['windowDays'])), {
      tagPattern: undefined,
      defaultBranch: undefined,
      windowDays: 30,
      leadTimeClock: undefined,
      source: undefined,
      failureDays: undefined,
      hotfixPattern: undefined,
      excludeBots: undefined,
    });
  });

  it('gives an empty default branch to detection even when it was set', () => {
    const checked = checkGitSettings({ defaultBranch: '  ' });
    assert.ok(checked.ok);
    assert.equal(settingsLayer(checked.settings, new Set(['defaultBranch'])).defaultBranch, undefined);
  });
});
