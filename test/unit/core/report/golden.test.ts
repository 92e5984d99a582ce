import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { QUICK_CHECK_FRAMEWORK } from '../../../../src/core/quickcheck/framework';
import { renderReport } from '../../../../src/core/report/render';
import type { ReportInput, ReportOutput } from '../../../../src/core/report/render';
import { FIXTURES, fixtureAssessment, fixtureFramework, fixtureMetrics } from './fixtures';
import { renderHtml } from './markdownHarness';
import { parseSvg } from './xml';

/** Run with UPDATE_GOLDEN=1 to rewrite the golden files after an intended change; then read the diff. */
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const GOLDEN = path.join(FIXTURES, 'golden');

const base = (name: string) => ({
  framework: fixtureFramework(),
  assessment: fixtureAssessment(name),

  assessmentName: name,
  chartBaseName: name,
});

/** Every kind of report: measured and fully answered, half answered, nothing known, and one with a trend. */
export const GOLDEN_CASES: Record<string, () => ReportInput> = {
  complete: () => ({ ...base('complete'), metrics: fixtureMetrics() }),
  trend: () => ({
    ...base('complete'),
    previous: fixtureAssessment('complete.previous'),
    metrics: fixtureMetrics(),
    chartBaseName: 'trend',
    capacity: 3,
  }),
  partial: () => base('partial'),
  unknown: () => base('unknown'),
  quickcheck: () => ({
    ...base('quickcheck'),
    framework: QUICK_CHECK_FRAMEWORK,
    previous: fixtureAssessment('quickcheck.previous'),
  }),
};

function compare(file: string, actual: string): void {
  if (UPDATE || !existsSync(file)) {
    writeFileSync(file, actual);
    if (!UPDATE) assert.fail(`${path.basename(file)} did not exist and was written; check it and run again`);
    return;
  }
  assert.equal(
    actual,
    readFileSync(file, 'utf8'),
    `${path.basename(file)} differs from the golden file; if the change is intended, run with UPDATE_GOLDEN=1 and review the diff`,
  );
}

/** The image sources of the Markdown as a preview renders it. */
function imageSources(output: ReportOutput): string[] {
  return [...renderHtml(output.markdown).querySelectorAll('img')].map((img) => img.getAttribute('src') ?? '');
}

describe('report golden files', () => {
  before(() => {
    if (!UPDATE) return;
    for (const file of readdirSync(GOLDEN)) unlinkSync(path.join(GOLDEN, file));
  });

  for (const [name, input] of Object.entries(GOLDEN_CASES)) {
    describe(`the ${name} report`, () => {
      it('renders the Markdown and every chart byte for byte as the golden files', () => {
        const output = renderReport(input());
        compare(path.join(GOLDEN, `${name}.md`), output.markdown);
        for (const chart of output.charts) compare(path.join(GOLDEN, chart.fileName), chart.svg);
      });

      it('renders the same bytes every time', () => {
        assert.deepEqual(renderReport(input()), renderReport(input()));
      });

      it('links every image to a chart it writes, and every chart is well-formed SVG', () => {
        const output = renderReport(input());
        const written = new Map(output.charts.map((c) => [c.fileName, c.svg]));
        const sources = imageSources(output);
        assert.deepEqual(sources, [...written.keys()], 'each chart shown once, in the order written');
        for (const source of sources) {
          const svg = written.get(decodeURIComponent(source));
          assert.ok(svg, `${source} is not written beside the report`);
          assert.equal(parseSvg(svg).documentElement.localName, 'svg');
        }
      });

      it('shows no code block: every chart is an image', () => {
        assert.equal(renderHtml(renderReport(input()).markdown).querySelectorAll('pre').length, 0);
      });
    });
  }
});
