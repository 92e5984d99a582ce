import * as assert from 'node:assert/strict';
import { combinedTagPattern, loadTeamConfig } from '../../../../src/core/config/load';
import { formatProblem } from '../../../../src/core/problems';

const FILE = '.dora/config.yaml';

function problemsOf(text: string): string[] {
  const loaded = loadTeamConfig(text, FILE);
  assert.ok(!loaded.ok, 'expected the file to be refused');
  return loaded.problems.map(formatProblem);
}

describe('team configuration (.dora/config.yaml)', () => {
  it('reads every key a team may commit, with capacity defaulting to 2', () => {
    const loaded = loadTeamConfig(
      [
        "tagPattern: ['^v\\d+\\.\\d+\\.\\d+$', '^release-\\d+$']",
        'packages:',
        '  - name: web',
        '    tagPattern: ^web@\\d+\\.\\d+\\.\\d+$',
        '    paths: [apps/web]',
        'package: web',
        'source: tags',
        'defaultBranch: develop',
        'windowDays: 30',
        'leadTimeClock: committer',
        'failureDays: 3',
        'hotfixPattern: hotfix',
        'excludeBots: true',
        'bots: [ci-bot]',
        '',
      ].join('\n'),
      FILE,
    );
    assert.ok(loaded.ok);
    const { config } = loaded.value;
    assert.equal(config.capacity, 2);
    assert.equal(config.package, 'web');
    assert.deepEqual(config.packages, [{ name: 'web', tagPattern: '^web@\\d+\\.\\d+\\.\\d+$', paths: ['apps/web'] }]);
    assert.deepEqual([config.windowDays, config.leadTimeClock, config.failureDays], [30, 'committer', 3]);
    assert.deepEqual([config.excludeBots, config.bots], [true, ['ci-bot']]);
  });

  it('points broken YAML at its line and column', () => {
    const problems = problemsOf('windowDays: 30\ntagPattern: [unclosed\n');
    assert.match(problems[0]!, /^\.dora\/config\.yaml:\d+:\d+: /);
  });

  it('names an unknown key at its line', () => {
    assert.deepEqual(problemsOf('windowDays: 30\nwindowdays: 60\n'), [
      '.dora/config.yaml:2:13: unknown field "windowdays"; check its spelling or remove it (at windowdays)',
    ]);
  });

  it('names a value of the wrong type at the value', () => {
    const problems = problemsOf('source: tags\nwindowDays: "ninety"\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^\.dora\/config\.yaml:2:13: .*number.* \(at windowDays\)$/);
  });

  it('refuses a source it does not know and a window of 0 days, all at once', () => {
    const problems = problemsOf('source: releases\nwindowDays: 0\n');
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /^\.dora\/config\.yaml:1:9: .*"auto".*"commits"/);
    assert.match(problems[1]!, /^\.dora\/config\.yaml:2:13: /);
  });

  it('refuses a pattern that is not a regular expression, at the list item', () => {
    const problems = problemsOf('tagPattern:\n  - ^v\\d+$\n  - ^(release\n');
    assert.equal(problems.length, 1);
    assert.match(
      problems[0]!,
      /^\.dora\/config\.yaml:3:5: The pattern "\^\(release" is not a valid regular expression/,
    );
  });

  it('refuses a branch name git would read as an option, and a package listed twice', () => {
    const problems = problemsOf('defaultBranch: --all\npackages:\n  - name: web\n  - name: web\n');
    assert.deepEqual(problems, [
      '.dora/config.yaml:4:11: package "web" is listed twice; keep one entry (at packages[1].name)',
      '.dora/config.yaml:1:16: "--all" is not a branch name git accepts; use a name like "main", or leave it out to detect the default branch (at defaultBranch)',
    ]);
  });

  it('reads anchors, aliases and core tags, as framework files do', () => {
    const loaded = loadTeamConfig(
      [
        'windowDays: !!int "30"',
        'bots: &bots [ci-bot, release-bot]',
        'excludeBots: true',
        'hotfixPattern: &h hotfix',
        'packages:',
        '  - {name: web, tagPattern: *h}',
      ].join('\n'),
      FILE,
    );
    if (!loaded.ok) assert.fail(loaded.problems.map(formatProblem).join('\n'));
    assert.equal(loaded.value.config.windowDays, 30);
    assert.deepEqual(loaded.value.config.bots, ['ci-bot', 'release-bot']);
    assert.equal(loaded.value.config.packages?.[0]?.tagPattern, 'hotfix');
  });

  it('refuses a custom tag, an alias bomb and an alias inside itself at the tag or alias', () => {
    assert.deepEqual(problemsOf('windowDays: 30\nhotfixPattern: !!js/regexp /hotfix/\n'), [
      `${FILE}:2:16: unknown tag !!js/regexp; this file takes plain YAML values (text, numbers, true or false, lists and mappings) only, so remove the tag`,
    ]);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const k of 'bcdefgh')
      bomb.push(
        `${k}: &${k} [${Array(9)
          .fill(`*${String.fromCharCode(k.charCodeAt(0) - 1)}`)
          .join(', ')}]`,
      );
    assert.match(problemsOf(bomb.join('\n'))[0]!, /^\.dora\/config\.yaml:8:8: with its aliases expanded/);
    assert.match(problemsOf('bots: &b [x, *b]\n')[0]!, /^\.dora\/config\.yaml:1:14: this alias refers to the value/);
  });

  it('says what to do with an empty file', () => {
    assert.match(problemsOf('# nothing yet\n')[0]!, /^\.dora\/config\.yaml:1:1: the file is empty/);
  });

  it('can point at a key after the analysis, for choices that cannot work', () => {
    const loaded = loadTeamConfig('windowDays: 30\ndefaultBranch: trunk\n', FILE);
    assert.ok(loaded.ok);
    const problem = loaded.value.problemAt(['defaultBranch'], 'no such branch');
    assert.equal(formatProblem(problem), '.dora/config.yaml:2:16: no such branch (at defaultBranch)');
  });

  it('joins several tag patterns into one alternative', () => {
    assert.equal(combinedTagPattern(['^v\\d+$', '^r\\d+$']), '(?:^v\\d+$)|(?:^r\\d+$)');
    assert.equal(combinedTagPattern(['^v\\d+$']), '^v\\d+$');
    assert.equal(combinedTagPattern(undefined), undefined);
  });
});
