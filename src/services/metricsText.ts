import { plural } from '../core/text/words';
import { formatHours, formatNumber } from '../core/metrics/describe';
import type { Band, MetricsResult } from '../core/metrics/result';
import { choiceLines } from '../core/config/describe';

/**
 * The git figures with their methods, as plain text for the "DORA Git Metrics" output channel: the
 * place they go when no assessment panel is open. Every figure is followed by how it was computed.
 */
export function metricsText(result: MetricsResult, title: string): string {
  const { deployments: dep, leadTime: lead, changeFailure: cfr, recovery, rework } = result;
  const band = (b: Band | null) => (b ? ` [${b}]` : '');
  const hours = (h: number | null) => (h === null ? 'n/a' : formatHours(h));
  const percent = (p: number | null) => (p === null ? 'n/a' : `${formatNumber(p)} %`);
  const lines = [
    title,
    `Repository: ${result.repository ?? '(unknown)'}`,
    `Window: ${result.window.since} to ${result.window.until} (${plural(result.window.days, 'day')})`,
    '',
    `Deployment frequency: ${plural(dep.count, 'deployment')}, ${formatNumber(dep.perWeek)} per week, ${formatNumber(dep.deployDaysPerWeek)} deploy days per week${band(dep.band)}`,
    `  Method: ${dep.method}`,
    `Lead time for changes: median ${hours(lead.medianHours)}, p90 ${hours(lead.p90Hours)} over ${plural(lead.commits, 'commit')}${band(lead.band)}`,
    `  Method: ${lead.method}`,
    `Change failure rate (heuristic): ${percent(cfr.percent)}, ${cfr.failed} of ${plural(cfr.deployments, 'deployment')}${band(cfr.band)}`,
    `  Rule: ${cfr.rule}`,
    `Time to restore (heuristic): median ${hours(recovery.medianHours)} over ${plural(recovery.incidents, 'incident')}${band(recovery.band)}`,
    `  Rule: ${recovery.rule}`,
    `Rework rate (heuristic): ${percent(rework.percent)}, ${rework.rework} of ${plural(rework.deployments, 'deployment')}`,
    `  Rule: ${rework.rule}`,
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
