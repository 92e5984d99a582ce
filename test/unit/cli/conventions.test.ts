import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../../src/cli/commands';
import { CLI, ensureCliBuilt, ROOT, runCli, runCliHere } from './cliProcess';

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('dora-assess command-line conventions', () => {
  describe('the built CLI, run as a subprocess', () => {
    before(ensureCliBuilt);

    it('--version prints the package version', () => {
      assert.deepEqual(runCli(['--version']), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
    });

    it('an unknown option is one line naming it and where to look, exit 2', () => {
      assert.deepEqual(runCli(['metrics', '--weeks', '4']), {
        code: 2,
        stdout: '',
        stderr: 'dora-assess metrics: unknown option --weeks; see "dora-assess metrics --help"\n',
      });
    });

    it('stops quietly, exit 0, when the reader of its output has gone away (`| head -1`)', async () => {
      const child = spawn(process.execPath, [CLI, 'score', 'media/example/assessment.json'], { cwd: ROOT });
      // Closed before the CLI has loaded, so its first write meets a pipe with no reader.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      assert.deepEqual({ code, stderr }, { code: 0, stderr: '' });
    });
  });

  describe('in process', () => {
    for (const command of COMMANDS) {
      it(`${command.name} --help prints its usage and every option, exit 0`, async () => {
        const run = await runCliHere([command.name, '--help']);
        assert.equal(run.code, 0, run.stderr);
        assert.ok(run.stdout.startsWith(`Usage: dora-assess ${command.name}`), run.stdout);
        for (const option of Object.keys(command.options)) assert.match(run.stdout, new RegExp(`--${option}\\b`));
        assert.match(run.stdout, /-h, --help/);
        assert.deepEqual((await runCliHere(['help', command.name])).stdout, run.stdout);
      });
    }

    it('a missing value and a value given to a switch are one line each, exit 2', async () => {
      assert.deepEqual(await runCliHere(['score', 'x.json', '--framework-file']), {
        code: 2,
        stdout: '',
        stderr: 'dora-assess score: --framework-file needs a value; see "dora-assess score --help"\n',
      });
      assert.deepEqual(await runCliHere(['metrics', '--json=yes']), {
        code: 2,
        stdout: '',
        stderr: 'dora-assess metrics: --json takes no value; see "dora-assess metrics --help"\n',
      });
    });

    it('an argument to a command that takes none is one line, exit 2', async () => {
      assert.deepEqual(await runCliHere(['frameworks', 'extra']), {
        code: 2,
        stdout: '',
        stderr: 'dora-assess frameworks takes no file or argument (got "extra"); see "dora-assess frameworks --help"\n',
      });
    });
  });
});
