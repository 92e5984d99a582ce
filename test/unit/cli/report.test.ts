import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/run';
import { renderReport } from '../../../src/core/report/render';
import { FIXTURES, fixtureAssessment, fixtureFramework, ROOT } from '../core/report/fixtures';
import { FixtureRepo } from '../git/fixtureRepo';

const FRAMEWORK = path.join(FIXTURES, 'framework.yaml');

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    cwd,
    now: () => new Date('2030-01-01T00:00:00Z'),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A workspace with `.dora/` holding the complete fixture and, optionally, its previous assessment. */
function workspace(withPrevious: boolean): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dora-report-cli-'));
  mkdirSync(path.join(root, '.dora'));
  copyFileSync(path.join(FIXTURES, 'complete.json'), path.join(root, '.dora', 'q4.json'));
  if (withPrevious) copyFileSync(path.join(FIXTURES, 'complete.previous.json'), path.join(root, '.dora', 'q3.json'));
  return root;
}

describe('dora-assess report', function () {
  this.timeout(60_000);

  it('writes .dora/reports/<name>.md and its chart, comparing with the previous assessment it finds', async () => {
    const root = workspace(true);
    const run = await cli(['report', '.dora/q4.json', '--framework-file', FRAMEWORK], root);
    assert.equal(run.code, 0, run.err);
    const reports = (name: string) => path.join('.dora', 'reports', name);
    assert.equal(
      run.out,
      `Wrote ${reports('q4.md')}, ${reports('q4-roadmap.svg')}, ${reports('q4-radar.svg')}, compared with ${path.join('.dora', 'q3.json')}.`,
    );
    const expected = renderReport({
      framework: fixtureFramework(),
      assessment: fixtureAssessment('complete'),
      previous: fixtureAssessment('complete.previous'),
      assessmentName: 'q4',
      chartBaseName: 'q4',
    });
    assert.equal(readFileSync(path.join(root, '.dora', 'reports', 'q4.md'), 'utf8'), expected.markdown);
    for (const chart of expected.charts)
      assert.equal(readFileSync(path.join(root, '.dora', 'reports', chart.fileName), 'utf8'), chart.svg);
  });

  it('says nothing changed when run again on an unchanged assessment', async () => {
    const root = workspace(false);
    await cli(['report', '.dora/q4.json', '--framework-file', FRAMEWORK], root);
    const again = await cli(['report', '.dora/q4.json', '--framework-file', FRAMEWORK], root);
    assert.match(again.out, /^Unchanged: /);
  });

  it('writes to -o, with the chart named after it', async () => {
    const root = workspace(false);
    const run = await cli(['report', '.dora/q4.json', '--framework-file', FRAMEWORK, '-o', 'docs/report.md'], root);
    assert.equal(run.code, 0, run.err);
    assert.match(
      readFileSync(path.join(root, 'docs', 'report.md'), 'utf8'),
      /!\[Practice maturity by domain, radar chart\]\(report-radar\.svg\)/,
    );
    assert.ok(existsSync(path.join(root, 'docs', 'report-radar.svg')));
  });

  it('compares with the file given by --previous, or with nothing under --no-previous', async () => {
    const root = workspace(false);
    const given = await cli(
      [
        'report',
        '.dora/q4.json',
        '--framework-file',
        FRAMEWORK,
        '--previous',
        path.join(FIXTURES, 'complete.previous.json'),
      ],
      root,
    );
    assert.match(given.out, /compared with .*complete\.previous\.json\.$/);
    const none = await cli(
      ['report', '.dora/q4.json', '--framework-file', FRAMEWORK, '--no-previous'],
      workspace(true),
    );
    assert.doesNotMatch(none.out, /compared with/);
  });

  it('writes the HTML export with --html and schedules the roadmap with --capacity', async () => {
    const root = workspace(false);
    const run = await cli(
      ['report', '.dora/q4.json', '--framework-file', FRAMEWORK, '--html', '--capacity', '1'],
      root,
    );
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^Wrote \S*q4\.md, \S*q4\.html, /);
    const html = readFileSync(path.join(root, '.dora', 'reports', 'q4.html'), 'utf8');
    assert.match(html, /worked 1 at a time/);
    assert.doesNotMatch(html, /<script/);
  });

  it('takes the capacity from .dora/config.yaml unless --capacity overrides it, and reports a broken file', async () => {
    const root = workspace(false);
    writeFileSync(path.join(root, '.dora', 'config.yaml'), 'capacity: 3\n');
    const configured = await cli(['report', '.dora/q4.json', '--framework-file', FRAMEWORK], root);
    assert.equal(configured.code, 0, configured.err);
    const markdown = () => readFileSync(path.join(root, '.dora', 'reports', 'q4.md'), 'utf8');
    assert.match(markdown(), /worked 3 at a time/);
    await cli(['report', '.dora/q4.json', '--framework-file', FRAMEWORK, '--capacity', '1'], root);
    assert.match(markdown(), /worked 1 at a time/);
    writeFileSync(path.join(root, '.dora', 'config.yaml'), 'capacity: lots\n');
    const broken = await cli(['report', '.dora/q4.json', '--framework-file', FRAMEWORK], root);
    assert.equal(broken.code, 0, 'the report still goes out');
    assert.match(broken.err, /config\.yaml:1:\d+.*capacity.*default capacity until the file is fixed/);
    assert.match(markdown(), /worked 2 at a time/);
  });

  it('explains bad usage in one line', async () => {
    const root = workspace(false);
    assert.match((await cli(['report'], root)).err, /report needs an assessment file/);
    assert.match(
      (await cli(['report', '.dora/q4.json', '--framework-file', FRAMEWORK, '-o', 'out.txt'], root)).err,
      /give an output file ending in \.md/,
    );
    assert.match(
      (await cli(['report', '.dora/q4.json', '--framework-file', FRAMEWORK, '--top', 'many'], root)).err,
      /--top "many" must be a whole number/,
    );
    assert.match(
      (await cli(['report', '.dora/q4.json', '--framework-file', FRAMEWORK, '--capacity', '0'], root)).err,
      /--capacity "0" must be a whole number from 1 to 50/,
    );
    assert.match((await cli(['report', '.dora/missing.json'], root)).err, /missing\.json: file not found/);
  });

  it('adds git metrics with --repo, measured up to the assessment’s last update', async () => {
    const repo = FixtureRepo.create();
    try {
      repo.commit('feat: one', '2026-09-30T10:00:00Z');
      repo.annotatedTag('v1.0.0', '2026-10-01T10:00:00Z');
      repo.commit('feat: two', '2026-10-14T10:00:00Z');
      repo.annotatedTag('v1.1.0', '2026-10-15T10:00:00Z');
      repo.commit('feat: three', '2026-10-31T10:00:00Z');
      repo.annotatedTag('v1.2.0', '2026-11-01T10:00:00Z');
      // After the assessment was last updated (2026-11-20): outside the window.
      repo.commit('feat: later', '2026-11-30T10:00:00Z');
      repo.annotatedTag('v1.3.0', '2026-12-01T10:00:00Z');
      const root = workspace(false);
      const run = await cli(['report', '.dora/q4.json', '--framework-file', FRAMEWORK, '--repo', repo.dir], root);
      assert.equal(run.code, 0, run.err);
      const markdown = readFileSync(path.join(root, '.dora', 'reports', 'q4.md'), 'utf8');
      assert.match(markdown, /Measured from the git history between 2026-08-22 and 2026-11-20 \(90 days\)\./);
      assert.doesNotMatch(markdown, new RegExp(repo.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'no local path');
      assert.match(markdown, /\| Deployment frequency \| .* \| 0\.2 a week \| Medium \|/);
      assert.ok(existsSync(path.join(root, '.dora', 'reports', 'q4-metrics.svg')));
    } finally {
      repo.dispose();
    }
  });

  it('explains a folder that is not a git repository', async () => {
    const root = workspace(false);
    const run = await cli(['report', '.dora/q4.json', '--framework-file', FRAMEWORK, '--repo', root], root);
    assert.equal(run.code, 1);
    assert.match(run.err, /^dora-assess report: /);
    assert.equal(existsSync(path.join(root, '.dora', 'reports')), false, 'no report half-written');
  });

  it('keeps the committed example report in step with the example assessment (npm run demo writes it)', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'dora-example-'));
    const run = await cli(['report', 'media/example/assessment.json', '-o', path.join(out, 'example-report.md')], ROOT);
    assert.equal(run.code, 0, run.err);
    const names = readdirSync(path.join(ROOT, 'docs')).filter((n) => n.startsWith('example-report'));
    assert.deepEqual(names.sort(), readdirSync(out).sort(), 'the same files, none left over');
    for (const name of names) {
      assert.equal(
        readFileSync(path.join(out, name), 'utf8'),
        readFileSync(path.join(ROOT, 'docs', name), 'utf8'),
        `docs/${name} is out of date; run "npm run demo" and commit the result`,
      );
    }
  });
});
