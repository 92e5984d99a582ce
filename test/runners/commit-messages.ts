/**
 * Checks commit messages against the project's rules (test/runners/lib/commitMessage.ts).
 *   --hook FILE    git's commit-msg hook (.githooks/commit-msg): refuses the commit being made
 *   --since REV    every commit after REV on HEAD, for `npm test`
 *   --install      points git at .githooks/ (`npm install` runs this through `prepare`)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { commitMessageProblems } from './lib/commitMessage';
import { repoRoot } from './lib/paths';

const git = (...args: string[]): string => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' });

function insideGit(): boolean {
  try {
    return git('rev-parse', '--is-inside-work-tree').trim() === 'true';
  } catch {
    return false;
  }
}

function checkHook(file: string): number {
  // A merge in progress has MERGE_HEAD; its message needs no body.
  const merging = existsSync(path.resolve(repoRoot, git('rev-parse', '--git-path', 'MERGE_HEAD').trim()));
  const problems = commitMessageProblems(readFileSync(file, 'utf8'), merging);
  for (const problem of problems) console.error(`commit message: ${problem}`);
  if (problems.length > 0) console.error('The message is kept in .git/COMMIT_EDITMSG: edit it and commit again.');
  return problems.length > 0 ? 1 : 0;
}

function checkSince(revision: string): number {
  try {
    git('cat-file', '-e', `${revision}^{commit}`);
  } catch {
    console.log(`commit messages: ${revision} is not in this clone (a shallow clone?), so nothing was checked`);
    return 0;
  }
  const log = git('log', '--format=%H%x00%P%x00%B%x1e', `${revision}..HEAD`);
  let bad = 0;
  let count = 0;
  for (const record of log.split('\x1e')) {
    const [hash = '', parents = '', message = ''] = record.replace(/^\n/, '').split('\0');
    if (hash === '') continue;
    count++;
    const problems = commitMessageProblems(message, parents.includes(' '));
    if (problems.length === 0) continue;
    bad++;
    console.log(`${hash.slice(0, 7)} ${message.split('\n')[0] ?? ''}\n  ${problems.join('\n  ')}`);
  }
  console.log(`commit messages: ${count - bad} of ${count} commits after ${revision.slice(0, 7)} follow the rules`);
  return bad > 0 ? 1 : 0;
}

const { values } = parseArgs({
  options: { hook: { type: 'string' }, since: { type: 'string' }, install: { type: 'boolean' } },
});
if (values.install) {
  // Outside a git work tree (an unpacked tarball) there is nothing to install.
  if (insideGit()) git('config', 'core.hooksPath', '.githooks');
} else if (values.hook !== undefined) {
  process.exitCode = checkHook(values.hook);
} else if (values.since !== undefined) {
  process.exitCode = checkSince(values.since);
} else {
  console.error('usage: commit-messages.ts --hook FILE | --since REV | --install');
  process.exitCode = 2;
}
