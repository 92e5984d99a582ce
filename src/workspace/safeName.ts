/**
 * Turning what people type (titles, team names) into file names that are safe on every platform.
 * No vscode here, so the rules are unit-tested in plain Node.
 */

import { codePoints } from '../core/text/words';

/** Names Windows refuses whatever the extension, e.g. `con.json` or `lpt1.txt`. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

export const MAX_SEGMENT_LENGTH = 48;

/**
 * One path segment built only from letters, digits and single dashes: no separators, no dots (so no `..`
 * and no hidden or extension tricks), no control characters, no Windows reserved name, no trailing
 * dash. Letters of any script are kept, so a team called "Équipe Café" stays readable. Returns "" when
 * nothing usable is left, so the caller can leave the segment out.
 */
export function safeFileSegment(input: string, maxLength = MAX_SEGMENT_LENGTH): string {
  const words = input
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (codePoints(next).length <= maxLength) {
      out = next;
      continue;
    }
    // A single over-long word is cut rather than dropped, so the name never comes out empty.
    if (!out) out = codePoints(word).slice(0, maxLength).join('');
    break;
  }
  return RESERVED.test(out) ? `${out}-1` : out;
}

/** `yyyy-mm-dd` in the user's local calendar: the day they would say they did the assessment. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `<yyyy-mm-dd>-<framework>[-<team>].json`; the framework id goes through the same rules as a team name. */
export function assessmentFileName(options: { now: Date; frameworkId: string; team?: string }): string {
  const framework = safeFileSegment(options.frameworkId) || 'assessment';
  const team = options.team ? safeFileSegment(options.team) : '';
  return `${localDate(options.now)}-${framework}${team ? `-${team}` : ''}.json`;
}

/** `name.json`, then `name-2.json`, `name-3.json`...: the first the `exists` check does not claim. */
export function firstFreeName(name: string, exists: (candidate: string) => boolean): string {
  if (!exists(name)) return name;
  const stem = name.replace(/\.json$/i, '');
  for (let n = 2; n < 1000; n++) {
    const candidate = `${stem}-${n}.json`;
    if (!exists(candidate)) return candidate;
  }
  throw new Error(`Too many assessments named ${name} in one folder; choose another team name or move old files away.`);
}
