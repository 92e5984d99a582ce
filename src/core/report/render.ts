import type { Assessment } from '../assessment/schema';
import type { Framework } from '../framework/schema';
import type { MetricsResult } from '../metrics/result';
import { isQuickCheck } from '../quickcheck/schema';
import { reportDate } from './dates';
import { mdInline } from './escape';
import { gatherFacts, rankRecommendations } from './facts';
import type { ReportFacts } from './facts';
import { BENCHMARK_EDITION, keyMetrics } from './keyMetrics';
import { metricsSvg } from './metricsChart';
import { renderQuickCheckReport } from './quickCheck';
import { renderChart } from './radar';
import { DEFAULT_CAPACITY, planRoadmap } from './roadmap';
import { appendixSection } from './sections/appendix';
import { domainsSection } from './sections/domains';
import { keyMetricsSection } from './sections/keyMetrics';
import { chartSection, risksAndMonitoring, trendSection } from './sections/overview';
import { roadmapSection } from './sections/roadmap';
import { summarySection } from './sections/summary';
import { timelineSvg } from './timeline';
import { compareWithPrevious } from './trend';
import type { Trend } from './trend';

export interface ReportInput {
  readonly framework: Framework;
  readonly assessment: Assessment;
  /** An older assessment of the same framework, for the trend table and the chart's second outline. */
  readonly previous?: Assessment | undefined;
  /** A git analysis of the repository, for the appendix and the key metrics table. */
  readonly metrics?: MetricsResult | undefined;
  /** The assessment's file name without extension, shown in the report's header. */
  readonly assessmentName: string;
  /** The charts' common file name stem, beside the report: `<stem>-radar.svg` and so on; the Markdown links relatively. */
  readonly chartBaseName: string;
  /** How many critical recommendations the summary lists; 5 unless given. */
  readonly topRecommendations?: number | undefined;
  /** How many improvements the roadmap works on at the same time; 2 unless given. */
  readonly capacity?: number | undefined;
}

/** One SVG chart, written beside the report under `fileName`. */
export interface ReportChart {
  readonly fileName: string;
  readonly svg: string;
}

export interface ReportOutput {
  readonly markdown: string;
  /** Only the charts the Markdown links to, in the order it shows them. */
  readonly charts: readonly ReportChart[];
}

export const DEFAULT_TOP_RECOMMENDATIONS = 5;

/**
 * The assessment report: Markdown plus the SVG chart it links to. Pure and deterministic: the only
 * date it uses is the assessment's own, so the same inputs always give the same bytes.
 */
export function renderReport(input: ReportInput): ReportOutput {
  if (isQuickCheck(input.assessment)) return renderQuickCheckReport(input);
  const facts = gatherFacts(input.framework, input.assessment);
  const date = reportDate(input.assessment.updatedAt);
  const top = Math.max(1, Math.min(50, Math.floor(input.topRecommendations ?? DEFAULT_TOP_RECOMMENDATIONS) || 1));
  const trend = input.previous ? compareWithPrevious(facts, input.previous) : undefined;
  const plan = planRoadmap(facts, date, input.capacity ?? DEFAULT_CAPACITY);
  const ranked = rankRecommendations(facts, top);
  const metrics = keyMetrics(facts, input.metrics);

  const charts: ReportChart[] = [];
  const add = (kind: string, svg: string) => {
    const fileName = `${input.chartBaseName}-${kind}.svg`;
    charts.push({ fileName, svg });
    return fileName;
  };
  const metricsChart = metrics.some((m) => m.measured)
    ? add('metrics', metricsSvg(metrics, `Key metrics against the ${BENCHMARK_EDITION}`))
    : undefined;
  const roadmapChart =
    plan.items.length > 0
      ? add('roadmap', timelineSvg(plan, `Roadmap: ${plan.capacity} improvements at a time`))
      : undefined;
  const radarChart = add('radar', chart(facts, trend));

  const lines = [
    ...header(facts, input.assessmentName, date),
    ...summarySection(facts, metrics, ranked),
    ...keyMetricsSection(metrics, metricsChart),
    ...roadmapSection(plan, roadmapChart),
    ...chartSection(facts, radarChart, trend),
    ...(trend ? trendSection(trend) : []),
    ...domainsSection(facts, metrics, plan, input.metrics),
    ...risksAndMonitoring(input.framework.risks, input.framework.monitoring),
    ...appendixSection(facts, input.metrics, top, plan.capacity),
  ];
  return { markdown: `${collapseBlankLines(lines).join('\n').trimEnd()}\n`, charts };
}

function header(facts: ReportFacts, assessmentName: string, date: string): string[] {
  const { assessment, framework } = facts;
  const team = assessment.team?.trim() ? ` for **${mdInline(assessment.team)}**` : '';
  return [
    `# ${mdInline(assessment.title)}`,
    '',
    `${mdInline(framework.name)} assessment${team}, last updated on ${date} (started ${reportDate(assessment.createdAt)}). Generated from \`${codeSpan(assessmentName)}\`.`,
    '',
  ];
}

/** A file name inside a code span: backticks cannot be escaped there, so they are dropped. */
function codeSpan(text: string): string {
  return text.replace(/[`\r\n]/g, '').trim() || 'assessment';
}

function chart(facts: ReportFacts, trend: Trend | undefined) {
  return renderChart({
    title: 'Practice maturity by domain',
    axes: facts.domains.map((d) => d.domain.name),
    current: { values: facts.domains.map((d) => d.score.percent) },
    currentLabel: `This assessment (${reportDate(facts.assessment.updatedAt)})`,
    ...(trend
      ? {
          previous: {
            values: trend.previousScore.domains.map((d) => d.percent),
            label: `Previous (${reportDate(trend.previous.updatedAt)})`,
          },
        }
      : {}),
  });
}

function collapseBlankLines(lines: readonly string[]): string[] {
  return lines.filter((line, i) => !(line === '' && (i === 0 || lines[i - 1] === '')));
}
