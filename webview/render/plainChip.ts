import type { Evidence } from '../../src/core/assessment/schema';
import { aboutPerWeek } from '../../src/core/quickcheck/prefill';
import { LEVELS } from '../../src/core/scoring/levels';
import { formatDuration, formatNumber, formatPercent } from '../../src/core/vocabulary/format';

/**
 * A suggestion in words a newcomer reads at a glance: "About 2 releases a week (23 in 90 days) → score 4
 * (High)". The pattern, the rule and the method stay under "How this was measured".
 */
export function plainSuggestion(evidence: Evidence, score: number): string {
  const level = LEVELS.find((l) => l.level === score)?.name;
  return `${plainMeasure(evidence)} → score ${score}${level ? ` (${level})` : ''}`;
}

function plainMeasure({ measure, value, window }: Evidence): string {
  const days = window?.days;
  switch (measure) {
    case 'deploymentsPerWeek':
      return `${aboutPerWeek(value, 'release')}${days ? ` (${Math.round((value * days) / 7)} in ${formatNumber(days, 0)} days)` : ''}`;
    case 'deployDaysPerWeek':
      return `Deploys on about ${formatNumber(value)} days a week`;
    case 'leadTimeMedianHours':
      return `Half of the changes reach production within ${formatDuration(value)}`;
    case 'leadTimeP90Hours':
      return `9 in 10 changes reach production within ${formatDuration(value)}`;
    case 'changeFailurePercent':
      return `About ${formatPercent(value)} of deployments needed a fix`;
    case 'reworkPercent':
      return `About ${formatPercent(value)} of deployments were unplanned fixes`;
    case 'recoveryMedianHours':
      return `A failed deployment is usually fixed within ${formatDuration(value)}`;
  }
}
