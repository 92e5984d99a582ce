/**
 * Bot commits (dependency updates, generated changelogs) are not the team's changes waiting to ship: they
 * are reported apart from lead time, and left out of it when the team asks.
 */

/** What marks a bot in an author's name or email, matched case-insensitively as plain text. */
export const DEFAULT_BOT_PATTERNS: readonly string[] = ['[bot]', 'dependabot', 'renovate', 'github-actions'];

/** Per author ("name <email>"), 1 when it is a bot. Plain substrings, so a list from a config file cannot hang. */
export function botAuthors(authors: readonly string[], patterns: readonly string[]): Uint8Array {
  const needles = patterns.map((p) => p.trim().toLowerCase()).filter((p) => p !== '');
  return Uint8Array.from(authors, (author) => {
    const identity = author.toLowerCase();
    return needles.some((needle) => identity.includes(needle)) ? 1 : 0;
  });
}
