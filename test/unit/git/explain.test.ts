import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { commitsOf, ledgerPage } from '../../../src/core/explain/ledger';
import { analyzeAndExplain } from '../../../src/git/analyze';
import { FixtureRepo } from './fixtureRepo';
import { change, importedHistory, plusDays, weeklyReleases } from './heuristicsFixture';

/** `count` commits an hour apart on main, written by one `git fast-import`: hundreds of commits in a blink. */
function manyCommits(repo: FixtureRepo, count: number, start: number): void {
  const stream = Array.from({ length: count }, (_, k) => {
    const message = `Change ${k}`;
    const when = `${start + k * 3600} +0000`;
    return [
      'commit refs/heads/main',
      `author Fixture Author <author@example.com> ${when}`,
      `committer Fixture Author <author@example.com> ${when}`,
      `data ${Buffer.byteLength(message)}`,
      message,
      '',
    ].join('\n');
  }).join('\n');
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo.dir, input: stream });
  repo.git(['reset', '-q', '--hard', 'main']);
}

const until = new Date('2024-03-20T00:00:00Z');

describe('the ledger behind the git figures', () => {
  const repos: FixtureRepo[] = [];
  const keep = (repo: FixtureRepo) => (repos.push(repo), repo);
  after(() => repos.forEach((repo) => repo.dispose()));

  it('lists every deployment in the window with its tag, time and commits shipped', async () => {
    const { result, ledger } = await analyzeAndExplain({ repo: keep(weeklyReleases(4)).dir, until, cache: null });
    assert.equal(ledger.deployments.length, result.deployments.count);
    assert.deepEqual(
      ledger.deployments.map((d) => [d.name, d.tags, d.time, d.leadCommits, d.classifications]),
      [
        ['v2.0.0', ['v2.0.0'], '2024-01-01T10:00:00Z', 1, []],
        ['v2.0.1', ['v2.0.1'], '2024-01-08T10:00:00Z', 1, []],
        ['v2.0.2', ['v2.0.2'], '2024-01-15T10:00:00Z', 1, []],
        ['v2.0.3', ['v2.0.3'], '2024-01-22T10:00:00Z', 1, []],
      ],
    );
  });

  it('lists lead-time commits by lead time with their subject, author and deployment, marking median and p90', async () => {
    const repo = keep(
      weeklyReleases(3, (repo, week, release) => {
        // A second, older change in week 1: three days before its release.
        if (week === 0) change(repo, 'Slow change <b>bold</b>', plusDays(release, 4));
      }),
    );
    const { result, ledger } = await analyzeAndExplain({ repo: repo.dir, until, cache: null });
    const rows = ledger.leadTime.map((row) => [row.subject, row.deployment, row.hours, row.marks]);
    assert.deepEqual(rows, [
      ['Change for week 0', 'v2.0.0', 24, []],
      ['Change for week 1', 'v2.0.1', 24, ['median']],
      ['Change for week 2', 'v2.0.2', 24, ['median']],
      ['Slow change <b>bold</b>', 'v2.0.1', 72, ['p90']],
    ]);
    assert.equal(result.leadTime.medianHours, 24);
    assert.equal(result.leadTime.p90Hours, 72);
    const row = ledger.leadTime[3]!;
    assert.match(row.sha, /^[0-9a-f]{40}$/);
    assert.equal(row.author, 'Ada <ada@example.com>');
    assert.equal(row.startedAt, '2024-01-05T10:00:00Z');
    assert.deepEqual(
      commitsOf(ledger, 1).map((c) => c.subject),
      ['Slow change <b>bold</b>', 'Change for week 1'],
    );
  });

  it('gives every classified deployment the rule that classified it', async () => {
    const repo = keep(
      weeklyReleases(8, (repo, week, release, nextTag) => {
        if (week !== 4) return;
        change(repo, 'Fix crash on login', plusDays(release, 2, -2));
        repo.annotatedTag(nextTag(), plusDays(release, 2));
      }),
    );
    const { result, ledger } = await analyzeAndExplain({ repo: repo.dir, until, cache: null });
    const failures = ledgerPage(ledger, 'failures');
    assert.equal(failures.total, result.classified?.length);
    assert.deepEqual(
      failures.rows.map((d) => [d.name, d.classifications.map((c) => c.classification)]),
      [
        ['v2.0.4', ['failed']],
        ['v2.0.5', ['hotfix']],
      ],
    );
    for (const row of failures.rows) for (const c of row.classifications) assert.ok(c.rule.length > 20, c.rule);
  });

  it('puts bot commits apart, with their reason, when the team excludes bots', async () => {
    const repo = keep(
      weeklyReleases(2, (repo, week, release) => {
        if (week === 0)
          change(repo, 'Bump lodash from 4.17.20 to 4.17.21', plusDays(release, 1), {
            author: 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
          });
      }),
    );
    const { ledger } = await analyzeAndExplain({ repo: repo.dir, until, cache: null, excludeBots: true });
    assert.deepEqual(
      ledger.excluded.map((e) => [e.subject, e.reason, e.deployment]),
      [['Bump lodash from 4.17.20 to 4.17.21', 'bot', 'v2.0.1']],
    );
    assert.ok(ledger.leadTime.every((row) => !row.bot));
  });

  it('lists the commits of an imported history apart, with their reason and the deployment that ships them', async () => {
    const { repo, library } = importedHistory(3);
    keep(library);
    keep(repo);
    const { result, ledger } = await analyzeAndExplain({ repo: repo.dir, until, cache: null });
    assert.equal(result.leadTime.imported, 3);
    assert.deepEqual(ledger.excluded.map((e) => [e.subject, e.reason, e.deployment]).sort(), [
      ['Library commit 1', 'imported', 'v1.0.0'],
      ['Library commit 2', 'imported', 'v1.0.0'],
      ['Library commit 3', 'imported', 'v1.0.0'],
    ]);
    assert.deepEqual(
      ledger.leadTime.map((row) => [row.subject, row.hours]),
      [
        ['Use the library', 1],
        ['Start project', 2],
      ],
    );
  });

  it('pages long lists 200 rows at a time', async () => {
    const repo = keep(FixtureRepo.create('dora-many-'));
    manyCommits(repo, 230, Date.parse('2024-02-01T00:00:00Z') / 1000);
    repo.annotatedTag('v1.0.0', '2024-02-20T00:00:00Z');
    const { ledger } = await analyzeAndExplain({ repo: repo.dir, until, cache: null });
    const first = ledgerPage(ledger, 'lead-time');
    const second = ledgerPage(ledger, 'lead-time', first.rows.length);
    assert.deepEqual([first.total, first.rows.length, second.offset, second.rows.length], [230, 200, 200, 30]);
  });
});
