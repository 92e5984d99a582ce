import { plural } from '../../text/words';
import { METRIC_KEYS } from '../../framework/schema';
import type { MetricsResult } from '../../metrics/result';
import { LEVELS, levelLabel } from '../../scoring/levels';
import { reportDate } from '../dates';
import { mdCell, mdInline } from '../escape';
import type { ReportFacts } from '../facts';
import { formatNumber, listJoin, METRIC_LABEL, scoreLabel, table } from '../markdown';
import { measuredMetric } from './measured';

export function appendixSection(
  facts: ReportFacts,
  metrics: MetricsResult | undefined,
  topRecommendations: number,
): string[] {
  return [
    '## Appendix',
    '',
    ...scoringMethod(facts, topRecommendations),
    ...gitSection(facts, metrics),
    ...aboutSection(facts),
  ];
}

function scoringMethod(facts: ReportFacts, topRecommendations: number): string[] {
  const weights = facts.framework.domains.map((d) => `${mdInline(d.name)} ${formatNumber(d.weight)}%`);
  const bands = LEVELS.map((l) => `${levelLabel(l)} from ${l.min}%`);
  return [
    '### How the scores are computed',
    '',
    '- Every question is answered on a scale of 0 to 5. A 0 means unknown or not applicable: it counts as answered but is left out of every average. Scores 1 to 5 count as 0%, 25%, 50%, 75% and 100%.',
    "- A domain's percent is the mean of its scored questions, each weighted by the question's weight in the framework.",
    `- The overall percent is the mean of the domain percents, weighted by domain: ${listJoin(weights)}. A domain with no scored question is left out and the others share its weight.`,
    `- Levels: ${listJoin(bands)}. Level 1 Initial counts in DORA's Low performance band.`,
    `- Critical recommendations are the top ${topRecommendations} questions scored 1 to 4, ranked by roadmap priority (high 3, medium 2, low 1; medium when the framework gives none) times the points still missing to a 5.`,
    "- The roadmap schedules one item per question scored 1 to 4 with a roadmap entry, in working days from the report date, grouped by the framework's priority. Unknown and unanswered questions are not scheduled but listed to assess first.",
    '- The report date is the date the assessment was last updated, so regenerating an unchanged assessment gives the same report.',
    '',
  ];
}

function gitSection(facts: ReportFacts, metrics: MetricsResult | undefined): string[] {
  const out = ['### Git metrics', ''];
  if (metrics) {
    const w = metrics.window;
    const where = metrics.repository ? ` of ${mdInline(metrics.repository)}` : '';
    out.push(
      `Measured from the history${where} between ${reportDate(w.since)} and ${reportDate(w.until)} (${formatNumber(w.days, 0)} days).`,
      '',
    );
    const measured = METRIC_KEYS.map((key) => ({ key, ...measuredMetric(key, metrics) }));
    const rows = measured.map((m) => [METRIC_LABEL[m.key], mdCell(m.value), m.band ?? '—']);
    out.push(...table(['Metric', 'Measured', 'DORA band'], rows), '');
    out.push('How each figure was computed:', '');
    out.push(
      ...measured.map(
        (m) => `- **${METRIC_LABEL[m.key]}**${m.heuristic ? ' (an estimate)' : ''}: ${mdInline(m.method)}`,
      ),
      '',
    );
    const r = metrics.rework;
    if (r.percent !== null) {
      out.push(
        `Rework: ${formatNumber(r.percent)}% (${r.rework} of ${plural(r.deployments, 'deployment')} were unplanned fixes). An estimate: ${mdInline(r.rule)}`,
        '',
      );
    }
    out.push(
      'Change failure rate, recovery time and rework are estimates from commit messages and tags: git does not know what failed in production. Compare them with the incident log before relying on them.',
      '',
    );
    if (metrics.warnings.length > 0)
      out.push('Warnings from the analysis:', '', ...metrics.warnings.map((w) => `- ${mdInline(w)}`), '');
  } else {
    out.push(
      'No git analysis was run for this report. Run `dora-assess report <assessment.json> --repo <path>`, or generate it from VS Code in a trusted workspace, to add one.',
      '',
    );
  }
  const stored = facts.questions.flatMap((f) => (f.answer?.evidence ? [{ f, e: f.answer.evidence }] : []));
  if (stored.length > 0) {
    out.push('Evidence stored with the answers:', '');
    const rows = stored.map(({ f, e }) => {
      const window = e.window ? `${reportDate(e.window.since)} to ${reportDate(e.window.until)}` : '—';
      return [
        mdCell(f.question.text),
        mdCell(e.summary),
        `${e.suggestedScore}/5`,
        scoreLabel(f.score),
        window,
        mdCell(e.method),
      ];
    });
    out.push(...table(['Question', 'Measured', 'Suggested', 'Answer', 'Window', 'Method'], rows, 'llccll'), '');
  }
  return out;
}

function aboutSection(facts: ReportFacts): string[] {
  const { framework, assessment, score } = facts;
  const out = ['### About this report', ''];
  out.push(
    `Framework: ${mdInline(framework.name)} (\`${framework.id}\`) version ${mdInline(framework.version)}, ${facts.questions.length} questions in ${framework.domains.length} domains.`,
  );
  if (assessment.framework.version !== framework.version) {
    out.push(
      '',
      `The assessment was written against version ${mdInline(assessment.framework.version)}; its answers are read by question id against the version above.`,
    );
  }
  if (score.orphans.length > 0) {
    out.push(
      '',
      `Kept in the file but not scored, because this framework has no such question: ${score.orphans.map((id) => mdInline(id)).join(', ')}.`,
    );
  }
  out.push('');
  return out;
}
