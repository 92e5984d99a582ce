import type { Score } from '../framework/schema';
import type { QuestionFact } from './facts';

/**
 * A GFM table. Cells must already be escaped (mdCell / mdInline); `align` takes one letter per
 * column: l, r or c.
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], align?: string): string[] {
  const rule = headers.map((_, i) => {
    const a = align?.[i] ?? 'l';
    return a === 'r' ? '---:' : a === 'c' ? ':---:' : '---';
  });
  const line = (cells: readonly string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(headers), line(rule), ...rows.map(line)];
}

export function scoreLabel(score: Score | undefined): string {
  if (score === undefined) return 'not answered';
  if (score === 0) return 'unknown';
  return `${score}/5`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A question's reference in the report: Q and its position in the framework. The text is written once, under its domain. */
export function questionRef(fact: Pick<QuestionFact, 'order'>): string {
  return `Q${fact.order}`;
}
