import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { serializeAssessment } from '../../../src/core/assessment/serialize';
import { outputProblem, reportPaths } from '../../../src/report/paths';
import { ReportError, writeReport } from '../../../src/report/writeReport';
import { fixtureAssessment, fixtureFramework } from '../core/report/fixtures';

function workspace(): { dir: string; file: string } {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'dora-report-')), '.dora');
  mkdirSync(dir);
  const file = path.join(dir, '2026-11-20-report-fixture.json');
  writeFileSync(file, serializeAssessment(fixtureAssessment('complete')));
  return { dir, file };
}

describe('writing the report files', () => {
  describe('paths', () => {
    it('puts the report in reports/ beside the assessment, named after it, with its charts and HTML beside it', () => {
      const paths = reportPaths('/w/.dora/2026-11-20-dora.json');
      assert.equal(paths.markdownFile, path.resolve('/w/.dora/reports/2026-11-20-dora.md'));
      assert.equal(paths.htmlFile, path.resolve('/w/.dora/reports/2026-11-20-dora.html'));
      assert.equal(paths.chartBaseName, '2026-11-20-dora');
      assert.equal(paths.assessmentName, '2026-11-20-dora');
    });

    it('names the charts after an explicit output file', () => {
      const paths = reportPaths('/w/.dora/a.json', '/w/docs/example-report.md');
      assert.equal(paths.chartBaseName, 'example-report');
    });

    it('refuses an output that is not Markdown or is the assessment itself', () => {
      assert.match(outputProblem('/w/a.json', '/w/a.json') ?? '', /ending in \.md/);
      assert.match(outputProblem('/w/a.md', '/w/a.md') ?? '', /the assessment itself/);
      assert.equal(outputProblem('/w/a.json', '/w/r.md'), undefined);
    });
  });

  it('writes the Markdown and the SVGs it links to, comparing with the previous assessment it finds', async () => {
    const { dir, file } = workspace();
    writeFileSync(path.join(dir, 'q3.json'), serializeAssessment(fixtureAssessment('complete.previous')));
    const written = await writeReport({
      assessmentFile: file,
      assessment: fixtureAssessment('complete'),
      framework: fixtureFramework(),
    });
    assert.equal(path.basename(written.previous?.file ?? ''), 'q3.json');
    const markdown = readFileSync(written.markdownFile, 'utf8');
    assert.match(markdown, /!\[Practice maturity by domain, radar chart\]\(2026-11-20-report-fixture-radar\.svg\)/);
    assert.match(markdown, /!\[Roadmap timeline\]\(2026-11-20-report-fixture-roadmap\.svg\)/);
    assert.match(markdown, /## Since the last assessment/);
    assert.deepEqual(
      written.chartFiles.map((f) => path.basename(f)),
      ['2026-11-20-report-fixture-roadmap.svg', '2026-11-20-report-fixture-radar.svg'],
    );
    for (const chart of written.chartFiles) assert.match(readFileSync(chart, 'utf8'), /^<svg /);
    assert.equal(written.htmlFile, undefined);
  });

  it('writes the HTML export on request: the same report with its charts inline', async () => {
    const { file } = workspace();
    const written = await writeReport({
      assessmentFile: file,
      assessment: fixtureAssessment('complete'),
      framework: fixtureFramework(),
      previous: null,
      capacity: 3,
      html: true,
    });
    const html = readFileSync(written.htmlFile!, 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.equal(html.match(/<svg /g)?.length, 2);
    assert.doesNotMatch(html, /<script|<img /);
    assert.match(html, /worked 3 at a time/);
  });

  it('compares with nothing when told so', async () => {
    const { dir, file } = workspace();
    writeFileSync(path.join(dir, 'q3.json'), serializeAssessment(fixtureAssessment('complete.previous')));
    const written = await writeReport({
      assessmentFile: file,
      assessment: fixtureAssessment('complete'),
      framework: fixtureFramework(),
      previous: null,
    });
    assert.equal(written.previous, undefined);
    assert.doesNotMatch(readFileSync(written.markdownFile, 'utf8'), /## Since the last assessment/);
  });

  it('leaves unchanged files alone when regenerating', async () => {
    const { file } = workspace();
    const job = { assessmentFile: file, assessment: fixtureAssessment('complete'), framework: fixtureFramework() };
    const first = await writeReport(job);
    const before = statSync(first.markdownFile).mtimeMs;
    const again = await writeReport(job);
    assert.equal(first.changed, true);
    assert.equal(again.changed, false);
    assert.equal(statSync(again.markdownFile).mtimeMs, before);
  });

  it('refuses a previous assessment of another framework', async () => {
    const { file } = workspace();
    const other = { ...fixtureAssessment('complete.previous'), framework: { id: 'calms', version: '1.0.0' } };
    await assert.rejects(
      () =>
        writeReport({
          assessmentFile: file,
          assessment: fixtureAssessment('complete'),
          framework: fixtureFramework(),
          previous: { file: '/x/calms.json', assessment: other },
        }),
      (error: unknown) =>
        error instanceof ReportError && /assesses framework "calms", not "report-fixture"/.test(error.message),
    );
  });

  it('never writes over the assessment', async () => {
    const { file } = workspace();
    const before = readFileSync(file, 'utf8');
    await assert.rejects(
      () =>
        writeReport({
          assessmentFile: file,
          assessment: fixtureAssessment('complete'),
          framework: fixtureFramework(),
          output: file,
        }),
      ReportError,
    );
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.equal(existsSync(file.replace(/\.json$/, '-radar.svg')), false);
  });
});
