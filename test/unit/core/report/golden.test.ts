import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderReport } from '../../../../src/core/report/render';
import type { ReportInput } from '../../../../src/core/report/render';
import { FIXTURES, fixtureAssessment, fixtureFramework, fixtureMetrics } from './fixtures';
import { ganttTasks, mermaidBlock } from './mermaidHarness';
import { parseSvg } from './xml';

/** Run with UPDATE_GOLDEN=1 to rewrite the golden files after an intended change; then read the diff. */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const CASES: Record<string, () => ReportInput> = {
  complete: () => ({
    framework: fixtureFramework(),
    assessment: fixtureAssessment('complete'),
    previous: fixtureAssessment('complete.previous'),
    metrics: fixtureMetrics(),
    assessmentName: 'complete',
    chartFileName: 'complete.svg',
  }),
  partial: () => ({
    framework: fixtureFramework(),
    assessment: fixtureAssessment('partial'),
    assessmentName: 'partial',
    chartFileName: 'partial.svg',
  }),
  unknown: () => ({
    framework: fixtureFramework(),
    assessment: fixtureAssessment('unknown'),
    assessmentName: 'unknown',
    chartFileName: 'unknown.svg',
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

describe('report golden files', () => {
  for (const [name, input] of Object.entries(CASES)) {
    describe(`the ${name} assessment`, () => {
      it('renders the Markdown and the chart byte for byte as the golden files', () => {
        const output = renderReport(input());
        compare(path.join(FIXTURES, `${name}.md`), output.markdown);
        compare(path.join(FIXTURES, `${name}.svg`), output.svg);
      });

      it('renders the same bytes every time', () => {
        const first = renderReport(input());
        const second = renderReport(input());
        assert.equal(second.markdown, first.markdown);
        assert.equal(second.svg, first.svg);
      });

      it('writes a chart that is well-formed XML', () => {
        parseSvg(renderReport(input()).svg);
      });
    });
  }

  it('writes a gantt chart mermaid parses for the complete assessment', async () => {
    const tasks = await ganttTasks(mermaidBlock(renderReport(CASES.complete!()).markdown));
    assert.ok(tasks.length > 0);
  });

  it('writes no gantt chart when nothing can be scheduled', () => {
    assert.doesNotMatch(renderReport(CASES.unknown!()).markdown, /```mermaid/);
  });
});
