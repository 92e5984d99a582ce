import { provisionalNote } from '../../quickcheck/figures';
import { levelLabel } from '../../scoring/levels';
import { formatPercent, plural } from '../../vocabulary/format';
import { mdInline } from '../escape';
import type { DomainFact, QuestionFact, RankedRecommendation, ReportFacts } from '../facts';
import { BENCHMARK_EDITION } from '../keyMetrics';
import type { KeyMetric } from '../keyMetrics';
import { listJoin, questionRef, scoreLabel } from '../markdown';

/** A domain's percent is claimed as a strength or concern only when at least half its questions, and two, are scored. */
const ENOUGH_SHARE = 0.5;
const ENOUGH_COUNT = 2;

/**
 * The first screen: delivery performance (what git measured, in DORA's bands) and practice maturity
 * (what the questionnaire says) are kept apart, each with how complete it is. A practice percent is
 * never called a DORA performance band.
 */
export function summarySection(
  facts: ReportFacts,
  metrics: readonly KeyMetric[],
  ranked: readonly RankedRecommendation[],
): string[] {
  const out = ['## Executive summary', ''];
  out.push(...deliveryLines(metrics), '', ...maturityLines(facts), '');
  out.push('### Strengths', '', ...strengths(facts), '');
  out.push('### Concerns', '', ...concerns(facts), '');
  out.push('### Critical recommendations', '');
  if (ranked.length === 0) out.push('None yet: no question is scored between 1 and 4, so there is no gap to rank.', '');
  else out.push(...ranked.map((r, i) => `${i + 1}. ${recommendationLine(r)}`), '');
  return out;
}

function deliveryLines(metrics: readonly KeyMetric[]): string[] {
  const measured = metrics.filter((m) => m.measured);
  if (measured.length === 0)
    return [
      '**Delivery performance: not measured.** The questionnaire describes practices, not how the team delivers. Measure the five key metrics from git with `dora-assess report <assessment.json> --repo <path>`, or generate the report from VS Code in a trusted workspace.',
    ];
  const bands = measured.flatMap((m) => (m.measured?.band ? [`${m.name.toLowerCase()} ${m.measured.band}`] : []));
  return [
    `**Delivery performance, measured in git:** ${listJoin(bands) || 'no metric has enough data for a band'}${bands.length > 0 ? ` (${BENCHMARK_EDITION})` : ''}.`,
    '',
    `Completeness: ${bands.length} of ${plural(metrics.length, 'key metric')} placed in a band; see the key metrics below for the figures.`,
  ];
}

function maturityLines(facts: ReportFacts): string[] {
  const { score } = facts;
  const headline = score.level
    ? `**Practice maturity, from the questionnaire: ${formatPercent(score.percent)}, ${levelLabel(score.level)}.**`
    : '**Practice maturity: not scored yet.** No question has a score from 1 to 5.';
  const open = score.total - score.answered;
  const completeness = [
    `${score.answered} of ${plural(score.total, 'question')} answered`,
    score.unknown > 0 ? `${score.unknown} of them unknown or not applicable` : '',
    open > 0 ? `${open} still open` : '',
  ].filter(Boolean);
  const provisional = provisionalNote({ answered: score.answered, total: score.total });
  const caveat = provisional && score.level ? ` The figure is ${provisional}, so it may move.` : '';
  return [headline, '', `Completeness: ${completeness.join('; ')}.${caveat}`];
}

/** Scored questions (1 to 5) of a domain: enough of them for its percent to say something. */
function enoughAnswers(d: DomainFact): boolean {
  const scored = d.score.answered - d.score.unknown;
  return scored >= Math.min(ENOUGH_COUNT, d.score.total) && scored >= d.score.total * ENOUGH_SHARE;
}

function domainLine(d: DomainFact): string {
  const scored = d.score.answered - d.score.unknown;
  const level = d.score.level ? `, ${levelLabel(d.score.level)}` : '';
  return `**${mdInline(d.domain.name)}** at ${formatPercent(d.score.percent)}${level} (${scored} of ${plural(d.score.total, 'question')} scored)`;
}

/** Domains with a percent resting on enough answers to rate them. */
function rated(facts: ReportFacts): DomainFact[] {
  return facts.domains.filter((d) => d.score.percent !== undefined && enoughAnswers(d));
}

const percentOf = (d: DomainFact): number => d.score.percent ?? 0;

function thin(facts: ReportFacts): DomainFact[] {
  return facts.domains.filter((d) => d.score.percent !== undefined && !enoughAnswers(d));
}

function thinLine(facts: ReportFacts): string[] {
  const few = thin(facts);
  if (few.length === 0) return [];
  const names = few.map(
    (d) => `${mdInline(d.domain.name)} (${d.score.answered - d.score.unknown} of ${d.score.total})`,
  );
  return [`- Too few answers to judge: ${listJoin(names)}. Answer at least half of a domain's questions to rate it.`];
}

function strengths(facts: ReportFacts): string[] {
  const strong = rated(facts)
    .filter((d) => percentOf(d) >= 60)
    .sort((a, b) => percentOf(b) - percentOf(a));
  const lines = strong.map((d) => `- ${domainLine(d)}`);
  if (lines.length === 0) lines.push('- No domain with enough answers reaches Level 4 High (60%) yet.');
  return [...lines, ...thinLine(facts)];
}

function concerns(facts: ReportFacts): string[] {
  const weak = rated(facts)
    .filter((d) => percentOf(d) < 40)
    .sort((a, b) => percentOf(a) - percentOf(b));
  const lines = weak.map((d) => `- ${domainLine(d)}`);
  const unknown = facts.questions.filter((f) => f.score === 0);
  if (unknown.length > 0)
    lines.push(
      `- ${plural(unknown.length, 'question')} marked unknown (${refs(unknown)}): blind spots that cannot be improved on purpose yet.`,
    );
  const open = facts.score.total - facts.score.answered;
  if (open > 0) lines.push(`- ${plural(open, 'question')} not answered yet; the percents leave them out.`);
  return lines.length > 0 ? lines : ['- No domain with enough answers is below 40%, and nothing is unknown or open.'];
}

function recommendationLine(r: RankedRecommendation): string {
  const title = r.fact.question.roadmap?.title ?? r.fact.question.text;
  const advice = r.advice[0] ? ` ${mdInline(r.advice[0].text)}` : '';
  return `**${mdInline(title)}** (${questionRef(r.fact)}, ${mdInline(r.fact.domain.name)}: now ${scoreLabel(r.fact.score)}, ${r.priority} priority).${advice}`;
}

/** Question references, the first eight of them: a long list would bury the line. */
function refs(list: readonly QuestionFact[]): string {
  const shown = list.slice(0, 8).map(questionRef).join(', ');
  return list.length > 8 ? `${shown} and ${list.length - 8} more` : shown;
}
