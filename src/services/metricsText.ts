import { plural } from '../core/text/words';
import type { MetricsResult } from '../core/metrics/result';
import { metricFacts } from '../core/vocabulary/metrics';
import { choiceLines } from '../core/config/describe';

/**
 * The git figures with their methods, as plain text for the "DORA Git Metrics" output channel: the
 * place they go when no assessment panel is open. Every figure is followed by how it was computed.
 */
export function metricsText(result: MetricsResult, title: string): string {
  const lines = [
    title,
    `Repository: ${result.repository ?? '(unknown)'}`,
    `Window: ${result.window.since} to ${result.window.until} (${plural(result.window.days, 'day')})`,
    '',
    ...metricFacts(result).flatMap((f) => [
      `${f.name}${f.heuristic ? ' (heuristic)' : ''}: ${f.value}, ${f.detail}${f.band ? ` [DORA 2024: ${f.band}]` : ''}`,
      `  ${f.heuristic ? 'Rule' : 'Method'}: ${f.method}`,
    ]),
  ];
  if (result.suggestions.length > 0) {
    lines.push('', 'Suggested answers:');
    for (const suggestion of result.suggestions)
      lines.push(`  ${suggestion.questionId}: ${suggestion.score} (${suggestion.reason})`);
  }
  if (result.settings) lines.push('', ...choiceLines(result.settings));
  if (result.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const warning of result.warnings) lines.push(`  - ${warning}`);
  }
  return `${lines.join('\n')}\n`;
}
