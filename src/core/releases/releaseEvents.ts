import type { DatedTag } from './families';

/** The tags on one commit: many packages published together are one deployment. */
export interface ReleaseEvent {
  readonly commit: string;
  /** The earliest tag's time: when the commit first went out. */
  readonly time: number;
  /** The earliest tag's name: what the event is known by. */
  readonly name: string;
  /** Tag names, earliest first (ties by name). */
  readonly tags: readonly string[];
}

/**
 * Groups tags by the commit they point at. Tags without a commit (a tag of a tree or blob) or without a
 * time are left out: they cannot be placed in the history.
 *
 * One sort of all the tags (by time, then name) does it: a commit's first tag in that order is its
 * earliest, the rest follow in order, and the events come out in the order of their first tags. That is
 * the order asked for, without a sort per commit and another of the events (12,000 tags, a tenth of a second).
 */
export function releaseEvents(tags: readonly DatedTag[]): ReleaseEvent[] {
  const dated: Array<{ name: string; commit: string; time: number }> = [];
  for (const tag of tags)
    if (tag.commit !== null && tag.time !== null) dated.push({ name: tag.name, commit: tag.commit, time: tag.time });
  dated.sort((a, b) => a.time - b.time || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byCommit = new Map<string, string[]>();
  const events: ReleaseEvent[] = [];
  for (const { name, commit, time } of dated) {
    const names = byCommit.get(commit);
    if (names) {
      names.push(name);
      continue;
    }
    const first = [name];
    byCommit.set(commit, first);
    events.push({ commit, time, name, tags: first });
  }
  return events;
}

/** Events with since < time ≤ until, the window's rule for deployments. */
export function eventsInWindow(events: readonly ReleaseEvent[], since: number, until: number): ReleaseEvent[] {
  return events.filter((event) => event.time > since && event.time <= until);
}
