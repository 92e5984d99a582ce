import * as assert from 'node:assert/strict';
import type { Framework } from '../../../../src/core/framework/schema';
import { gatherFacts, rankRecommendations } from '../../../../src/core/report/facts';
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
import { ganttTasks, mermaidBlock } from './mermaidHarness';
import { parseSvg } from './xml';

const render = (input: Partial<ReportInput> & Pick<ReportInput, 'framework' | 'assessment'>) =>
  renderReport({ assessmentName: 'a', chartFileName: 'a.svg', ...input });

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
    it('gives each key metric bound to a domain its percent and DORA performance band', () => {
      const { markdown } = render({ framework: fixtureFramework(), assessment: fixtureAssessment('complete') });
      const table = section(markdown, '### The four key metrics');
      assert.match(table, /\| Deployment frequency \| Delivery Cadence \| 50% \| Medium \|/);
      assert.match(table, /\| Change failure rate \| Change Stability \| 75% \| High \|/);
      assert.match(
        table,
        /\| Failed deployment recovery time \| Recovery \| 0% \| Low \|/,
        'Level 1 Initial is in the Low band',
      );
    });

    it('takes the weighted mean when two domains share a metric, and leaves out unbound metrics', () => {
      const fw = framework([
        { id: 'a', weight: 75, questions: ['a1'], metric: 'leadTime' },
        { id: 'b', weight: 25, questions: ['b1'], metric: 'leadTime' },
      ]);
      const { markdown } = render({
        framework: fw,
        assessment: assessmentWith({ a1: { score: 5 }, b1: { score: 1 } }, { framework: fw }),
      });
      const table = section(markdown, '### The four key metrics');
      assert.match(table, /\| Lead time for changes \| Domain a, Domain b \| 75% \| High \|/);
      assert.doesNotMatch(table, /Deployment frequency/);
    });

    it('has no key metrics table for a framework that binds none', () => {
      const fw = framework([{ id: 'culture', weight: 100, questions: ['c1'] }]);
      assert.doesNotMatch(
        render({ framework: fw, assessment: assessmentWith({ c1: { score: 3 } }) }).markdown,
        /### The four key metrics/,
      );
    });

    it('adds what git measured when a git analysis is given', () => {
      const { markdown } = render({
        framework: fixtureFramework(),
        assessment: fixtureAssessment('complete'),
        metrics: fixtureMetrics(),
      });
      assert.match(
        section(markdown, '### The four key metrics'),
        /\| Failed deployment recovery time \| Recovery \| 0% \| Low \| Elite: median 45 min over 2 incidents \|/,
      );
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

    it('names the strongest domain even when none reaches the High band', () => {
      const { markdown } = render({ framework: fixtureFramework(), assessment: fixtureAssessment('partial') });
      assert.doesNotMatch(section(markdown, '### Key strengths'), /No domain reaches/);
      const weak = render({
        framework: fixtureFramework(),
        assessment: assessmentWith({ d1: { score: 2 }, l1: { score: 3 } }),
      }).markdown;
      assert.match(
        section(weak, '### Key strengths'),
        /No domain reaches the High band \(60%\) yet; the strongest is \*\*Lead Time\*\* at 50%/,
      );
    });

    it('lists unknown answers among the concerns', () => {
      const { markdown } = render({ framework: fixtureFramework(), assessment: fixtureAssessment('partial') });
      assert.match(
        section(markdown, '### Key concerns'),
        /\*\*What share of deployments need a fix\?\*\* \(Change Stability\) is unknown/,
      );
      assert.match(section(markdown, '### Key concerns'), /4 questions not answered yet/);
    });
  });

  describe('detailed analysis', () => {
    const { markdown } = render({
      framework: fixtureFramework(),
      assessment: fixtureAssessment('complete'),
      metrics: fixtureMetrics(),
    });

    it('gives every answer with the guidance for its score and the team’s notes', () => {
      const state = section(section(markdown, '### 1. Delivery Cadence: 50%, Level 3 Medium'), '#### Current state');
      assert.match(
        state,
        /- \*\*How automated is the deployment\?\*\* \*\*2\/5\*\*\. Scripts exist but people run them by hand\.\n {2}> deploy\.sh is run by hand from a laptop\./,
      );
    });

    it('names the next step from the guidance of the score above', () => {
      assert.match(markdown, /\*\*How fast do you restore service\?\*\*, from 1 to 2: One week to one month\./);
    });

    it('shows the framework’s advice for the score given, not for other scores', () => {
      const recs = section(
        section(markdown, '### 3. Change Stability: 75%, Level 4 High'),
        '#### Specific technical recommendations',
      );
      assert.match(recs, /Add automated tests for the failures of the last quarter\./);
      assert.doesNotMatch(recs, /Label rollback and hotfix commits/, 'that advice is for score 0');
    });

    it('shows the git evidence behind a suggested answer, and a new suggestion that disagrees', () => {
      assert.match(markdown, /was suggested 3\/5 from git and the team kept it: 8 deployments in 90 days/);
      assert.match(
        markdown,
        /the git history now suggests 5\/5 \(2 recoveries, median 45 minutes\); the answer is 1\/5\./,
      );
    });
  });

  it('leaves out the risk and monitoring sections when the framework has none', () => {
    const fw: Framework = { ...fixtureFramework(), risks: [], monitoring: [] };
    const { markdown } = render({ framework: fw, assessment: fixtureAssessment('complete') });
    assert.doesNotMatch(markdown, /## Risk assessment|## Monitoring strategy/);
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

  describe('for the shipped DORA framework and the example assessment', function () {
    this.timeout(60_000);
    const output = renderReport({
      framework: doraFramework(),
      assessment: exampleAssessment(),
      assessmentName: 'assessment',
      chartFileName: 'example.svg',
    });

    it('has a section for every domain, and the framework’s risk and monitoring sections', () => {
      for (const domain of doraFramework().domains)
        assert.match(output.markdown, new RegExp(`\\n### \\d\\. ${domain.name}: `));
      assert.match(output.markdown, /\n## Risk assessment\n/);
      assert.match(output.markdown, /\n## Monitoring strategy\n/);
    });

    it('never prints a missing value as undefined or NaN', () => {
      assert.doesNotMatch(output.markdown, /undefined|NaN|\[object /);
      assert.doesNotMatch(output.svg, /undefined|NaN/);
    });

    it('renders to HTML with a parsable roadmap chart and a well-formed radar', async () => {
      const html = renderHtml(output.markdown);
      assert.equal(html.querySelectorAll('h1').length, 1);
      assert.ok((await ganttTasks(mermaidBlock(output.markdown))).length > 10);
      assert.equal(
        parseSvg(output.svg).getElementsByTagName('polygon').length,
        6,
        'five rings and the current outline; no previous one',
      );
    });
  });
});
