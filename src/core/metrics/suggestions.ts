import { plural } from '../text/words';
import type { Evidence } from '../assessment/schema';
import type { Framework, Measure } from '../framework/schema';
import { allQuestions, describeThreshold, matchingThreshold } from '../framework/suggest';
import { deploymentSource, formatHours, formatNumber, leadTimeNotes } from './describe';
import type { MetricSuggestion, MetricsResult } from './result';

interface Measured {
  readonly value: number;
  readonly summary: string;
  readonly method: string;
  readonly heuristic: boolean;
}

/** The value of each measure a framework can threshold, with the sentence that explains it; absent when there is no data. */
export function measuresOf(result: MetricsResult): Partial<Record<Measure, Measured>> {
  const { deployments: dep, leadTime: lead, changeFailure: cfr, recovery, rework } = result;
  const days = plural(result.window.days, 'day');
  const source = deploymentSource({
    source: dep.source,
    pattern: dep.pattern,
    defaultBranch: dep.defaultBranch ?? null,
  });
  const measures: Partial<Record<Measure, Measured>> = {};
  // The frequency band is null only when the history has no deployment at all: then nothing is measured.
  const anyDeployment = dep.band !== null;
  if (anyDeployment) {
    measures.deploymentsPerWeek = {
      value: dep.perWeek,
      summary: `${plural(dep.count, 'deployment')} in ${days} (${source}), ${formatNumber(dep.perWeek)} per week`,
      method: dep.method,
      heuristic: false,
    };
    const distinct = dep.distinctDays ?? Math.round((dep.deployDaysPerWeek * result.window.days) / 7);
    measures.deployDaysPerWeek = {
      value: dep.deployDaysPerWeek,
      summary: `deployed on ${plural(distinct, 'distinct day')} in ${days} (${source}), ${formatNumber(dep.deployDaysPerWeek)} per week`,
      method: dep.method,
      heuristic: false,
    };
  }
  // Merge to deploy is not DORA's lead time: scored against lead time thresholds, it would flatter the team.
  const dora = lead.kind !== 'merge-to-deploy';
  const shipped = `over ${plural(lead.commits, 'commit')} shipped by ${plural(dep.count, 'deployment')} in ${days}${leadTimeNotes(lead)}`;
  if (dora && lead.medianHours !== null) {
    measures.leadTimeMedianHours = {
      value: lead.medianHours,
      summary: `median lead time ${formatHours(lead.medianHours)} ${shipped}`,
      method: lead.method,
      heuristic: false,
    };
  }
  if (dora && lead.p90Hours !== null) {
    measures.leadTimeP90Hours = {
      value: lead.p90Hours,
      summary: `p90 lead time ${formatHours(lead.p90Hours)} ${shipped}`,
      method: lead.method,
      heuristic: false,
    };
  }
  if (cfr.percent !== null) {
    measures.changeFailurePercent = {
      value: cfr.percent,
      summary: `${cfr.failed} of ${plural(cfr.deployments, 'deployment')} in ${days} followed by a revert or hotfix (${formatNumber(cfr.percent)} %)`,
      method: cfr.rule,
      heuristic: true,
    };
  }
  if (rework.percent !== null) {
    measures.reworkPercent = {
      value: rework.percent,
      summary: `${rework.rework} of ${plural(rework.deployments, 'deployment')} in ${days} were unplanned fixes (${formatNumber(rework.percent)} %)`,
      method: rework.rule,
      heuristic: true,
    };
  }
  if (recovery.medianHours !== null) {
    measures.recoveryMedianHours = {
      value: recovery.medianHours,
      summary: `median ${formatHours(recovery.medianHours)} from a failed deployment to the deployment of its fix, over ${plural(recovery.incidents, 'incident')} in ${days}`,
      method: recovery.rule,
      heuristic: true,
    };
  }
  return measures;
}

/**
 * One suggestion per question whose `suggest.measure` was measured and whose thresholds give a score.
 * The thresholds come from the framework's YAML; nothing here knows what a good value is.
 */
export function suggestionsFor(framework: Framework, result: MetricsResult): MetricSuggestion[] {
  const measures = measuresOf(result);
  const suggestions: MetricSuggestion[] = [];
  for (const question of allQuestions(framework)) {
    const suggest = question.suggest;
    const measured = suggest ? measures[suggest.measure] : undefined;
    if (!suggest || !measured) continue;
    const rule = matchingThreshold(suggest, measured.value);
    if (rule === undefined) continue;
    const score = rule.score;
    const evidence: Evidence = {
      source: 'git',
      metric: suggest.metric,
      measure: suggest.measure,
      value: measured.value,
      suggestedScore: score,
      summary: measured.summary,
      method: measured.method,
      window: result.window,
      ...(measured.heuristic ? { heuristic: true } : {}),
    };
    const reason = `${capitalize(measured.summary)}; ${formatNumber(measured.value)} ${describeThreshold(rule, formatNumber)} gives score ${score}${measured.heuristic ? ' (heuristic)' : ''}.`;
    suggestions.push({ questionId: question.id, score, reason, evidence });
  }
  return suggestions;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
