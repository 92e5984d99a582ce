import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../../src/cli/commands';
import { ensureCliBuilt, ROOT, runCli } from './cliProcess';

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('dora-assess command-line conventions (run as a subprocess)', () => {
  before(ensureCliBuilt);

  it('--version prints the package version', () => {
    assert.deepEqual(runCli(['--version']), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  for (const command of COMMANDS) {
    it(`${command.name} --help prints its usage and every option, exit 0`, () => {
      const run = runCli([command.name, '--help']);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.stdout.startsWith(`Usage: dora-assess ${command.name}`), run.stdout);
      for (const option of Object.keys(command.options)) assert.match(run.stdout, new RegExp(`--${option}\\b`));
      assert.match(run.stdout, /-h, --help/);
      assert.deepEqual(runCli(['help', command.name]).stdout, run.stdout);
    });
  }

  it('an unknown option is one line naming it and where to look, exit 2', () => {
    assert.deepEqual(runCli(['metrics', '--weeks', '4']), {
      code: 2,
      stdout: '',
      stderr: 'dora-assess metrics: unknown option --weeks; see "dora-assess metrics --help"\n',
    });
  });

  it('a missing value and a value given to a switch are one line each, exit 2', () => {
    assert.deepEqual(runCli(['score', 'x.json', '--framework-file']), {
      code: 2,
      stdout: '',
      stderr: 'dora-assess score: --framework-file needs a value; see "dora-assess score --help"\n',
    });
    assert.deepEqual(runCli(['metrics', '--json=yes']), {
      code: 2,
      stdout: '',
      stderr: 'dora-assess metrics: --json takes no value; see "dora-assess metrics --help"\n',
    });
  });

  it('an argument to a command that takes none is one line, exit 2', () => {
    assert.deepEqual(runCli(['frameworks', 'extra']), {
      code: 2,
      stdout: '',
      stderr: 'dora-assess frameworks takes no file or argument (got "extra"); see "dora-assess frameworks --help"\n',
    });
  });
});
