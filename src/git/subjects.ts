import type { Subjects } from '../core/explain/ledger';
import { gitFailure, runGit } from './run';
import type { GitContext } from './run';

/** Subjects beyond this many are not read: the ledger pages through them anyway, and git stays quick. */
const MAX_SUBJECTS = 50_000;

/**
 * The subjects of the given commits, in one `git log --no-walk --stdin` call: the streamed history pass
 * does not keep every subject, so the ledger asks for just the window's commits once, then reuses them.
 */
export async function readSubjects(context: GitContext, hashes: readonly string[]): Promise<Map<string, string>> {
  const subjects = new Map<string, string>();
  const wanted = hashes.slice(0, MAX_SUBJECTS);
  if (wanted.length === 0) return subjects;
  const output = await runGit(
    context,
    ['log', '--no-walk=unsorted', '--stdin', '--format=%H%x00%s'],
    `${wanted.join('\n')}\n`,
  );
  if (output.code !== 0) throw gitFailure('Reading commit subjects', output);
  for (const line of output.stdout.toString('utf8').split('\n')) {
    const cut = line.indexOf('\0');
    if (cut > 0) subjects.set(line.slice(0, cut), line.slice(cut + 1));
  }
  return subjects satisfies Subjects;
}
