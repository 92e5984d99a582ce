import * as assert from 'node:assert/strict';
import { configPathOf, resolveChoices } from '../../../../src/core/config/resolve';
import { teamConfigSchema } from '../../../../src/core/config/schema';

const config = (raw: unknown) => teamConfigSchema.parse(raw);

describe('resolving the measuring choices (flag > config > setting > default > detected)', () => {
  it('takes a CLI flag over the config file, the config over a setting, a setting over the default', () => {
    const resolved = resolveChoices({
      flags: { windowDays: 7 },
      config: config({ windowDays: 30, failureDays: 3 }),
      settings: { windowDays: 60, failureDays: 5, leadTimeClock: 'committer' },
      defaults: { windowDays: 90, failureDays: 7, leadTimeClock: 'author', excludeBots: false },
    });
    assert.deepEqual(resolved.windowDays, { value: 7, from: 'flag' });
    assert.deepEqual(resolved.failureDays, { value: 3, from: 'config' });
    assert.deepEqual(resolved.leadTimeClock, { value: 'committer', from: 'setting' });
    assert.deepEqual(resolved.excludeBots, { value: false, from: 'default' });
  });

  it('leaves what nobody chose to detection', () => {
    const resolved = resolveChoices({ defaults: { windowDays: 90 } });
    assert.deepEqual(resolved.tagPattern, { value: undefined, from: 'detected' });
    assert.deepEqual(resolved.defaultBranch, { value: undefined, from: 'detected' });
    assert.deepEqual(resolved.package, { value: undefined, from: 'detected' });
  });

  it("uses the chosen package's own pattern and paths over the file's repository-wide pattern", () => {
    const file = config({
      tagPattern: '^v\\d+$',
      package: 'web',
      packages: [
        { name: 'web', tagPattern: '^web@', paths: ['apps/web'] },
        { name: 'api', tagPattern: '^api@' },
      ],
    });
    const fromFile = resolveChoices({ config: file });
    assert.deepEqual(fromFile.package, { value: 'web', from: 'config' });
    assert.deepEqual(fromFile.tagPattern, { value: '^web@', from: 'config' });
    assert.deepEqual(fromFile.paths, { value: ['apps/web'], from: 'config' });
    assert.deepEqual(configPathOf('tagPattern', file, 'web'), ['packages', 0, 'tagPattern']);

    const flagged = resolveChoices({ flags: { package: 'api' }, config: file });
    assert.deepEqual(flagged.package, { value: 'api', from: 'flag' });
    assert.deepEqual(flagged.tagPattern, { value: '^api@', from: 'config' });
    assert.deepEqual(flagged.paths, { value: undefined, from: 'detected' });
  });

  it('keeps a tag-pattern flag above the package entry of the file', () => {
    const resolved = resolveChoices({
      flags: { tagPattern: '^x$' },
      config: config({ package: 'web', packages: [{ name: 'web', tagPattern: '^web@' }] }),
    });
    assert.deepEqual(resolved.tagPattern, { value: '^x$', from: 'flag' });
  });

  it('joins a list of tag patterns from the file', () => {
    const resolved = resolveChoices({
      config: config({ tagPattern: ['^v\\d', '^r\\d'] }),
      settings: { tagPattern: '^s' },
    });
    assert.deepEqual(resolved.tagPattern, { value: '(?:^v\\d)|(?:^r\\d)', from: 'config' });
  });
});
