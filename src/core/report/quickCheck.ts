import type { Assessment } from '../assessment/schema';
import { DEFAULT_BENCHMARK, benchmarkChoiceSchema, describeBenchmark } from '../quickcheck/benchmarks';
import type { BenchmarkChoice } from '../quickcheck/benchmarks';
import { provisionalNote } from '../quickcheck/figures';
import { QUICK_CHECK_QUESTIONS } from '../quickcheck/questions';
import type { QuickCheckAnswers } from '../quickcheck/schema';
import { describePosition, formatOutOfTen, scoreQuickCheck } from '../quickcheck/score';
import type { QuickCheckMetricScore, QuickCheckResult } from '../quickcheck/score';
import { formatNumber, plural } from '../vocabulary/format';
import { reportDate } from './dates';
import { mdCell, mdInline, mdLinkTarget, mdQuoteLines } from './escape';
import { listJoin, table } from './markdown';
import { quickCheckSvg } from './quickCheckChart';
import type { ReportChart, ReportInput, ReportOutput } from './render';

/**
 * The report of a Quick Check: DORA's five key metrics as the team answered them, scored 0–10 and set
 * against the benchmark the file chose. It has no practice maturity and no roadmap (a Quick Check asks
 * no practice question), and says so, pointing to the full assessment that has them.
 */
export function renderQuickCheckReport(input: ReportInput): ReportOutput {
  const { assessment } = input;
  const choice = benchmarkOf(assessment);
  const result = scoreQuickCheck(answersOf(assessment), choice);
  // The previous answers are scored against this report's benchmark, so a change is the team's, not the data's.
  const previous = input.previous ? scoreQuickCheck(answersOf(input.previous), choice) : undefined;
  const date = reportDate(assessment.updatedAt);
  const chart: ReportChart = {
    fileName: `${input.chartBaseName}-benchmark.svg`,
    svg: quickCheckSvg(result, 'Key metrics against the benchmark'),
  };
  const team = assessment.team?.trim() ? ` for **${mdInline(assessment.team)}**` : '';
  const lines = [
    `# ${mdInline(assessment.title)}`,
    '',
    `DORA Quick Check${team}, last updated on ${date} (started ${reportDate(assessment.createdAt)}).`,
    '',
    ...summary(result),
    ...keyMetrics(result, chart.fileName),
    ...(previous && input.previous ? trend(result, previous, reportDate(input.previous.updatedAt)) : []),
    ...notes(result, assessment),
    ...about(result),
  ];
  return {
    markdown: `${lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`,
    charts: [chart],
  };
}

/** The file's benchmark choice, read leniently: a hand-edited choice falls back to the default. */
function benchmarkOf(assessment: Assessment): BenchmarkChoice {
  const choice = benchmarkChoiceSchema.safeParse((assessment as Assessment & { benchmark?: unknown }).benchmark);
  return choice.success ? choice.data : DEFAULT_BENCHMARK;
}

/** A Quick Check's answers hold a band or a percent where a practice answer holds a score (the answer schema is loose). */
function answersOf(assessment: Assessment): QuickCheckAnswers {
  return assessment.answers;
}

function summary(result: QuickCheckResult): string[] {
  const against = describeBenchmark(result.benchmark);
  const headline =
    result.overall === undefined || result.overallPosition === undefined
      ? '**Delivery performance: not scored yet.** No key metric is answered.'
      : `**Delivery performance, from the Quick Check: ${formatOutOfTen(result.overall)}**, ${describePosition(result.overallPosition, result.benchmark.overall)} of the ${against}.`;
  const provisional = provisionalNote(result);
  const out = [
    '## Executive summary',
    '',
    headline,
    '',
    `Completeness: ${result.answered} of ${plural(result.total, 'key metric')} answered${provisional ? ` (${provisional}, so the figure may move)` : ''}.`,
    '',
  ];
  if (result.throughput !== undefined || result.instability !== undefined)
    out.push(
      `Throughput ${formatOutOfTen(result.throughput)} (higher is better); instability ${formatOutOfTen(result.instability)} (higher is worse).`,
      '',
    );
  out.push(
    '**Practice maturity: not assessed.** A Quick Check asks how the team delivers, not which practices it has. Start a full assessment (DORA: New Assessment) for practice maturity, recommendations and a roadmap.',
    '',
  );
  const above = result.metrics.filter((m) => m.position === 'above').map((m) => m.name);
  const below = result.metrics.filter((m) => m.position === 'below').map((m) => m.name);
  const open = result.metrics.filter((m) => m.inEdition && m.score === undefined).map((m) => m.name);
  out.push(
    '### Strengths',
    '',
    above.length > 0
      ? `- Above the benchmark range: ${listJoin(above)}.`
      : '- No key metric is above the benchmark range yet.',
    '',
  );
  out.push('### Concerns', '');
  if (below.length > 0) out.push(`- Below the benchmark range: ${listJoin(below)}.`);
  if (open.length > 0) out.push(`- Not answered yet: ${listJoin(open)}.`);
  if (below.length === 0 && open.length === 0) out.push('- No key metric is below the benchmark range.');
  out.push('');
  return out;
}

function keyMetrics(result: QuickCheckResult, chartFileName: string): string[] {
  const rows = result.metrics.map((m) => [
    m.name,
    m.answerText === undefined ? 'not answered' : mdCell(m.answerText),
    formatOutOfTen(m.score),
    m.benchmark ? `${formatNumber(m.benchmark.mean)} ± ${formatNumber(m.benchmark.std)}` : 'not surveyed',
    position(m),
    m.cluster2024 ?? '—',
  ]);
  return [
    '## Key metrics',
    '',
    `Scores run from 0 to 10, 10 best, as DORA's Quick Check computes them; the benchmark is the ${describeBenchmark(result.benchmark)}.`,
    '',
    ...table(
      ['Key metric', 'Answer', 'Score', 'Benchmark', 'Against the benchmark', 'DORA 2024 cluster'],
      rows,
      'llrrll',
    ),
    '',
    `![Key metrics against the ${describeBenchmark(result.benchmark)}](${mdLinkTarget(chartFileName)})`,
    '',
  ];
}

function position(m: QuickCheckMetricScore): string {
  if (m.score === undefined) return '—';
  if (!m.position) return 'no benchmark in this edition';
  return m.position === 'within' ? 'within the range' : `${m.position} the range`;
}

function trend(now: QuickCheckResult, before: QuickCheckResult, date: string): string[] {
  const rows = now.metrics.map((m, i) => {
    const was = before.metrics[i]?.score;
    return [m.name, formatOutOfTen(was), formatOutOfTen(m.score), change(was, m.score)];
  });
  rows.push([
    'Overall',
    formatOutOfTen(before.overall),
    formatOutOfTen(now.overall),
    change(before.overall, now.overall),
  ]);
  return [
    '## Since the last Quick Check',
    '',
    `Compared with the Quick Check of ${date}, scored against the same benchmark as this one.`,
    '',
    ...table(['Key metric', 'Before', 'Now', 'Change'], rows, 'lrrr'),
    '',
  ];
}

function change(before: number | undefined, now: number | undefined): string {
  if (before === undefined || now === undefined)
    return before === now ? '—' : now === undefined ? 'no longer answered' : 'newly answered';
  // From the figures as shown, so the column adds up: 5.3 then 6.4 is +1.1.
  const delta = Math.round((round1(now) - round1(before)) * 10) / 10;
  if (delta === 0) return 'no change';
  return `${delta > 0 ? '+' : '−'}${formatNumber(Math.abs(delta))}`;
}

/** The question behind each figure and the team's own notes, once each. */
function notes(result: QuickCheckResult, assessment: Assessment): string[] {
  const out = ['## The answers', ''];
  for (const question of QUICK_CHECK_QUESTIONS) {
    const metric = result.metrics.find((m) => m.id === question.id);
    const answer = metric?.answerText ?? 'not answered yet';
    out.push(`- **${metric?.name ?? question.id}.** ${mdInline(question.prompt)} **${mdInline(answer)}.**`);
    const text = assessment.answers[question.key]?.notes;
    if (text?.trim()) out.push(...mdQuoteLines(text).map((l) => `  ${l}`));
  }
  return [...out, ''];
}

function about(result: QuickCheckResult): string[] {
  return [
    '## About this report',
    '',
    `Each answer maps to a score from 0 to 10: the six answer bands run from 0 to 10 in even steps, and a percentage of p maps to 10 − p/10. The overall score is the mean of the answered metrics of the ${result.benchmark.choice.edition} edition. A score more than one standard deviation from the group's mean is above or below the range.`,
    '',
    `Benchmarks: DORA's Quick Check data (dora-team/dora.dev, Apache-2.0), ${describeBenchmark(result.benchmark)}.`,
    '',
  ];
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
