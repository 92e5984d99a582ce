import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { ensureCliBuilt, ROOT, tempDir } from '../unit/cli/cliProcess';

/**
 * Packaging, not unit tests: these run npm and vsce, so they are their own phase of `npm test`
 * (`npm run test:package`) instead of slowing every `npm run test:unit`.
 */
function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  return result;
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  assert.equal(result.status, 0, `${what} failed: ${result.stderr}`);
  return result.stdout;
}

const versionOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;

describe('the dora-assess npm package', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    ensureCliBuilt();
    dir = tempDir('dora-pack-');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('has the version of the extension it comes from', () => {
    assert.equal(versionOf(path.join(ROOT, 'cli', 'package.json')), versionOf(path.join(ROOT, 'package.json')));
  });

  it('packs into a tarball that installs in an empty project and runs `dora-assess`', () => {
    const packed = JSON.parse(
      ok(run('npm', ['pack', path.join(ROOT, 'cli'), '--pack-destination', dir, '--json'], dir), 'npm pack'),
    ) as { filename: string; files: { path: string }[] }[];
    const [tarball] = packed;
    assert.ok(tarball);
    assert.deepEqual(tarball.files.map((file) => file.path).sort(), [
      'README.md',
      'dist/cli.js',
      'frameworks/calms.yaml',
      'frameworks/dora.yaml',
      'frameworks/frameworks.snapshot.json',
      'package.json',
    ]);

    const project = path.join(dir, 'project');
    mkdirSync(path.join(project, '.dora'), { recursive: true });
    ok(run('npm', ['init', '--yes'], project), 'npm init');
    ok(
      run('npm', ['install', path.join(dir, tarball.filename), '--offline', '--no-audit', '--no-fund'], project),
      'npm install',
    );

    const version = ok(run('npx', ['--no-install', 'dora-assess', '--version'], project), 'dora-assess --version');
    assert.equal(version.trim(), versionOf(path.join(ROOT, 'package.json')));

    copyFileSync(path.join(ROOT, 'media', 'example', 'assessment.json'), path.join(project, '.dora', 'q4.json'));
    const score = ok(run('npx', ['--no-install', 'dora-assess', 'score', '.dora/q4.json'], project), 'score');
    assert.match(score, /^Practice maturity: \d+% — Level \d /m);
    const frameworks = ok(run('npx', ['--no-install', 'dora-assess', 'frameworks'], project), 'frameworks');
    assert.match(frameworks, /dora/);
    assert.match(frameworks, /calms/);
  });

  it('is left out of the extension: the .vsix carries neither the CLI nor its folder', () => {
    const files = ok(run('npx', ['vsce', 'ls', '--no-dependencies'], ROOT), 'vsce ls').split('\n');
    assert.ok(files.includes('dist/extension.js'), 'the listing names the extension bundle');
    assert.ok(files.includes('dist/assessmentWorker.js'), 'the worker that parses assessment files is shipped');
    assert.deepEqual(
      files.filter((file) => file.startsWith('cli/') || file.endsWith('cli.js')),
      [],
    );
  });
});
