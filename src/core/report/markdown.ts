import type { MetricKey, Score } from '../framework/schema';

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

export const METRIC_LABEL: Record<MetricKey, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  recoveryTime: 'Failed deployment recovery time',
};

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

/** Trims trailing zeros: 2.50 → 2.5, 3.00 → 3. */
export function formatNumber(value: number, decimals = 1): string {
  const text = value.toFixed(decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Hours as people say them: 45 min, 18.5 h, 3.2 days. */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${formatNumber(hours)} h`;
  return `${formatNumber(hours / 24)} days`;
}
