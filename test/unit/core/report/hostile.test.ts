import * as assert from 'node:assert/strict';
import type { Assessment } from '../../../../src/core/assessment/schema';
import type { Framework } from '../../../../src/core/framework/schema';
import { renderReport } from '../../../../src/core/report/render';
import { fixtureAssessment, fixtureFramework, fixtureMetrics } from './fixtures';
import { brokenTables, elementCounts, renderHtml } from './markdownHarness';
import { loadFramework } from '../../../../src/core/framework/load';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from './fixtures';
import { parseSvg } from './xml';

/** Everything that could break out of the place text is put in the report. */
const HOSTILE = [
  'a | pipe | or two',
  '```\nfenced(code)\n```',
  '~~~\nanother fence',
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '# Fake heading',
  '[click me](javascript:alert(1))',
  '![tracker](http://tracker.example/pixel.gif)',
  '&lt;b&gt; &#60;i&#62;',
  '<details open><summary>hidden</summary>',
  '    indented code',
  '---',
  '1. fake list',
  '[ref]: javascript:alert(1)',
  '$\\color{red}{\\text{HACKED}}$ and $$x^2$$',
].join('\n');
/** U+FFFE and U+FFFF are not characters XML allows: one of them in a chart used to make it ill-formed. */
const ONE_LINE =
  'x | y <b>bold</b> `tick` # [l](javascript:1) ![i](http://t/i.png) 1. *em* $\\color{red}{HACKED}$ \ufffe\uffff';

function hostileFramework(): Framework {
  const base = fixtureFramework();
  return {
    ...base,
    name: `Framework ${ONE_LINE}`,
    risks: [{ title: `Risks ${ONE_LINE}`, items: [HOSTILE] }],
    monitoring: [{ title: 'Monitoring', items: [ONE_LINE] }],
    domains: base.domains.map((d) => ({
      ...d,
      name: `${d.name} ${ONE_LINE}`,
      description: HOSTILE,
      questions: d.questions.map((q) => ({
        ...q,
        text: `${q.text} ${ONE_LINE}`,
        help: HOSTILE,
        recommendations: q.recommendations.map((r) => ({ ...r, text: HOSTILE })),
        ...(q.roadmap ? { roadmap: { ...q.roadmap, title: `${q.roadmap.title}: ${ONE_LINE}` } } : {}),
      })),
    })),
  };
}

function hostileAssessment(name: string): Assessment {
  const base = fixtureAssessment(name);
  const answers = Object.fromEntries(Object.entries(base.answers).map(([id, a]) => [id, { ...a, notes: HOSTILE }]));
  const d1 = answers['d1']!;
  if (d1.evidence) answers['d1'] = { ...d1, evidence: { ...d1.evidence, summary: ONE_LINE, method: HOSTILE } };
  return {
    ...base,
    title: `# ${ONE_LINE}`,
    team: HOSTILE,
    answers: { ...answers, [`orphan ${ONE_LINE}`]: { score: 3 } },
  };
}

describe('a report built from hostile text', function () {
  this.timeout(60_000);
  const output = renderReport({
    framework: hostileFramework(),
    assessment: hostileAssessment('complete'),
    previous: { ...fixtureAssessment('complete.previous'), title: HOSTILE },
    metrics: { ...fixtureMetrics(), repository: ONE_LINE, warnings: [HOSTILE] },
    assessmentName: 'name `with` ticks',
    chartBaseName: 'chart (1) <x>',
  });
  const doc = renderHtml(output.markdown);

  it('contains no element a note could have smuggled in', () => {
    const allowed = new Set([
      'h1',
      'h2',
      'h3',
      'h4',
      'p',
      'ul',
      'ol',
      'li',
      'strong',
      'code',
      'pre',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'blockquote',
      'br',
      'img',
      'a',
    ]);
    const unexpected = [...elementCounts(doc).keys()].filter((name) => !allowed.has(name));
    assert.deepEqual(unexpected, []);
    // Table alignment is the renderer's own style attribute; nothing else may carry one.
    assert.equal(doc.querySelectorAll('[onerror], [onclick], :not(th):not(td)[style]').length, 0);
  });

  it('shows only the charts beside the report as images', () => {
    const images = [...doc.querySelectorAll('img')].map((i) => i.getAttribute('src'));
    assert.deepEqual(images, [
      'chart%20%281%29%20%3Cx%3E-metrics.svg',
      'chart%20%281%29%20%3Cx%3E-roadmap.svg',
      'chart%20%281%29%20%3Cx%3E-radar.svg',
    ]);
  });

  it('leaves no math span: every dollar sign is escaped, so no preview renders TeX', () => {
    assert.doesNotMatch(output.markdown, /(^|[^\\])\$/m);
    assert.ok(doc.body.textContent.includes('$\\color{red}{\\text{HACKED}}$'));
  });

  it('links only to web addresses someone wrote out', () => {
    for (const a of doc.querySelectorAll('a')) assert.match(a.getAttribute('href') ?? '', /^https?:\/\//, a.outerHTML);
  });

  it('has only the report’s own headings', () => {
    assert.equal(doc.querySelectorAll('h1').length, 1);
    const headings = [...doc.querySelectorAll('h2')].map((h) => h.textContent);
    assert.deepEqual(headings, [
      'Executive summary',
      'Key metrics',
      'Implementation roadmap',
      'Practice maturity by domain',
      'Since the last assessment',
      'Detailed analysis',
      'Risks and monitoring',
      'Appendix',
    ]);
    assert.ok([...doc.querySelectorAll('h1, h2, h3, h4')].every((h) => !/^Fake heading/.test(h.textContent)));
  });

  it('keeps every table row as wide as its header', () => {
    assert.ok(doc.querySelectorAll('table').length >= 6);
    assert.deepEqual(brokenTables(doc), []);
  });

  it('has no code block at all', () => {
    assert.equal(doc.querySelectorAll('pre').length, 0);
  });

  it('shows the hostile text as text rather than dropping it', () => {
    const text = doc.body.textContent;
    assert.ok(text.includes('<script>alert("x")</script>'));
    assert.ok(text.includes('[click me](javascript:alert(1))'));
    assert.ok(text.includes('&lt;b&gt; &#60;i&#62;'));
    assert.ok(text.includes('a | pipe | or two'));
  });

  it('writes charts that are well-formed and carry the names as text only, without the characters XML forbids', () => {
    assert.equal(output.charts.length, 3);
    for (const chart of output.charts) {
      assert.doesNotMatch(chart.svg, /[\ufffe\uffff]/);
      const svg = parseSvg(chart.svg);
      assert.equal(svg.getElementsByTagName('script').length, 0);
      assert.equal(svg.getElementsByTagName('b').length, 0);
      assert.equal(svg.getElementsByTagName('image').length, 0);
    }
    const radar = parseSvg(output.charts.find((c) => c.fileName.endsWith('-radar.svg'))!.svg);
    assert.match(radar.getElementsByTagName('desc')[0]?.textContent ?? '', /<b>bold<\/b>/);
  });
});

describe('a framework with weights that would overflow', () => {
  it('is refused by the loader, with the line of the weight, before any score can print NaN%', () => {
    const file = path.join(FIXTURES, 'framework.yaml');
    const text = readFileSync(file, 'utf8').replace(
      'help: Count production deployments over the last 90 days.',
      'help: Count production deployments over the last 90 days.\n        weight: 1e308',
    );
    const result = loadFramework(text, file);
    assert.ok(!result.ok, 'the framework loaded');
    const problem = result.problems.find((p) => p.path === 'domains[0].questions[0].weight');
    assert.ok(problem, JSON.stringify(result));
    assert.match(problem.message, /at most 1000/);
    assert.equal(problem.line, text.split('\n').findIndex((l) => l.includes('weight: 1e308')) + 1);
  });
});
