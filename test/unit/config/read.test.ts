import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { configFileIn, readTeamConfig } from '../../../src/config/read';
import { formatProblem } from '../../../src/core/problems';

describe('reading .dora/config.yaml from disk', () => {
  let repo: string;
  beforeEach(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'dora-config-'));
  });

  it('is not an error when the team has not written one', async () => {
    assert.deepEqual(await readTeamConfig(configFileIn(repo)), { kind: 'none', file: configFileIn(repo) });
  });

  it('reads a valid file', async () => {
    mkdirSync(path.join(repo, '.dora'));
    writeFileSync(configFileIn(repo), 'windowDays: 30\n');
    const read = await readTeamConfig(configFileIn(repo));
    assert.ok(read.kind === 'ok');
    assert.equal(read.loaded.config.windowDays, 30);
  });

  it('refuses a folder where the file belongs, and a file over the size limit, naming the file', async () => {
    mkdirSync(configFileIn(repo), { recursive: true });
    const folder = await readTeamConfig(configFileIn(repo));
    assert.ok(folder.kind === 'invalid');
    assert.equal(formatProblem(folder.problems[0]!), `${configFileIn(repo)}: is a folder, not a file`);

    const big = path.join(repo, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(3_100_000)}\n`);
    const tooBig = await readTeamConfig(big);
    assert.ok(tooBig.kind === 'invalid');
    assert.match(tooBig.problems[0]!.message, /the limit is 1 MB/);
  });

  it('follows dora.assessmentsFolder for where the file lives', () => {
    assert.equal(configFileIn('/repo', 'quality/dora'), path.join('/repo', 'quality', 'dora', 'config.yaml'));
  });
});
