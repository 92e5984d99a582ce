import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FixtureRepo } from './fixtureRepo';

export interface ChangeOptions {
  /** A file the commit writes (relative to the repository); by default a file per subject under src/. */
  readonly file?: string;
  /** "Name <email>" of the author; the fixture's own author otherwise. */
  readonly author?: string;
  /** Committer time, when it differs from the author time. */
  readonly committed?: string;
  readonly body?: string;
}

let serial = 0;

/** A commit that changes a file, as real changes (and the reverts of them) do. */
export function change(repo: FixtureRepo, subject: string, at: string, options: ChangeOptions = {}): string {
  const file = options.file ?? `src/change-${++serial}.txt`;
  const full = path.join(repo.dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, `${subject}\n${at}\n`);
  repo.git(['add', '--', file]);
  const message = options.body === undefined ? subject : `${subject}\n\n${options.body}`;
  const author = options.author === undefined ? [] : [`--author=${options.author}`];
  return repo.commitWith([...author, '-m', message], { author: at, committer: options.committed ?? at });
}

/** What `git revert` does to the file a change wrote: rewrites it, here with a commit message of our choosing. */
export function revertChange(repo: FixtureRepo, file: string, message: string, at: string): string {
  writeFileSync(path.join(repo.dir, file), `reverted\n${at}\n`);
  repo.git(['add', '--', file]);
  return repo.commitWith(['-m', message], { author: at, committer: at });
}

/** ISO time `days` days (and `hours` hours) after `start`. */
export function plusDays(start: string, days: number, hours = 0): string {
  return new Date(Date.parse(start) + (days * 24 + hours) * 3_600_000).toISOString().replace('.000Z', 'Z');
}

/**
 * Weekly patch releases of one package, as many projects ship: v2.0.0 on Monday 2024-01-01 and v2.0.k every
 * Monday after, each with one change committed the day before; `afterWeek` may add releases in between.
 */
export function weeklyReleases(
  weeks: number,
  afterWeek?: (repo: FixtureRepo, week: number, release: string, nextTag: () => string) => void,
): FixtureRepo {
  const repo = FixtureRepo.create('dora-weekly-');
  let patch = 0;
  const nextTag = () => `v2.0.${patch++}`;
  for (let k = 0; k < weeks; k++) {
    const release = plusDays('2024-01-01T10:00:00Z', 7 * k);
    change(repo, `Change for week ${k}`, plusDays(release, -1));
    repo.annotatedTag(nextTag(), release);
    afterWeek?.(repo, k, release, nextTag);
  }
  return repo;
}

/**
 * A project that merges in an unrelated history (a library imported with its own root): v0.9.0 on
 * 2024-02-01, then the import and one change of the team's own, released as v1.0.0 on 2024-03-01.
 */
export function importedHistory(libraryCommits: number): { repo: FixtureRepo; library: FixtureRepo } {
  const library = FixtureRepo.create('dora-imported-');
  for (let day = 1; day <= libraryCommits; day++) change(library, `Library commit ${day}`, `2015-01-0${day}T10:00:00Z`);
  const repo = FixtureRepo.create();
  change(repo, 'Start project', '2024-02-01T10:00:00Z');
  repo.annotatedTag('v0.9.0', '2024-02-01T12:00:00Z');
  repo.git(['fetch', '-q', library.dir, 'main:library']);
  repo.git(['merge', '-q', '--no-ff', '--allow-unrelated-histories', '-m', 'Import the library', 'library'], {
    author: '2024-03-01T10:00:00Z',
  });
  change(repo, 'Use the library', '2024-03-01T11:00:00Z');
  repo.annotatedTag('v1.0.0', '2024-03-01T12:00:00Z');
  return { repo, library };
}
