import type { Section } from '../../framework/schema';
import { levelLabel } from '../../scoring/levels';
import { formatNumber, formatPercent } from '../../vocabulary/format';
import { reportDate } from '../dates';
import { mdCell, mdInline, mdLinkTarget } from '../escape';
import type { ReportFacts } from '../facts';
import { questionRef, scoreLabel, table } from '../markdown';
import { formatDelta } from '../trend';
import type { Trend } from '../trend';

/** The chart and the same figures as a table, for readers (and screen readers) who prefer numbers. */
export function chartSection(facts: ReportFacts, chartFileName: string, trend: Trend | undefined): string[] {
  const out = [
    '## Practice maturity by domain',
    '',
    `![Practice maturity by domain, radar chart](${mdLinkTarget(chartFileName)})`,
    '',
  ];
  if (trend)
    out.push(
      `The filled outline is this assessment; the dashed one is the previous assessment of ${reportDate(trend.previous.updatedAt)}.`,
      '',
    );
  const rows = facts.domains.map((d) => [
    mdCell(d.domain.name),
    `${formatNumber(d.domain.weight)}%`,
    formatPercent(d.score.percent),
    d.score.level ? levelLabel(d.score.level) : 'not scored',
    `${d.score.answered}/${d.score.total}`,
  ]);
  out.push(...table(['Domain', 'Weight', 'Score', 'Level', 'Answered'], rows, 'lrrlr'), '');
  return out;
}

export function trendSection(trend: Trend): string[] {
  const { previous, overall } = trend;
  const out = ['## Since the last assessment', ''];
  out.push(
    `Compared with "${mdInline(previous.title)}" of ${reportDate(previous.updatedAt)}. Overall: ${formatPercent(overall.before)} then, ${formatPercent(overall.now)} now (${formatDelta(overall)}).`,
    '',
  );
  const domainRows = trend.domains.map((d) => [
    mdCell(d.name),
    formatPercent(d.before),
    formatPercent(d.now),
    formatDelta(d),
  ]);
  out.push(...table(['Domain', 'Before', 'Now', 'Change'], domainRows, 'lrrr'), '');
  if (trend.questions.length === 0) {
    out.push('No answer changed.', '');
    return out;
  }
  out.push('### Answers that changed', '');
  const rows = trend.questions.map((q) => [
    questionRef(q.fact),
    mdCell(q.fact.domain.name),
    scoreLabel(q.before),
    scoreLabel(q.now),
    direction(q.before, q.now),
  ]);
  out.push(...table(['Question', 'Domain', 'Before', 'Now', 'Change'], rows, 'llccl'), '');
  if (trend.unchanged > 0)
    out.push(
      `${trend.unchanged === 1 ? 'One other question is' : `The other ${trend.unchanged} questions are`} as they were.`,
      '',
    );
  return out;
}

function direction(before: number | undefined, now: number | undefined): string {
  if (before === undefined) return 'newly answered';
  if (now === undefined) return 'answer removed';
  if (before === 0) return 'now known';
  if (now === 0) return 'now unknown';
  return now > before ? `up ${now - before}` : `down ${before - now}`;
}

/** The framework's own risk and monitoring sections, under one heading; left out when it has none. */
export function risksAndMonitoring(risks: readonly Section[], monitoring: readonly Section[]): string[] {
  if (risks.length === 0 && monitoring.length === 0) return [];
  const out = ['## Risks and monitoring', ''];
  const part = (heading: string, sections: readonly Section[]) => {
    if (sections.length === 0) return;
    out.push(`### ${heading}`, '');
    for (const section of sections)
      out.push(`#### ${mdInline(section.title)}`, '', ...section.items.map((item) => `- ${mdInline(item)}`), '');
  };
  part('Risks', risks);
  part('Monitoring', monitoring);
  return out;
}
