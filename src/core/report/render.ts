import type { Assessment } from '../assessment/schema';
import type { Framework } from '../framework/schema';
import type { MetricsResult } from '../metrics/result';
import { reportDate } from './dates';
import { mdInline } from './escape';
import { gatherFacts, rankRecommendations } from './facts';
import type { ReportFacts } from './facts';
import { renderChart } from './radar';
import { planRoadmap } from './roadmap';
import { appendixSection } from './sections/appendix';
import { domainsSection } from './sections/domains';
import { chartSection, frameworkSections, trendSection } from './sections/overview';
import { roadmapSection } from './sections/roadmap';
import { summarySection } from './sections/summary';
import { compareWithPrevious } from './trend';
import type { Trend } from './trend';

export interface ReportInput {
  readonly framework: Framework;
  readonly assessment: Assessment;
  /** An older assessment of the same framework, for the trend table and the chart's second outline. */
  readonly previous?: Assessment;
  /** A git analysis of the repository, for the appendix and the key metrics table. */
  readonly metrics?: MetricsResult;
  /** The assessment's file name without extension, shown in the report's header. */
  readonly assessmentName: string;
  /** The chart's file name, beside the report; the Markdown links to it relatively. */
  readonly chartFileName: string;
  /** How many critical recommendations the summary lists; 5 unless given. */
  readonly topRecommendations?: number;
}

export interface ReportOutput {
  readonly markdown: string;
  readonly svg: string;
}

export const DEFAULT_TOP_RECOMMENDATIONS = 5;

/**
 * The assessment report: Markdown plus the SVG chart it links to. Pure and deterministic: the only
 * date it uses is the assessment's own, so the same inputs always give the same bytes.
 */
export function renderReport(input: ReportInput): ReportOutput {
  const facts = gatherFacts(input.framework, input.assessment);
  const date = reportDate(input.assessment.updatedAt);
  const top = Math.max(1, Math.floor(input.topRecommendations ?? DEFAULT_TOP_RECOMMENDATIONS));
  const trend = input.previous ? compareWithPrevious(facts, input.previous) : undefined;
  const plan = planRoadmap(facts, date);
  const ranked = rankRecommendations(facts, top);

  const lines = [
    ...header(facts, input.assessmentName, date),
    ...summarySection(facts, ranked, input.metrics),
    ...chartSection(facts, input.chartFileName, trend),
    ...(trend ? trendSection(trend) : []),
    ...domainsSection(facts, input.metrics),
    ...roadmapSection(plan),
    ...frameworkSections('Risk assessment', input.framework.risks),
    ...frameworkSections('Monitoring strategy', input.framework.monitoring),
    ...appendixSection(facts, input.metrics, top),
  ];
  return { markdown: `${collapseBlankLines(lines).join('\n').trimEnd()}\n`, svg: chart(facts, trend) };
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
    title: `Domain scores: ${facts.assessment.title}`,
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
