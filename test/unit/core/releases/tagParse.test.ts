import * as assert from 'node:assert/strict';
import { parseTag } from '../../../../src/core/releases/tagParse';

/** [tag, package, family, prerelease] as real projects write them. */
const RELEASES: Array<[string, string | null, string]> = [
  ['v1.2.3', null, 'vx.y.z'],
  ['1.2.3', null, 'x.y.z'],
  ['v18.20.4', null, 'vx.y.z'], // nodejs/node
  ['1.2', null, 'x.y'],
  ['v1.2', null, 'vx.y'],
  ['1.2.3.4', null, 'x.y.z.w'],
  ['astro@4.0.0', 'astro', 'astro@x.y.z'], // withastro/astro, changesets
  ['@astrojs/node@8.2.1', '@astrojs/node', '@astrojs/node@x.y.z'],
  ['@changesets/cli@2.27.1', '@changesets/cli', '@changesets/cli@x.y.z'],
  ['gopls/v0.16.1', 'gopls', 'gopls/vx.y.z'], // golang/tools
  ['otel/sdk/metric/v1.28.0', 'otel/sdk/metric', 'otel/sdk/metric/vx.y.z'],
  ['storage-v1.43.0', 'storage', 'storage-vx.y.z'], // release-please
  ['google-cloud-storage-v2.1.0', 'google-cloud-storage', 'google-cloud-storage-vx.y.z'],
  ['release-1.2.3', null, 'release-x.y.z'],
  ['release/1.2.3', null, 'release/x.y.z'],
  ['go1.21.0', null, 'gox.y.z'],
  ['5.4.0.Final', null, 'x.y.z'], // hibernate
  ['2.7.18.RELEASE', null, 'x.y.z'],
  ['1.0.0+build.5', null, 'x.y.z'],
];

const PRERELEASES: Array<[string, string]> = [
  ['v1.2.0-rc.1', 'rc.1'],
  ['v1.2.0-rc1', 'rc1'],
  ['1.2.0rc1', 'rc1'],
  ['v3.0.0-alpha', 'alpha'],
  ['v3.0.0-beta.2', 'beta.2'],
  ['26.2b1', 'b1'], // pip
  ['astro@5.0.0-beta.3', 'beta.3'],
  ['@astrojs/node@9.0.0-next.1', 'next.1'],
  ['react@19.0.0-canary-7dd6d', 'canary-7dd6d'],
  ['v0.1.0-dev', 'dev'],
  ['2.0.0.dev0', 'dev0'], // PEP 440
  ['v1.5.0-nightly.20240101', 'nightly.20240101'],
  ['gopls/v0.16.0-pre.1', 'pre.1'],
  ['go1.22rc2', 'rc2'],
];

describe('reading a tag as a release', () => {
  for (const [tag, pkg, family] of RELEASES) {
    it(`reads ${tag} as a release of ${pkg ?? 'the repository'}, family ${family}`, () => {
      const parsed = parseTag(tag);
      assert.ok(parsed);
      assert.deepEqual([parsed.package, parsed.family, parsed.prerelease], [pkg, family, null]);
    });
  }

  for (const [tag, pre] of PRERELEASES) {
    it(`reads ${tag} as a pre-release (${pre}), never a deployment`, () => {
      assert.equal(parseTag(tag)?.prerelease, pre);
    });
  }

  it('tells date CalVer from CalVer and from a plain two-part version', () => {
    assert.deepEqual(
      ['2026.08.19', '2026.8.1', '2026.1', '26.2', '26.2.1', 'v2026.08.19'].map((t) => {
        const p = parseTag(t);
        return [p?.scheme, p?.family];
      }),
      [
        ['date', 'YYYY.MM.DD'],
        ['date', 'YYYY.MM.DD'],
        ['calver', 'YYYY.x'],
        ['semver', 'x.y'],
        ['semver', 'x.y.z'],
        ['semver', 'vx.y.z'],
      ],
    );
  });

  it('keeps the version numbers', () => {
    assert.deepEqual(parseTag('@scope/pkg@10.20.30')?.version, [10, 20, 30]);
  });

  it('reads a tag one way only: a name that could be a package or a process prefix is the process', () => {
    assert.deepEqual([parseTag('release-1.2.3')?.package, parseTag('release-1.2.3')?.family], [null, 'release-x.y.z']);
  });

  it('reads unicode package names and returns null for names that hold no version', () => {
    assert.equal(parseTag('paquete-ñ@1.0.0')?.package, 'paquete-ñ');
    for (const name of ['latest', 'v1', 'stable', 'deploy-prod', '', 'v1.2.3-1', 'a b c'])
      assert.equal(parseTag(name), null, name);
  });

  it('reads a very long name in linear time', () => {
    assert.equal(parseTag(`${'1.'.repeat(5000)}x!`), null);
  });
});
