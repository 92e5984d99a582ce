import * as assert from 'node:assert/strict';
import type { Assessment } from '../../../../src/core/assessment/schema';
import type { Framework } from '../../../../src/core/framework/schema';
import { renderReport } from '../../../../src/core/report/render';
import { fixtureAssessment, fixtureFramework, fixtureMetrics } from './fixtures';
import { brokenTables, elementCounts, renderHtml } from './markdownHarness';
import { ganttTasks, mermaidBlock } from './mermaidHarness';
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
].join('\n');
const ONE_LINE = 'x | y <b>bold</b> `tick` # [l](javascript:1) ![i](http://t/i.png) 1. *em*';

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
  const d1 = answers.d1!;
  if (d1.evidence) answers.d1 = { ...d1, evidence: { ...d1.evidence, summary: ONE_LINE, method: HOSTILE } };
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
    chartFileName: 'chart (1) <x>.svg',
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

  it('shows exactly one image, the chart beside the report', () => {
    const images = [...doc.querySelectorAll('img')].map((i) => i.getAttribute('src'));
    assert.deepEqual(images, ['chart%20%281%29%20%3Cx%3E.svg']);
  });

  it('links only to web addresses someone wrote out', () => {
    for (const a of doc.querySelectorAll('a')) assert.match(a.getAttribute('href') ?? '', /^https?:\/\//, a.outerHTML);
  });

  it('has only the report’s own headings', () => {
    assert.equal(doc.querySelectorAll('h1').length, 1);
    const headings = [...doc.querySelectorAll('h2')].map((h) => h.textContent);
    assert.deepEqual(headings, [
      'Executive summary',
      'Scores by domain',
      'Since the last assessment',
      'Detailed analysis',
      'Implementation roadmap',
      'Risk assessment',
      'Monitoring strategy',
      'Appendix',
    ]);
    assert.ok([...doc.querySelectorAll('h1, h2, h3, h4')].every((h) => !/^Fake heading/.test(h.textContent)));
  });

  it('keeps every table row as wide as its header', () => {
    assert.ok(doc.querySelectorAll('table').length >= 6);
    assert.deepEqual(brokenTables(doc), []);
  });

  it('has one code block, the roadmap chart, and mermaid still reads every task', async () => {
    const blocks = [...doc.querySelectorAll('pre > code')];
    assert.deepEqual(
      blocks.map((b) => b.className),
      ['language-mermaid'],
    );
    const tasks = await ganttTasks(mermaidBlock(output.markdown));
    assert.equal(tasks.length, 7);
    assert.ok(
      tasks.every((t) => !/[:#;<>`|[\]]/.test(t.title)),
      tasks.map((t) => t.title).join('\n'),
    );
  });

  it('shows the hostile text as text rather than dropping it', () => {
    const text = doc.body.textContent;
    assert.ok(text.includes('<script>alert("x")</script>'));
    assert.ok(text.includes('[click me](javascript:alert(1))'));
    assert.ok(text.includes('&lt;b&gt; &#60;i&#62;'));
    assert.ok(text.includes('a | pipe | or two'));
  });

  it('writes a chart that is well-formed and carries the domain names as text only', () => {
    const svg = parseSvg(output.svg);
    assert.equal(svg.getElementsByTagName('script').length, 0);
    assert.equal(svg.getElementsByTagName('b').length, 0);
    assert.match(svg.getElementsByTagName('title')[0]?.textContent ?? '', /<b>bold<\/b>/);
  });
});
