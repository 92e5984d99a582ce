import type { MetricsResult } from '../../metrics/result';
import { LEVELS, levelLabel } from '../../scoring/levels';
import { formatNumber, plural } from '../../vocabulary/format';
import { metricFacts } from '../../vocabulary/metrics';
import { reportDate } from '../dates';
import { mdInline } from '../escape';
import type { ReportFacts } from '../facts';
import { listJoin, questionRef } from '../markdown';

export function appendixSection(
  facts: ReportFacts,
  metrics: MetricsResult | undefined,
  topRecommendations: number,
  capacity: number,
): string[] {
  return [
    '## Appendix',
    '',
    ...scoringMethod(facts, topRecommendations, capacity),
    ...gitSection(facts, metrics),
    ...aboutSection(facts),
  ];
}

function scoringMethod(facts: ReportFacts, topRecommendations: number, capacity: number): string[] {
  const weights = facts.framework.domains.map((d) => `${mdInline(d.name)} ${formatNumber(d.weight)}%`);
  const bands = LEVELS.map((l) => `${levelLabel(l)} from ${l.min}%`);
  return [
    '### How the scores are computed',
    '',
    '- Every question is answered on a scale of 0 to 5. A 0 means unknown or not applicable: it counts as answered but is left out of every average. Scores 1 to 5 count as 0%, 25%, 50%, 75% and 100%.',
    "- A domain's percent is the mean of its scored questions, each weighted by the question's weight in the framework.",
    `- The overall percent is the mean of the domain percents, weighted by domain: ${listJoin(weights)}. A domain with no scored question is left out and the others share its weight.`,
    `- Levels: ${listJoin(bands)}.`,
    `- Critical recommendations are the top ${topRecommendations} questions scored 1 to 4, ranked by roadmap priority (high 3, medium 2, low 1; medium when the framework gives none) times the points still missing to a 5.`,
    `- The roadmap schedules one item per question scored 1 to 4 with a roadmap entry, in working days from the report date, ${capacity} at a time. Unknown and unanswered questions are not scheduled but listed to assess first.`,
    '- Practice maturity levels describe the answers. DORA performance bands describe measured delivery and are only given for figures measured in git.',
    '- The report date is the date the assessment was last updated, so regenerating an unchanged assessment gives the same report.',
    '',
  ];
}

function gitSection(facts: ReportFacts, metrics: MetricsResult | undefined): string[] {
  const out = ['### How this was measured', ''];
  if (metrics) {
    const w = metrics.window;
    // The repository's name only, never its path: a report is committed and shared.
    out.push(
      `Measured from the git history between ${reportDate(w.since)} and ${reportDate(w.until)} (${plural(w.days, 'day')}).`,
      '',
    );
    out.push(
      ...metricFacts(metrics).map(
        (m) => `- **${m.name}**${m.heuristic ? ' (an estimate)' : ''}: ${mdInline(m.detail)}. ${mdInline(m.method)}`,
      ),
      '',
    );
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
  const stored = facts.questions.flatMap((f) => {
    const evidence = f.answer?.evidence;
    return evidence ? [`- ${questionRef(f)}: ${mdInline(evidence.method)}`] : [];
  });
  if (stored.length > 0) out.push('Evidence stored with the answers:', '', ...stored, '');
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
