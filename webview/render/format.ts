import type { AssessmentWindow } from '../../src/core/assessment/schema';
import { levelLabel } from '../../src/core/scoring/levels';
import type { Level } from '../../src/core/scoring/levels';
import { formatPercent } from '../../src/core/scoring/score';

/** "62.5% · Level 4 High", the one way a score is written in the panel. */
export function scoreLine(percent: number | undefined, level: Level | undefined): string {
  if (percent === undefined || level === undefined) return 'Not scored yet';
  return `${formatPercent(percent)} · ${levelLabel(level)}`;
}

/** Hours as people say them: "45 min", "19 h", "3.5 days". */
export function duration(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${round(hours)} h`;
  return `${round(hours / 24)} days`;
}

export function number(value: number | null, unit = ''): string {
  if (value === null) return '—';
  return `${round(value)}${unit}`;
}

export function windowLine(window: AssessmentWindow): string {
  return `${day(window.since)} to ${day(window.until)} (${round(window.days)} days)`;
}

function day(stamp: string): string {
  const date = new Date(stamp);
  return Number.isNaN(date.getTime()) ? stamp : date.toISOString().slice(0, 10);
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export const MEASURE_LABELS: Readonly<Record<string, string>> = {
  deploymentsPerWeek: 'deployments per week',
  deployDaysPerWeek: 'days with a deployment per week',
  leadTimeMedianHours: 'median lead time (hours)',
  leadTimeP90Hours: '90th percentile lead time (hours)',
  changeFailurePercent: 'change failure rate (%)',
  reworkPercent: 'rework rate (%)',
  recoveryMedianHours: 'median time to restore (hours)',
};
