import type { Evidence } from '../../assessment/schema';
import type { Score } from '../../framework/schema';
import type { MetricsResult } from '../../metrics/result';
import { levelLabel } from '../../scoring/levels';
import { formatNumber, formatPercent, plural } from '../../vocabulary/format';
import { METRICS } from '../../vocabulary/metrics';
import { reportDate } from '../dates';
import { mdInline, mdQuoteLines } from '../escape';
import { guidanceFor, hasGap, recommendationsFor } from '../facts';
import type { DomainFact, QuestionFact, ReportFacts } from '../facts';
import type { KeyMetric } from '../keyMetrics';
import { questionRef, scoreLabel } from '../markdown';
import type { Plan } from '../roadmap';

/**
 * One section per domain, key metrics first as the framework orders them. Each question's text and
 * answer appear once, under "Current support"; the other parts refer to it as Q1, Q2...
 */
export function domainsSection(
  facts: ReportFacts,
  keyMetrics: readonly KeyMetric[],
  plan: Plan,
  metrics: MetricsResult | undefined,
): string[] {
  const out = ['## Detailed analysis', ''];
  facts.domains.forEach((domain, i) => out.push(...domainSection(domain, i + 1, keyMetrics, plan, metrics)));
  return out;
}

function domainSection(
  d: DomainFact,
  number: number,
  keyMetrics: readonly KeyMetric[],
  plan: Plan,
  metrics: MetricsResult | undefined,
): string[] {
  const standing = d.score.level ? `${formatPercent(d.score.percent)}, ${levelLabel(d.score.level)}` : 'not scored';
  const metric = d.domain.metric ? `${METRICS[d.domain.metric].name}: ` : '';
  const out = [`### ${number}. ${metric}${mdInline(d.domain.name)}, ${standing}`, ''];
  if (d.domain.description) out.push(mdInline(d.domain.description), '');
  out.push(
    `Weight ${formatNumber(d.domain.weight)}% of the practice score; ${d.score.answered} of ${plural(d.score.total, 'question')} answered${d.score.unknown > 0 ? `, ${d.score.unknown} unknown` : ''}.`,
    '',
  );
  out.push('#### Current support', '');
  for (const fact of d.questions) out.push(...currentState(fact));
  out.push('');
  out.push('#### Risks and bottlenecks', '', ...risks(d), '');
  out.push('#### Improvement opportunities', '', ...opportunities(d), '');
  out.push('#### Recommendations', '', ...recommendations(d), '');
  out.push('#### Required changes', '', ...requiredChanges(d, plan), '');
  const measured = measuredLines(d, keyMetrics, metrics);
  if (measured.length > 0) out.push('#### Measured in git', '', ...measured, '');
  return out;
}

function currentState(fact: QuestionFact): string[] {
  const head = `- **${questionRef(fact)}. ${mdInline(fact.question.text)}**`;
  const line =
    fact.score === undefined
      ? `${head} Not answered yet.`
      : `${head} **${scoreLabel(fact.score)}.** ${mdInline(guidanceFor(fact.question, fact.score))}`;
  const notes = fact.answer?.notes?.trim() ? mdQuoteLines(fact.answer.notes).map((l) => `  ${l}`) : [];
  return [line, ...notes];
}

function risks(d: DomainFact): string[] {
  const lines: string[] = [];
  for (const fact of d.questions.filter((f) => hasGap(f) && f.score <= 2)) {
    const what = fact.score === 1 ? 'still at the initial stage' : 'well below where delivery is fast and safe';
    lines.push(`- ${questionRef(fact)} at ${scoreLabel(fact.score)}: ${what}.`);
  }
  for (const fact of d.questions.filter((f) => f.score === 0))
    lines.push(`- ${questionRef(fact)} is unknown, a blind spot. To find out: ${mdInline(fact.question.help)}`);
  const open = d.questions.filter((f) => f.score === undefined).length;
  if (open > 0) lines.push(`- ${plural(open, 'question')} not answered yet, so this picture is incomplete.`);
  return lines.length > 0 ? lines : ['No answer here is below 3, unknown or missing.'];
}

function opportunities(d: DomainFact): string[] {
  const lines = d.questions.filter(hasGap).map((fact) => {
    const next = (fact.score + 1) as Score;
    const example = fact.question.guidance[next].example;
    const text = `- ${questionRef(fact)}, from ${fact.score} to ${next}: ${mdInline(guidanceFor(fact.question, next))}`;
    return example ? `${text} For example: ${mdInline(example)}` : text;
  });
  return lines.length > 0 ? lines : ['Nothing to raise: every answered question is at 5, unknown or open.'];
}

function recommendations(d: DomainFact): string[] {
  const lines = d.questions.flatMap((fact) =>
    recommendationsFor(fact.question, fact.score).map((a) => `- ${questionRef(fact)}: ${mdInline(a.text)}`),
  );
  return lines.length > 0 ? lines : ['The framework has no specific advice for the scores given here.'];
}

function requiredChanges(d: DomainFact, plan: Plan): string[] {
  const items = plan.items.filter((i) => i.fact.domain === d.domain);
  const lines = items.map(
    (i) =>
      `- ${i.id} **${mdInline(i.roadmap.title)}** (${questionRef(i.fact)}): ${i.roadmap.priority} priority, ${i.roadmap.complexity} complexity, ${plural(i.roadmap.days, 'working day')}, ${i.start} to ${i.ready}.`,
  );
  return lines.length > 0 ? lines : ['None on the roadmap for this domain.'];
}

function measuredLines(d: DomainFact, keyMetrics: readonly KeyMetric[], metrics: MetricsResult | undefined): string[] {
  const lines: string[] = [];
  const measured = keyMetrics.find((m) => m.id === d.domain.metric)?.measured;
  if (measured)
    lines.push(
      `- ${measured.name}: **${measured.value}** (${mdInline(measured.detail)}), ${measured.band ? `DORA band ${measured.band}` : 'no band'}${measured.heuristic ? '; an estimate from commit messages and tags' : ''}.`,
    );
  for (const fact of d.questions) {
    const evidence = fact.answer?.evidence;
    if (evidence) lines.push(`- ${questionRef(fact)} ${evidenceSentence(evidence, fact.score)}`);
    const suggestion = metrics?.suggestions.find((s) => s.questionId === fact.question.id);
    if (suggestion && suggestion.score !== fact.score && suggestion.score !== evidence?.suggestedScore) {
      const answer =
        fact.score === undefined ? 'the question is not answered yet' : `the answer is ${scoreLabel(fact.score)}`;
      lines.push(
        `- ${questionRef(fact)}: the git history now suggests ${suggestion.score}/5 (${mdInline(suggestion.evidence.summary)}); ${answer}.`,
      );
    }
  }
  return lines;
}

function evidenceSentence(evidence: Evidence, score: Score | undefined): string {
  const followed =
    score === evidence.suggestedScore
      ? 'and the team kept it'
      : score === undefined
        ? 'and the question is still open'
        : `and the team answered ${scoreLabel(score)}`;
  const window = evidence.window
    ? ` Window: ${reportDate(evidence.window.since)} to ${reportDate(evidence.window.until)} (${plural(evidence.window.days, 'day')}).`
    : '';
  const estimate = evidence.heuristic ? ' An estimate from commit messages and tags.' : '';
  return `was suggested ${evidence.suggestedScore}/5 from git ${followed}: ${mdInline(evidence.summary)}.${window}${estimate}`;
}
