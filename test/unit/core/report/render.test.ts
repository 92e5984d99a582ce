import * as assert from 'node:assert/strict';
import { gatherFacts, rankRecommendations } from '../../../../src/core/report/facts';
import { QUICK_CHECK_FRAMEWORK } from '../../../../src/core/quickcheck/framework';
import { renderReport } from '../../../../src/core/report/render';
import type { ReportInput } from '../../../../src/core/report/render';
import { framework } from '../../builders/framework';
import { frameworkWithRoadmap } from './builders';
import {
  assessmentWith,
  doraFramework,
  exampleAssessment,
  fixtureAssessment,
  fixtureFramework,
  fixtureMetrics,
} from './fixtures';
import { renderHtml } from './markdownHarness';
import { parseSvg } from './xml';

const render = (input: Partial<ReportInput> & Pick<ReportInput, 'framework' | 'assessment'>) =>
  renderReport({ assessmentName: 'a', chartBaseName: 'a', ...input });

/** The lines of one `## Heading` section. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `no section ${heading}`);
  const level = heading.split(' ')[0]!;
  const rest = markdown.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n#{1,${level.length}} `));
  return end < 0 ? rest : rest.slice(0, end);
}

describe('the report', () => {
  describe('executive summary', () => {
    it('keeps delivery performance (measured) and practice maturity (answered) apart, each with its completeness', () => {
      const { markdown } = render({
        framework: fixtureFramework(),
        assessment: fixtureAssessment('complete'),
        metrics: fixtureMetrics(),
      });
      const summary = section(markdown, '## Executive summary');
      assert.match(
        summary,
        /\*\*Delivery performance, measured in git:\*\* deployment frequency Medium, .* \(DORA 2024 performance clusters\)\./,
      );
      assert.match(summary, /Completeness: 4 of 5 key metrics placed in a band/);
      assert.match(summary, /\*\*Practice maturity, from the questionnaire: 52\.5%, Level 3 Medium\.\*\*/);
      assert.match(summary, /Completeness: 8 of 8 questions answered\./);
    });

    it('never names a DORA performance band from a practice percent', () => {
      const { markdown } = render({ framework: fixtureFramework(), assessment: fixtureAssessment('complete') });
      assert.doesNotMatch(markdown, /DORA (Elite|High|Medium|Low) performance/);
      assert.match(section(markdown, '## Executive summary'), /\*\*Delivery performance: not measured\.\*\*/);
      const table = section(markdown, '## Key metrics');
      assert.match(
        table,
        /\| Deployment frequency \| 50%, Level 3 Medium \(Delivery Cadence, 3 of 3 answered\) \| not measured \| — \|/,
      );
    });

    it('calls the practice figure provisional while fewer than half the questions are answered', () => {
      const fw = framework([{ id: 'a', weight: 100, questions: ['a1', 'a2', 'a3', 'a4', 'a5'] }]);
      const { markdown } = render({
        framework: fw,
        assessment: assessmentWith({ a1: { score: 5 }, a2: { score: 4 } }, { framework: fw }),
      });
      assert.match(
        section(markdown, '## Executive summary'),
        /Completeness: 2 of 5 questions answered; 3 still open\. The figure is provisional: 2 of 5 answered, so it may move\./,
      );
    });

    it('claims a strength only for a domain with enough answers, and says which have too few', () => {
      const fw = framework([
        { id: 'a', weight: 50, questions: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'] },
        { id: 'b', weight: 50, questions: ['b1', 'b2'] },
      ]);
      const { markdown } = render({
        framework: fw,
        assessment: assessmentWith(
          { a1: { score: 5 }, a2: { score: 4 }, b1: { score: 5 }, b2: { score: 4 } },
          { framework: fw },
        ),
      });
      const strengths = section(markdown, '### Strengths');
      assert.match(strengths, /\*\*Domain b\*\* at 87\.5%, Level 5 Elite \(2 of 2 questions scored\)/);
      assert.doesNotMatch(strengths, /\*\*Domain a\*\*/);
      assert.match(strengths, /Too few answers to judge: Domain a \(2 of 6\)/);
    });

    it('ranks critical recommendations by priority times the gap to a 5', () => {
      const fw = frameworkWithRoadmap(
        [
          { id: 'x', weight: 70, questions: ['hi3', 'lo1', 'me2'] },
          { id: 'y', weight: 30, questions: ['me2b', 'none'] },
        ],
        {
          hi3: { days: 1, priority: 'high' },
          lo1: { days: 1, priority: 'low' },
          me2: { days: 1, priority: 'medium' },
          me2b: { days: 1, priority: 'medium' },
        },
      );
      // high, score 3: 3×2 = 6; low, score 1: 1×4 = 4; medium, score 2: 2×3 = 6 (tie, heavier domain first);
      // medium in the lighter domain: 6; no roadmap counts as medium, score 4: 2×1 = 2.
      const facts = gatherFacts(
        fw,
        assessmentWith({
          hi3: { score: 3 },
          lo1: { score: 1 },
          me2: { score: 2 },
          me2b: { score: 2 },
          none: { score: 4 },
        }),
      );
      assert.deepEqual(
        rankRecommendations(facts, 10).map((r) => [r.fact.question.id, r.rank]),
        [
          ['hi3', 6],
          ['me2', 6],
          ['me2b', 6],
          ['lo1', 4],
          ['none', 2],
        ],
      );
      assert.equal(rankRecommendations(facts, 2).length, 2);
    });

    it('lists as many critical recommendations as asked for', () => {
      const { markdown } = render({
        framework: fixtureFramework(),
        assessment: fixtureAssessment('complete'),
        topRecommendations: 2,
      });
      const list = section(markdown, '### Critical recommendations').trim().split('\n');
      assert.deepEqual(
        list.map((l) => l.slice(0, 3)),
        ['1. ', '2. '],
      );
    });
  });

  describe('key metrics', () => {
    it('has the five DORA metrics, answered against measured, with the benchmark edition named', () => {
      const { markdown } = render({
        framework: fixtureFramework(),
        assessment: fixtureAssessment('complete'),
        metrics: fixtureMetrics(),
      });
      const table = section(markdown, '## Key metrics');
      assert.match(table, /placed in the DORA 2024 performance clusters/);
      const rows = table
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| Key metric') && !l.startsWith('| ---'));
      assert.deepEqual(
        rows.map((r) => r.split(' | ')[0]!.slice(2)),
        [
          'Deployment frequency',
          'Change lead time',
          'Failed deployment recovery time',
          'Change failure rate',
          'Deployment rework rate',
        ],
      );
      assert.match(
        table,
        /\| Change lead time \| 58\.3%, Level 3 Medium \(Lead Time, 2 of 2 answered\) \| 33\.9 days \| Medium \|/,
      );
      assert.match(table, /\| Deployment rework rate \| no question asks about it \| 25% \(estimate\) \| — \|/);
      assert.match(table, /!\[Measured key metrics against the DORA 2024 performance clusters\]\(a-metrics\.svg\)/);
    });
  });

  describe('detailed analysis', () => {
    it('gives every question once, with its answer, guidance and notes, and refers to it by number elsewhere', () => {
      const input = {
        framework: fixtureFramework(),
        assessment: fixtureAssessment('complete'),
        previous: fixtureAssessment('complete.previous'),
        metrics: fixtureMetrics(),
      };
      const { markdown } = render(input);
      for (const question of input.framework.domains.flatMap((d) => d.questions))
        assert.equal(markdown.split(question.text).length - 1, 1, question.text);
      assert.match(markdown, /- \*\*Q2\. How automated is the deployment\?\*\* \*\*2\/5\.\*\* Scripts exist/);
      assert.match(markdown, / {2}> deploy\.sh is run by hand from a laptop\./);
    });

    it('has, per key metric, its current support, risks, opportunities, recommendations and required changes', () => {
      const { markdown } = render({ framework: fixtureFramework(), assessment: fixtureAssessment('complete') });
      const domain = section(markdown, '### 1. Deployment frequency: Delivery Cadence, 50%, Level 3 Medium');
      const headings = domain.split('\n').filter((l) => l.startsWith('#### '));
      assert.deepEqual(headings, [
        '#### Current support',
        '#### Risks and bottlenecks',
        '#### Improvement opportunities',
        '#### Recommendations',
        '#### Required changes',
        '#### Measured in git',
      ]);
      assert.match(domain, /- Q2, from 2 to 3: One command deploys, with manual checks\./);
      assert.match(domain, /- Q1: Deploy every merge to staging and promote to production daily\./);
      assert.match(domain, /- R\d \*\*Deploy on demand\*\* \(Q1\): high priority, medium complexity, 10 working days/);
    });

    it('says plainly that a question is not answered when git suggests a score for it', () => {
      const assessment = fixtureAssessment('complete');
      const answers = { ...assessment.answers };
      delete answers['r1'];
      const { markdown } = render({
        framework: fixtureFramework(),
        assessment: { ...assessment, answers },
        metrics: fixtureMetrics(),
      });
      assert.match(markdown, /Q8: the git history now suggests 5\/5 \(.*\); the question is not answered yet\./);
      assert.doesNotMatch(markdown, /answer is not answered/);
    });
  });

  it('never writes a local path, only dates and figures from the analysis', () => {
    const { markdown } = render({
      framework: fixtureFramework(),
      assessment: fixtureAssessment('complete'),
      metrics: { ...fixtureMetrics(), repository: '/tmp/dora-fixture-x1/repo' },
    });
    assert.doesNotMatch(markdown, /\/tmp\//);
    assert.match(markdown, /Measured from the git history between 2026-08-22 and 2026-11-20 \(90 days\)\./);
  });

  it('writes numbers one way: no space before a percent sign, and no more than one decimal', () => {
    const { markdown } = render({
      framework: fixtureFramework(),
      assessment: fixtureAssessment('complete'),
      metrics: fixtureMetrics(),
    });
    // Evidence summaries are stored text, quoted as the file has them; everything else is formatted here.
    const ours = markdown
      .split('\n')
      .filter((l) => !l.includes('was suggested'))
      .join('\n');
    assert.doesNotMatch(ours, /\d %/);
    assert.doesNotMatch(ours, /\d\.\d{2,} ?(%|h|days|a week)/);
  });

  it('leaves out the risk and monitoring section when the framework has none', () => {
    const { markdown } = render({
      framework: { ...fixtureFramework(), risks: [], monitoring: [] },
      assessment: fixtureAssessment('complete'),
    });
    assert.doesNotMatch(markdown, /## Risks and monitoring/);
  });

  it('says which answers it could not score and which framework version it read them with', () => {
    const about = section(
      render({
        framework: fixtureFramework(),
        assessment: { ...fixtureAssessment('partial'), framework: { id: 'report-fixture', version: '0.1.0' } },
      }).markdown,
      '### About this report',
    );
    assert.match(about, /written against version 0\.1\.0/);
    assert.match(about, /no such question: retired-question\./);
  });

  it('uses no date but the assessment’s own', () => {
    const RealDate = Date;
    class NoClock extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) throw new Error('the report read the clock');
        super(...(args as [number]));
      }
      static override now(): number {
        throw new Error('the report read the clock');
      }
    }
    globalThis.Date = NoClock as DateConstructor;
    try {
      const { markdown } = render({
        framework: fixtureFramework(),
        assessment: fixtureAssessment('complete'),
        previous: fixtureAssessment('complete.previous'),
        metrics: fixtureMetrics(),
      });
      assert.match(markdown, /last updated on 2026-11-20/);
    } finally {
      globalThis.Date = RealDate;
    }
  });

  describe('for a Quick Check', () => {
    const output = render({
      framework: QUICK_CHECK_FRAMEWORK,
      assessment: fixtureAssessment('quickcheck'),
      previous: fixtureAssessment('quickcheck.previous'),
    });

    it('scores the five key metrics 0 to 10 against the benchmark the file chose, and names it', () => {
      const metrics = section(output.markdown, '## Key metrics');
      assert.match(metrics, /the benchmark is the 2025 benchmark, All industries/);
      assert.match(
        metrics,
        /\| Failed deployment recovery time \| One week to one month \| 4 \/ 10 \| 7\.4 ± 2\.1 \| below the range \| Low \|/,
      );
      assert.deepEqual(
        output.charts.map((c) => c.fileName),
        ['a-benchmark.svg'],
      );
    });

    it('says practice maturity is not assessed rather than inventing one, and has no roadmap', () => {
      const summary = section(output.markdown, '## Executive summary');
      assert.match(summary, /\*\*Practice maturity: not assessed\.\*\*/);
      assert.match(summary, /Completeness: 5 of 5 key metrics answered\./);
      assert.doesNotMatch(output.markdown, /## Implementation roadmap|Level \d/);
    });

    it('shows the change since the previous Quick Check, scored against the same benchmark', () => {
      assert.match(
        section(output.markdown, '## Since the last Quick Check'),
        /\| Overall \| 5\.3 \/ 10 \| 6\.4 \/ 10 \| \+1\.1 \|/,
      );
    });

    it('marks a provisional figure when fewer than half the metrics are answered', () => {
      const { markdown } = render({
        framework: QUICK_CHECK_FRAMEWORK,
        assessment: { ...fixtureAssessment('quickcheck'), answers: { 'lead-time': { band: 4 } } },
      });
      assert.match(
        markdown,
        /Completeness: 1 of 5 key metrics answered \(provisional: 1 of 5 answered, so the figure may move\)\./,
      );
    });
  });

  describe('for the shipped DORA framework and the example assessment', function () {
    this.timeout(60_000);
    const output = renderReport({
      framework: doraFramework(),
      assessment: exampleAssessment(),
      assessmentName: 'assessment',
      chartBaseName: 'example',
    });

    it('has a section for every domain, and the framework’s risks and monitoring', () => {
      for (const domain of doraFramework().domains)
        assert.match(output.markdown, new RegExp(`\\n### \\d\\. (.*: )?${domain.name}, `));
      assert.match(output.markdown, /\n## Risks and monitoring\n/);
    });

    it('writes each of its questions once', () => {
      for (const question of doraFramework().domains.flatMap((d) => d.questions))
        assert.equal(output.markdown.split(question.text).length - 1, 1, question.text);
    });

    it('never prints a missing value as undefined, NaN or Infinity', () => {
      assert.doesNotMatch(output.markdown, /undefined|NaN|Infinity|\[object /);
      for (const chart of output.charts) assert.doesNotMatch(chart.svg, /undefined|NaN|Infinity/);
    });

    it('puts the headline, the five metrics and the roadmap chart on its first two screens', () => {
      const lines = output.markdown.split('\n');
      const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
      assert.ok(at(/^\*\*Practice maturity/) < 20);
      assert.ok(at(/^## Key metrics/) < 50, `key metrics at line ${at(/^## Key metrics/)}`);
      assert.ok(at(/^!\[Roadmap timeline\]/) < 70, `roadmap chart at line ${at(/^!\[Roadmap timeline\]/)}`);
    });

    it('renders to HTML whose images are all charts it writes', () => {
      const html = renderHtml(output.markdown);
      assert.equal(html.querySelectorAll('h1').length, 1);
      const sources = [...html.querySelectorAll('img')].map((i) => i.getAttribute('src'));
      assert.deepEqual(
        sources,
        output.charts.map((c) => c.fileName),
      );
      for (const chart of output.charts) parseSvg(chart.svg);
    });
  });
});
