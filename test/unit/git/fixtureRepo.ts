import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * A real git repository in a temp folder, written with fixed author and committer dates so every
 * figure the analysis derives from it is known in advance. Times are ISO strings with an offset.
 */
export class FixtureRepo {
  private constructor(readonly dir: string) {}

  static create(prefix = 'dora-git-'): FixtureRepo {
    const repo = new FixtureRepo(mkdtempSync(path.join(tmpdir(), prefix)));
    repo.git(['init', '-q', '-b', 'main']);
    return repo;
  }

  /** A folder that is not a repository, removed by dispose like a repository. */
  static emptyFolder(): FixtureRepo {
    return new FixtureRepo(mkdtempSync(path.join(tmpdir(), 'dora-plain-')));
  }

  /** An independent copy, much cheaper than writing the same history again. */
  copy(): FixtureRepo {
    const target = mkdtempSync(path.join(tmpdir(), 'dora-copy-'));
    cpSync(this.dir, target, { recursive: true });
    return new FixtureRepo(target);
  }

  git(args: readonly string[], dates?: { author?: string; committer?: string }, cwd = this.dir): string {
    const committer = dates?.committer ?? dates?.author ?? '2000-01-01T00:00:00Z';
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Ada',
        GIT_AUTHOR_EMAIL: 'ada@example.com',
        GIT_COMMITTER_NAME: 'Ada',
        GIT_COMMITTER_EMAIL: 'ada@example.com',
        GIT_AUTHOR_DATE: dates?.author ?? committer,
        GIT_COMMITTER_DATE: committer,
      },
    }).trim();
  }

  /**
   * `git commit` with these arguments; returns the new commit's hash, read from git's summary line
   * (`[main 1a2b…] subject`, the hash in full with core.abbrev=no), which saves a `rev-parse` per commit.
   */
  commitWith(args: readonly string[], dates: { author: string; committer?: string }): string {
    const summary = this.git(['-c', 'core.abbrev=no', 'commit', ...args], dates);
    const hash = /^\[.*? ([0-9a-f]{40})\]/.exec(summary)?.[1];
    if (hash === undefined) throw new Error(`git commit printed no commit hash: ${summary}`);
    return hash;
  }

  /** An empty commit on the current branch; returns its hash. */
  commit(message: string, author: string, committer = author): string {
    return this.commitWith(['--allow-empty', '-m', message], { author, committer });
  }

  /** A commit that writes the given files (path → content, folders created); returns its hash. */
  commitFiles(message: string, files: Readonly<Record<string, string>>, author: string, committer = author): string {
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
      writeFileSync(path.join(this.dir, file), content);
    }
    this.git(['add', '-A']);
    return this.commitWith(['-m', message], { author, committer });
  }

  head(): string {
    return this.git(['rev-parse', 'HEAD']);
  }

  /** A lightweight tag: its time is the tagged commit's committer date. */
  lightweightTag(name: string, target = 'HEAD'): void {
    this.git(['tag', name, target]);
  }

  /** An annotated tag: its time is the tagger date given here. */
  annotatedTag(name: string, at: string, target = 'HEAD'): void {
    this.git(['tag', '-a', '-m', `Release ${name}`, name, target], { committer: at });
  }

  branch(name: string, from = 'HEAD'): void {
    this.git(['checkout', '-q', '-b', name, from]);
  }

  checkout(name: string): void {
    this.git(['checkout', '-q', name]);
  }

  /** A merge commit (never fast-forward) of `branch` into the current branch. */
  merge(branch: string, message: string, at: string): string {
    this.git(['merge', '-q', '--no-ff', '-m', message, branch], { author: at, committer: at });
    return this.head();
  }

  /** A commit whose message is the one `git revert` writes: "This reverts commit <full hash>." */
  revert(hash: string, subject: string, at: string): string {
    return this.commit(`Revert "${subject}"\n\nThis reverts commit ${hash}.`, at);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
