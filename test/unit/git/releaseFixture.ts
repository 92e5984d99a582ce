import { DEFAULT_TAG_PATTERN } from '../../../src/core/metrics/patterns';
import { FixtureRepo } from './fixtureRepo';

/**
 * The history most analysis tests read, with every time fixed (all UTC):
 *
 *   c1 03-01 00:00 ─ c2 03-01 12:00 ─ c3 03-03 00:00 (committed 06:00) ─────────── m1 03-05 12:00 ─ c4 ─ c5 (reverts f1) ─ c6
 *                                        └─ f1 03-04 00:00 ─ f2 03-05 00:00 (committed 20:00) ─┘
 *
 *   v1.0.0-rc1  lightweight on c1                  (a pre-release: not a deployment)
 *   v1.0.0      annotated on c2 at 03-02 00:00     (exactly at "since" of the 7-day window to 03-09)
 *   v1.1.0-rc1  annotated on c3 at 03-03 01:00     (a pre-release)
 *   v1.1.0      lightweight on c3 → 03-03 06:00    (c3's committer date)
 *   v1.2.0      annotated on m1 at 03-06 00:00
 *   1.2.0       annotated on m1 at 03-06 02:00     (a second tag on the same commit: ships nothing)
 *   v1.2.1      annotated on c5 at 03-07 12:00     (a patch release that also ships the revert of f1)
 *   v1.3.0      lightweight on c6 → 03-08 00:00
 *   v1.4.0      annotated on c3 at 03-09 00:00     (on a commit v1.1.0 already ships; exactly at "until")
 */
/** The commits of the history above, by the names the diagram gives them. */
type ReleaseHashes = Readonly<Record<'c1' | 'c2' | 'c3' | 'f1' | 'f2' | 'm1' | 'c4' | 'c5' | 'c6', string>>;

export function releaseHistory(): { repo: FixtureRepo; hashes: ReleaseHashes } {
  template ??= writeReleaseHistory();
  return { repo: template.repo.copy(), hashes: template.hashes };
}

let template: { repo: FixtureRepo; hashes: ReleaseHashes } | undefined;
process.once('exit', () => template?.repo.dispose());

function writeReleaseHistory(): { repo: FixtureRepo; hashes: ReleaseHashes } {
  const repo = FixtureRepo.create();
  const c1 = repo.commit('feat: c1', '2024-03-01T00:00:00Z');
  repo.lightweightTag('v1.0.0-rc1');
  const c2 = repo.commit('feat: c2', '2024-03-01T12:00:00Z');
  repo.annotatedTag('v1.0.0', '2024-03-02T00:00:00Z');
  const c3 = repo.commit('feat: c3', '2024-03-03T00:00:00Z', '2024-03-03T06:00:00Z');
  repo.annotatedTag('v1.1.0-rc1', '2024-03-03T01:00:00Z');
  repo.lightweightTag('v1.1.0');
  repo.branch('feature');
  const f1 = repo.commit('feat: f1', '2024-03-04T00:00:00Z');
  const f2 = repo.commit('feat: f2', '2024-03-05T00:00:00Z', '2024-03-05T20:00:00Z');
  repo.checkout('main');
  const m1 = repo.merge('feature', "Merge branch 'feature'", '2024-03-05T12:00:00Z');
  repo.annotatedTag('v1.2.0', '2024-03-06T00:00:00Z');
  repo.annotatedTag('1.2.0', '2024-03-06T02:00:00Z');
  const c4 = repo.commit('feat: c4', '2024-03-06T06:00:00Z');
  const c5 = repo.revert(f1, 'feat: f1', '2024-03-07T00:00:00Z');
  repo.annotatedTag('v1.2.1', '2024-03-07T12:00:00Z');
  const c6 = repo.commit('feat: c6', '2024-03-08T00:00:00Z');
  repo.lightweightTag('v1.3.0');
  repo.annotatedTag('v1.4.0', '2024-03-09T00:00:00Z', c3);
  return { repo, hashes: { c1, c2, c3, f1, f2, m1, c4, c5, c6 } };
}

/** The window the expectations are written for: 03-02 00:00 < t ≤ 03-09 00:00. */
export const WINDOW = { until: new Date('2024-03-09T00:00:00Z'), days: 7 } as const;

/**
 * The window with the tag pattern given explicitly, as the exactness tests read it: every figure then
 * follows docs/metrics.md's definitions tag by tag, without release detection.
 */
export const EXACT = { ...WINDOW, tagPattern: DEFAULT_TAG_PATTERN } as const;
