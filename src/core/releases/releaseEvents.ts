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
 */
export function releaseEvents(tags: readonly DatedTag[]): ReleaseEvent[] {
  const byCommit = new Map<string, Array<{ name: string; time: number }>>();
  for (const tag of tags) {
    if (tag.commit === null || tag.time === null) continue;
    let group = byCommit.get(tag.commit);
    if (!group) byCommit.set(tag.commit, (group = []));
    group.push({ name: tag.name, time: tag.time });
  }
  const events: ReleaseEvent[] = [];
  for (const [commit, group] of byCommit) {
    group.sort((a, b) => a.time - b.time || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const [first] = group;
    if (first) events.push({ commit, time: first.time, name: first.name, tags: group.map((t) => t.name) });
  }
  return events.sort((a, b) => a.time - b.time || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Events with since < time ≤ until, the window's rule for deployments. */
export function eventsInWindow(events: readonly ReleaseEvent[], since: number, until: number): ReleaseEvent[] {
  return events.filter((event) => event.time > since && event.time <= until);
}
