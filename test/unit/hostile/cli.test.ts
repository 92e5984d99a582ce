import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { serializeAssessment } from '../../../src/core/assessment/serialize';
import { escapeControls } from '../../../src/cli/run';
import { CLI, ensureCliBuilt, runCli, tempDir } from '../cli/cliProcess';
import { frameworkYaml, TWO_DOMAINS } from '../builders/framework';
import { assessment, FRAMEWORK } from '../store/helpers';

/** Runs the CLI with its stdout closed at once, as `dora-assess … | true` does. */
function withClosedPipe(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('hostile files: the CLI behaves', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;
  before(() => ensureCliBuilt());
  beforeEach(() => {
    dir = tempDir('dora-hostile-cli-');
    file = path.join(dir, 'a.json');
    const title = 'Evil \u001b]0;pwned\u0007\u001b[2J\u009b31m title';
    writeFileSync(file, serializeAssessment({ ...assessment({ f1: { score: 3 } }), title }, FRAMEWORK));
    mkdirSync(path.join(dir, 'frameworks'));
    writeFileSync(path.join(dir, 'frameworks', 'test.yaml'), frameworkYaml(TWO_DOMAINS));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits quietly when the reader closes the pipe', async () => {
    const run = await withClosedPipe(['score', file, '--json'], dir);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
  });

  it('escapes control characters from user text in terminal output', () => {
    const run = runCli(['score', file], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Evil \\u001b\]0;pwned\\u0007/);
    assert.ok(
      !['\u001b', '\u0007', '\u009b'].some((c) => (run.stdout + run.stderr).includes(c)),
      'no raw control character',
    );
    assert.equal(escapeControls('a\u001b[31mb\u009bc\td\ne'), 'a\\u001b[31mb\\u009bc\td\ne');
  });

  it('fails in one line, at once, when the report folder cannot be created', () => {
    writeFileSync(path.join(dir, 'afile'), '');
    const run = runCli(['report', file, '-o', path.join(dir, 'afile', 'sub', 'r.md')], dir);
    assert.match(run.stderr, /afile\/sub \(ENOTDIR\)/);
    assert.notEqual(run.code, 0);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
});
