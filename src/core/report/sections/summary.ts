import { plural } from '../../text/words';
import { METRIC_KEYS } from '../../framework/schema';
import type { MetricKey, Score } from '../../framework/schema';
import type { MetricsResult } from '../../metrics/result';
import { levelFor, levelLabel } from '../../scoring/levels';
import { formatPercent } from '../../scoring/score';
import { mdCell, mdInline } from '../escape';
import { guidanceFor, hasGap, isUnknown } from '../facts';
import type { DomainFact, QuestionFact, RankedRecommendation, ReportFacts } from '../facts';
import { METRIC_LABEL, scoreLabel, table } from '../markdown';
import { measuredMetric } from './measured';

const MAX_LISTED = 5;

export function summarySection(
  facts: ReportFacts,
  ranked: readonly RankedRecommendation[],
  metrics: MetricsResult | undefined,
): string[] {
  const out = ['## Executive summary', '', ...overallLines(facts), ''];
  const metricRows = keyMetricRows(facts, metrics);
  if (metricRows.length > 0) {
    const headers = ['Key metric', 'Assessed in', 'Score', 'DORA performance', ...(metrics ? ['Measured in git'] : [])];
    out.push('### The four key metrics', '', ...table(headers, metricRows, 'llrll'), '');
  }
  out.push('### Key strengths', '', ...strengths(facts), '');
  out.push('### Key concerns', '', ...concerns(facts), '');
  out.push('### Critical recommendations', '');
  if (ranked.length === 0) out.push('None yet: no question is scored between 1 and 4, so there is no gap to rank.', '');
  else out.push(...ranked.map((r, i) => `${i + 1}. ${recommendationLine(r)}`), '');
  return out;
}

function overallLines(facts: ReportFacts): string[] {
  const { score } = facts;
  const headline = score.level
    ? `**Overall: ${formatPercent(score.percent)}, ${levelLabel(score.level)}** (DORA ${score.level.performance} performance).`
    : '**Overall: not scored yet.** No question has a score from 1 to 5.';
  const unanswered = score.total - score.answered;
  const completeness = [
    `${score.answered} of ${plural(score.total, 'question')} answered`,
    score.unknown > 0 ? `${score.unknown} of them unknown or not applicable` : '',
    unanswered > 0 ? `${unanswered} still open` : '',
  ].filter(Boolean);
  return [headline, '', `Completeness: ${completeness.join('; ')}.`];
}

/** One row per key metric the framework binds to a domain; a metric spread over several domains takes their weighted mean. */
function keyMetricRows(facts: ReportFacts, metrics: MetricsResult | undefined): string[][] {
  const rows: string[][] = [];
  for (const key of METRIC_KEYS) {
    const bound = facts.domains.filter((d) => d.domain.metric === key);
    if (bound.length === 0) continue;
    const percent = weightedPercent(bound);
    const performance = percent === undefined ? 'not scored' : levelFor(percent).performance;
    const row = [
      METRIC_LABEL[key],
      bound.map((d) => mdCell(d.domain.name)).join(', '),
      formatPercent(percent),
      performance,
    ];
    if (metrics) row.push(measuredCell(key, metrics));
    rows.push(row);
  }
  return rows;
}

function measuredCell(key: MetricKey, metrics: MetricsResult): string {
  const measured = measuredMetric(key, metrics);
  return `${measured.band ?? 'no band'}: ${mdCell(measured.value)}`;
}

/** A domain with a percentage: at least one of its questions is scored 1 to 5. */
type RatedDomain = DomainFact & { readonly score: { readonly percent: number } };
const isRated = (d: DomainFact): d is RatedDomain => d.score.percent !== undefined;
type ScoredQuestion = QuestionFact & { readonly score: Score };
const isScored = (f: QuestionFact): f is ScoredQuestion => f.score !== undefined;

function weightedPercent(domains: readonly DomainFact[]): number | undefined {
  const rated = domains.filter(isRated);
  const weight = rated.reduce((sum, d) => sum + d.domain.weight, 0);
  if (weight === 0) return undefined;
  return Math.round((rated.reduce((sum, d) => sum + d.domain.weight * d.score.percent, 0) / weight) * 10) / 10;
}

function domainLine(d: DomainFact): string {
  return `**${mdInline(d.domain.name)}** at ${formatPercent(d.score.percent)} (${d.score.level ? levelLabel(d.score.level) : 'not scored'})`;
}

function questionLine(fact: QuestionFact): string {
  const guidance = fact.score === undefined ? '' : `: ${mdInline(guidanceFor(fact.question, fact.score))}`;
  return `**${mdInline(fact.question.text)}** (${mdInline(fact.domain.name)}), ${scoreLabel(fact.score)}${guidance}`;
}

const byWeightThenOrder = (a: QuestionFact, b: QuestionFact) => b.domain.weight - a.domain.weight || a.order - b.order;

function strengths(facts: ReportFacts): string[] {
  const scored = facts.domains.filter(isRated);
  if (scored.length === 0) return ['Nothing is scored yet, so no strength stands out.'];
  const strong = scored
    .filter((d) => d.score.percent >= 60)
    .sort((a, b) => b.score.percent - a.score.percent)
    .slice(0, 3);
  const lines = strong.map((d) => `- ${domainLine(d)}`);
  if (strong.length === 0) {
    // The first of the highest, as a stable sort would pick.
    const best = scored.reduce((top, d) => (d.score.percent > top.score.percent ? d : top));
    lines.push(`- No domain reaches the High band (60%) yet; the strongest is ${domainLine(best)}.`);
  }
  const questions = facts.questions
    .filter(isScored)
    .filter((f) => f.score >= 4)
    .sort((a, b) => b.score - a.score || byWeightThenOrder(a, b))
    .slice(0, MAX_LISTED);
  lines.push(...questions.map((f) => `- ${questionLine(f)}`));
  return lines;
}

function concerns(facts: ReportFacts): string[] {
  const weak = facts.domains
    .filter(isRated)
    .filter((d) => d.score.percent < 40)
    .sort((a, b) => a.score.percent - b.score.percent)
    .slice(0, 3);
  const low = facts.questions
    .filter(hasGap)
    .filter((f) => f.score <= 2)
    .sort((a, b) => a.score - b.score || byWeightThenOrder(a, b))
    .slice(0, MAX_LISTED);
  const unknown = facts.questions.filter(isUnknown);
  const lines = [...weak.map((d) => `- ${domainLine(d)}`), ...low.map((f) => `- ${questionLine(f)}`)];
  for (const fact of unknown.slice(0, MAX_LISTED)) {
    lines.push(
      `- **${mdInline(fact.question.text)}** (${mdInline(fact.domain.name)}) is unknown: a blind spot that cannot be improved on purpose yet.`,
    );
  }
  if (unknown.length > MAX_LISTED)
    lines.push(`- ${plural(unknown.length - MAX_LISTED, 'more question')} marked unknown; see the domain sections.`);
  const open = facts.score.total - facts.score.answered;
  if (open > 0) lines.push(`- ${plural(open, 'question')} not answered yet; the scores above leave them out.`);
  return lines.length > 0 ? lines : ['No domain is below 40%, no question scored 1 or 2, and nothing is unknown.'];
}

function recommendationLine(r: RankedRecommendation): string {
  const title = r.fact.question.roadmap?.title ?? r.fact.question.text;
  const advice = r.advice[0] ? ` ${mdInline(r.advice[0].text)}` : '';
  return `**${mdInline(title)}** (${mdInline(r.fact.domain.name)}: now ${scoreLabel(r.fact.score)}, ${r.priority} priority).${advice}`;
}
