/** `1 deployment`, `3 deployments`: shared by the metric texts and the report. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The code points of `text`, so a length or a cut never splits a surrogate pair. Callers pass text already
 * reduced to letters and digits, where a code point is a whole character (no combining marks or emoji joins).
 */
export function codePoints(text: string): string[] {
  return Array.from(text);
}
