import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { QUICK_CHECK_FRAMEWORK } from '../../src/core/quickcheck/framework';
import { renderReport } from '../../src/core/report/render';
import type { ReportInput } from '../../src/core/report/render';
import { renderHtml } from '../../src/report/html';
import { fixtureAssessment, fixtureFramework, fixtureMetrics } from '../unit/core/report/fixtures';
import { browser } from './harness/browser';

const SHOTS = path.resolve(__dirname, '../../test-results/report');

const complete = (): ReportInput => ({
  framework: fixtureFramework(),
  assessment: fixtureAssessment('complete'),
  previous: fixtureAssessment('complete.previous'),
  metrics: fixtureMetrics(),
  assessmentName: 'complete',
  chartBaseName: 'complete',
});

const partial = (): ReportInput => ({
  framework: fixtureFramework(),
  assessment: fixtureAssessment('partial'),
  assessmentName: 'partial',
  chartBaseName: 'partial',
});

/** The report written to a temporary folder as the extension writes it: Markdown, charts and HTML. */
function writeOut(input: ReportInput): { dir: string; charts: string[]; html: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dora-report-shot-'));
  const output = renderReport(input);
  for (const chart of output.charts) fs.writeFileSync(path.join(dir, chart.fileName), chart.svg);
  const html = path.join(dir, `${input.chartBaseName}.html`);
  fs.writeFileSync(html, renderHtml(output.markdown, output.charts, input.assessment.title));
  return { dir, charts: output.charts.map((c) => path.join(dir, c.fileName)), html };
}

interface ChartLooks {
  readonly card: string;
  readonly ink: string;
  readonly smallestFont: number;
  /** Text that sticks out of the drawing: cut off wherever the image is shown. */
  readonly overflowing: string[];
}

function looks(page: Page): Promise<ChartLooks> {
  return page.evaluate(() => {
    const svg = document.querySelector('svg')!;
    const width = svg.viewBox.baseVal.width;
    const height = svg.viewBox.baseVal.height;
    const texts = [...document.querySelectorAll('text')];
    const overflowing = texts
      .filter((t) => {
        const box = t.getBBox();
        return box.width > 0 && (box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height);
      })
      .map((t) => t.textContent);
    return {
      card: getComputedStyle(document.querySelector('.card')!).fill,
      ink: getComputedStyle(document.querySelector('.ink')!).fill,
      smallestFont: Math.min(...texts.map((t) => Number.parseFloat(getComputedStyle(t).fontSize))),
      overflowing,
    };
  });
}

describe('the report seen in a browser', () => {
  let context: BrowserContext | undefined;
  before(() => fs.mkdirSync(SHOTS, { recursive: true }));
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  const quickCheck = (): ReportInput => ({
    framework: QUICK_CHECK_FRAMEWORK,
    assessment: fixtureAssessment('quickcheck'),
    assessmentName: 'quickcheck',
    chartBaseName: 'quickcheck',
  });

  for (const [name, input] of [
    ['complete', complete],
    ['partial', partial],
    ['Quick Check', quickCheck],
  ] as const) {
    it(`draws the ${name} report's charts readable on light and dark pages, with no label cut off`, async () => {
      const { charts } = writeOut(input());
      assert.ok(charts.length >= 1);
      for (const scheme of ['light', 'dark'] as const) {
        context = await (await browser()).newContext({ colorScheme: scheme, viewport: { width: 680, height: 900 } });
        const page = await context.newPage();
        for (const chart of charts) {
          await page.goto(pathToFileURL(chart).href);
          const seen = await looks(page);
          const label = `${path.basename(chart)} (${scheme})`;
          assert.equal(seen.card, scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)', `${label}: card`);
          assert.equal(seen.ink, scheme === 'light' ? 'rgb(31, 35, 40)' : 'rgb(240, 246, 252)', `${label}: text`);
          assert.ok(seen.smallestFont >= 12, `${label}: smallest text ${seen.smallestFont} px`);
          assert.deepEqual(seen.overflowing, [], `${label}: text outside the chart`);
          await page.screenshot({ path: path.join(SHOTS, `${path.basename(chart, '.svg')}-${scheme}.png`) });
        }
        await context.close();
        context = undefined;
      }
    });
  }

  it('exports one HTML file with every chart inline, no script, that prints to PDF', async () => {
    const { html, charts } = writeOut(complete());
    for (const scheme of ['light', 'dark'] as const) {
      context = await (await browser()).newContext({ colorScheme: scheme, viewport: { width: 1000, height: 1400 } });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(html).href);
      const counts = await page.evaluate(() => ({
        svg: document.querySelectorAll('figure > svg').length,
        img: document.querySelectorAll('img').length,
        script: document.querySelectorAll('script').length,
        title: document.querySelector('h1')?.textContent,
      }));
      assert.deepEqual(counts, { svg: charts.length, img: 0, script: 0, title: 'Payments platform, Q4 review' });
      assert.deepEqual(requests, [pathToFileURL(html).href], 'the page loads nothing but itself');
      await page.screenshot({ path: path.join(SHOTS, `html-${scheme}.png`) });
      if (scheme === 'light') {
        const pdf = await page.pdf({ format: 'A4' });
        fs.writeFileSync(path.join(SHOTS, 'report.pdf'), pdf);
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      }
      await context.close();
      context = undefined;
    }
  });
});
