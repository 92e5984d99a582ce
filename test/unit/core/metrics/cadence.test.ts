import * as assert from 'node:assert/strict';
import { releaseVersion } from '../../../../src/core/metrics/cadence';

describe('release versions for the hotfix cadence', () => {
  const read = (name: string) => {
    const version = releaseVersion(name);
    return version && [version.packageName, version.line, version.patch];
  };

  it('read the package and release line of semver tags in their usual spellings', () => {
    assert.deepEqual(
      [
        'v1.4.2',
        '1.4.0',
        'pkg@1.2.3',
        '@scope/pkg@2.0.1',
        'pkg-v1.2.3',
        'tools/v0.3.1',
        'release-1.2.3',
        '1.2.3.4',
      ].map(read),
      [
        ['', '@1.4', true],
        ['', '@1.4', false],
        ['pkg', 'pkg@1.2', true],
        ['@scope/pkg', '@scope/pkg@2.0', true],
        ['pkg', 'pkg@1.2', true],
        ['tools', 'tools@0.3', true],
        ['', '@1.2', true],
        ['', '@1.2.3', true],
      ],
    );
  });

  it('never take a calendar date or a two-part version for a patch by itself', () => {
    assert.deepEqual(
      ['2026.08.19', '2026.8.1', '26.2', '2026.1', 'v1.2'].map((name) => releaseVersion(name)?.patch),
      [false, false, false, false, false],
    );
    assert.deepEqual(
      ['26.2.1', '2026.08.19.1'].map((name) => releaseVersion(name)?.patch),
      [true, true],
    );
  });

  it('read nothing from a name without a version', () => {
    assert.deepEqual(['latest', 'v1', 'Merge branch hotfix'].map(read), [null, null, null]);
  });
});
