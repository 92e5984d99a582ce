import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

export const FIXTURE_WORKSPACE = path.join(repoRoot, 'test', 'fixtures', 'workspace');

const HOUR = 3_600_000;

interface HistoryStep {
  readonly hoursAgo: number;
  readonly message: string;
  /** Annotated tag made right after the commit: what the git analysis counts as a deployment. */
  readonly tag?: string;
}

/**
 * Eight weekly releases over the last eight weeks, each after two commits; one release is followed by
 * a fix and a hotfix tag (a failed change and its recovery), one week contains a revert (rework).
 * Dates are relative to the run so the history always falls inside an analysis window that ends today.
 */
export function fixtureHistory(): HistoryStep[] {
  const steps: HistoryStep[] = [{ hoursAgo: 60 * 24, message: 'chore: start the greeter service' }];
  for (let week = 0; week < 8; week++) {
    const releaseHoursAgo = (56 - 7 * week) * 24;
    steps.push({ hoursAgo: releaseHoursAgo + 50, message: `feat: greeting option ${week + 1}` });
    steps.push({ hoursAgo: releaseHoursAgo + 20, message: `docs: describe greeting option ${week + 1}` });
    if (week === 5)
      steps.push({ hoursAgo: releaseHoursAgo + 6, message: `Revert "docs: describe greeting option ${week + 1}"` });
    steps.push({ hoursAgo: releaseHoursAgo, message: `chore: release 1.${week}.0`, tag: `v1.${week}.0` });
    if (week === 3)
      steps.push({ hoursAgo: releaseHoursAgo - 5, message: 'fix: restore the greeting punctuation', tag: 'v1.3.1' });
  }
  return steps;
}

/** Copies the fixture workspace to dest (which must not exist yet) and optionally gives it a git history. */
export function prepareWorkspace(dest: string, options: { git: boolean }): void {
  fs.cpSync(FIXTURE_WORKSPACE, dest, { recursive: true });
  if (!options.git) return;

  // A fixed start hour keeps the history the same shape whatever time of day the run starts.
  const anchor = new Date();
  anchor.setUTCHours(12, 0, 0, 0);
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Fixture Author',
    GIT_AUTHOR_EMAIL: 'author@example.invalid',
    GIT_COMMITTER_NAME: 'Fixture Author',
    GIT_COMMITTER_EMAIL: 'author@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  };
  const git = (args: string[], env: NodeJS.ProcessEnv = baseEnv): void => {
    execFileSync('git', args, { cwd: dest, env, stdio: ['ignore', 'ignore', 'pipe'] });
  };
  git(['init', '--quiet', '--initial-branch=main']);
  const changelog = path.join(dest, 'CHANGELOG.md');
  for (const step of fixtureHistory()) {
    const date = new Date(anchor.getTime() - step.hoursAgo * HOUR).toISOString();
    const env = { ...baseEnv, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    fs.appendFileSync(changelog, `\n- ${step.message}\n`);
    git(['add', '--all'], env);
    git(['commit', '--quiet', '--no-gpg-sign', '-m', step.message], env);
    if (step.tag) git(['tag', '--annotate', '--no-sign', step.tag, '-m', `Release ${step.tag}`], env);
  }
}
