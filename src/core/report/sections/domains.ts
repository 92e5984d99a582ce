import { plural } from '../../text/words';
import type { Evidence } from '../../assessment/schema';
import type { Score } from '../../framework/schema';
import type { MetricsResult } from '../../metrics/result';
import { levelLabel } from '../../scoring/levels';
import { formatPercent } from '../../scoring/score';
import { reportDate } from '../dates';
import { mdInline, mdQuoteLines } from '../escape';
import { guidanceFor, hasGap, isUnknown, recommendationsFor } from '../facts';
import type { DomainFact, QuestionFact, ReportFacts } from '../facts';
import { formatNumber, METRIC_LABEL, scoreLabel } from '../markdown';

export function domainsSection(facts: ReportFacts, metrics: MetricsResult | undefined): string[] {
  const out = ['## Detailed analysis', ''];
  facts.domains.forEach((domain, i) => out.push(...domainSection(domain, i + 1, metrics)));
  return out;
}

function domainSection(d: DomainFact, number: number, metrics: MetricsResult | undefined): string[] {
  const standing = d.score.level ? `${formatPercent(d.score.percent)}, ${levelLabel(d.score.level)}` : 'not scored';
  const out = [`### ${number}. ${mdInline(d.domain.name)}: ${standing}`, ''];
  if (d.domain.description) out.push(mdInline(d.domain.description), '');
  const facts = [
    `Weight ${formatNumber(d.domain.weight)}% of the overall score`,
    d.domain.metric ? `key metric: ${METRIC_LABEL[d.domain.metric].toLowerCase()}` : '',
    `${d.score.answered} of ${plural(d.score.total, 'question')} answered${d.score.unknown > 0 ? `, ${d.score.unknown} unknown` : ''}`,
  ].filter(Boolean);
  out.push(`${facts.join('; ')}.`, '');

  out.push('#### Current state', '');
  for (const fact of d.questions) out.push(...currentState(fact));
  out.push('');

  out.push('#### Risks and bottlenecks', '', ...risks(d), '');
  out.push('#### Improvement opportunities', '', ...opportunities(d), '');
  out.push('#### Specific technical recommendations', '', ...recommendations(d), '');
  const evidence = evidenceLines(d, metrics);
  if (evidence.length > 0) out.push('#### Evidence from git', '', ...evidence, '');
  return out;
}

function currentState(fact: QuestionFact): string[] {
  const question = `**${mdInline(fact.question.text)}**`;
  if (fact.score === undefined) {
    const lines = [`- ${question} Not answered yet.`];
    if (fact.answer?.notes?.trim()) lines.push(...mdQuoteLines(fact.answer.notes).map((l) => `  ${l}`));
    return lines;
  }
  const lines = [`- ${question} **${scoreLabel(fact.score)}**. ${mdInline(guidanceFor(fact.question, fact.score))}`];
  if (fact.answer?.notes?.trim()) lines.push(...mdQuoteLines(fact.answer.notes).map((l) => `  ${l}`));
  return lines;
}

function risks(d: DomainFact): string[] {
  const lines: string[] = [];
  const low = d.questions.filter((f) => hasGap(f) && f.score <= 2);
  for (const fact of low) {
    const what = fact.score === 1 ? 'still at the initial stage' : 'in the DORA Low band';
    lines.push(`- **${mdInline(fact.question.text)}** is at ${scoreLabel(fact.score)}, ${what}.`);
  }
  for (const fact of d.questions.filter(isUnknown)) {
    lines.push(
      `- **${mdInline(fact.question.text)}** is unknown: a blind spot. To find out: ${mdInline(fact.question.help)}`,
    );
  }
  const open = d.questions.filter((f) => f.score === undefined).length;
  if (open > 0) lines.push(`- ${plural(open, 'question')} not answered yet, so this picture is incomplete.`);
  if (lines.length === 0) return ['No answer in this domain is below 3, unknown or missing.'];
  return lines;
}

function opportunities(d: DomainFact): string[] {
  const lines = d.questions.filter(hasGap).map((fact) => {
    const next = (fact.score + 1) as Score;
    const example = fact.question.guidance[next].example;
    const text = `- **${mdInline(fact.question.text)}**, from ${fact.score} to ${next}: ${mdInline(guidanceFor(fact.question, next))}`;
    return example ? `${text} For example: ${mdInline(example)}` : text;
  });
  return lines.length > 0 ? lines : ['Nothing to raise: every answered question is at 5, unknown or open.'];
}

function recommendations(d: DomainFact): string[] {
  const lines: string[] = [];
  for (const fact of d.questions) {
    const advice = recommendationsFor(fact.question, fact.score);
    const roadmap = hasGap(fact) ? fact.question.roadmap : undefined;
    if (advice.length === 0 && !roadmap) continue;
    lines.push(`- **${mdInline(fact.question.text)}** (${scoreLabel(fact.score)})`);
    for (const a of advice) lines.push(`  - ${mdInline(a.text)}`);
    if (roadmap) {
      lines.push(
        `  - On the roadmap as "${mdInline(roadmap.title)}": ${roadmap.priority} priority, ${roadmap.complexity} complexity, about ${plural(roadmap.days, 'working day')}.`,
      );
    }
  }
  return lines.length > 0 ? lines : ['The framework has no specific advice for the scores given here.'];
}

function evidenceLines(d: DomainFact, metrics: MetricsResult | undefined): string[] {
  const lines: string[] = [];
  for (const fact of d.questions) {
    const evidence = fact.answer?.evidence;
    if (evidence) lines.push(`- **${mdInline(fact.question.text)}** ${evidenceSentence(evidence, fact.score)}`);
    const suggestion = metrics?.suggestions.find((s) => s.questionId === fact.question.id);
    if (suggestion && suggestion.score !== fact.score && suggestion.score !== evidence?.suggestedScore) {
      lines.push(
        `- **${mdInline(fact.question.text)}**: the git history now suggests ${suggestion.score}/5 (${mdInline(suggestion.evidence.summary)}); the answer is ${scoreLabel(fact.score)}.`,
      );
    }
  }
  return lines;
}

function evidenceSentence(evidence: Evidence, score: Score | undefined): string {
  const followed =
    score === evidence.suggestedScore ? 'and the team kept it' : `and the team answered ${scoreLabel(score)}`;
  const window = evidence.window
    ? ` Window: ${reportDate(evidence.window.since)} to ${reportDate(evidence.window.until)} (${formatNumber(evidence.window.days, 0)} days).`
    : '';
  const estimate = evidence.heuristic ? ' An estimate from commit messages and tags.' : '';
  return `was suggested ${evidence.suggestedScore}/5 from git ${followed}: ${mdInline(evidence.summary)}. Method: ${mdInline(evidence.method)}${/[.!?]$/.test(evidence.method) ? '' : '.'}${window}${estimate}`;
}
