/**
 * The project's commit message rules (ARCHITECTURE.md, "Commits"): a subject under 72 characters, and a
 * body that says why. A merge needs no body: what it merges says why.
 */
export const MAX_SUBJECT = 71;

/** What is wrong with one commit message, in plain words; empty when it follows the rules. */
export function commitMessageProblems(message: string, isMerge = false): string[] {
  const lines = message
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line) => !line.startsWith('#'));
  const subject = lines[0]?.trim() ?? '';
  if (subject === '') return ['the subject is empty'];
  const problems: string[] = [];
  if (subject.length > MAX_SUBJECT)
    problems.push(`the subject is ${subject.length} characters; keep it under 72 (at most ${MAX_SUBJECT})`);
  const merge = isMerge || /^Merge (branch|remote-tracking branch|commit|tag|pull request) /.test(subject);
  const body = lines.slice(1).join('\n').trim();
  if (!merge && body === '') problems.push('there is no body: add a blank line and say why the change is made');
  if (!merge && body !== '' && lines[1]?.trim() !== '')
    problems.push('the body must be separated from the subject by a blank line');
  return problems;
}
