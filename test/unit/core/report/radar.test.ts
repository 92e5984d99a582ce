import * as assert from 'node:assert/strict';
import { renderChart } from '../../../../src/core/report/radar';
import { wrapWords } from '../../../../src/core/report/svg';
import type { ChartInput } from '../../../../src/core/report/radar';
import { parseSvg } from './xml';

const FIVE: ChartInput = {
  title: 'Domain scores: Q4',
  axes: [
    'Deployment Frequency',
    'Lead Time for Changes',
    'Change Failure Rate',
    'Failed Deployment Recovery Time',
    'Enabling Practices',
  ],
  current: { values: [45, 60, 50, 56.3, 55] },
  currentLabel: 'This assessment (2026-11-27)',
};

const points = (polygon: Element) =>
  (polygon.getAttribute('points') ?? '').split(' ').map((pair) => pair.split(',').map(Number) as [number, number]);

describe('the domain chart (SVG)', () => {
  it('is well-formed XML, an accessible image with a title and a text summary', () => {
    const doc = parseSvg(renderChart(FIVE));
    const svg = doc.documentElement;
    assert.equal(svg.getAttribute('role'), 'img');
    assert.equal(doc.getElementsByTagName('title')[0]?.textContent, 'Domain scores: Q4');
    assert.match(
      doc.getElementsByTagName('desc')[0]?.textContent ?? '',
      /Deployment Frequency 45%, .*Enabling Practices 55%/,
    );
  });

  it('draws its own card and switches it to a dark palette on dark screens, but not on paper', () => {
    const doc = parseSvg(renderChart(FIVE));
    assert.equal(doc.getElementsByTagName('rect')[0]!.getAttribute('class'), 'card');
    const style = doc.getElementsByTagName('style')[0]!.textContent;
    assert.match(style, /\.card\{fill:#ffffff/);
    assert.match(style, /@media screen and \(prefers-color-scheme:dark\)\{\.card\{fill:#0d1117/);
  });

  it('places each domain at its percent along its axis', () => {
    const doc = parseSvg(renderChart({ ...FIVE, current: { values: [100, 0, 50, 0, 0] } }));
    const current = [...doc.getElementsByTagName('polygon')].find((p) => p.getAttribute('class') === 'area')!;
    const [top, centre1, , centre3] = points(current);
    const [cx, cy] = centre1!;
    assert.deepEqual(centre3, [cx, cy], 'a 0% domain sits at the centre');
    assert.equal(top![0], cx, 'the first axis points straight up');
    const full = cy - top![1];
    assert.ok(full > 100, 'a 100% domain reaches the outer ring');
  });

  it('draws the previous assessment as a dashed outline and names both in the legend', () => {
    const svg = renderChart({
      ...FIVE,
      previous: { values: [30, 60, undefined, 40, 50], label: 'Previous (2026-08-14)' },
    });
    const doc = parseSvg(svg);
    const dashed = [...doc.getElementsByTagName('polyline')].filter((p) => p.getAttribute('class') === 'previous');
    assert.equal(dashed.length, 1);
    const legend = [...doc.getElementsByTagName('text')].map((t) => t.textContent);
    assert.ok(legend.includes('This assessment (2026-11-27)'));
    assert.ok(legend.includes('Previous (2026-08-14)'));
  });

  it('leaves a gap at an unscored domain instead of drawing it at 0%, and says so in a note', () => {
    const doc = parseSvg(renderChart({ ...FIVE, current: { values: [80, 60, undefined, 40, 20] } }));
    const outline = [...doc.getElementsByTagName('polyline')].filter((p) => p.getAttribute('class') === 'outline');
    assert.equal(outline.length, 1, 'one unbroken run, from the domain after the gap round to the one before it');
    assert.equal(points(outline[0]!).length, 4);
    const cy = Number(doc.getElementsByTagName('line')[0]!.getAttribute('y1'));
    const cx = Number(doc.getElementsByTagName('line')[0]!.getAttribute('x1'));
    assert.ok(
      !points(outline[0]!).some(([x, y]) => x === cx && y === cy),
      'no point of the outline sits at the centre',
    );
    assert.equal([...doc.getElementsByTagName('circle')].filter((c) => c.getAttribute('class') === 'gap').length, 1);
    const texts = [...doc.getElementsByTagName('tspan'), ...doc.getElementsByTagName('text')].map((t) => t.textContent);
    assert.ok(texts.includes('not scored'));
    assert.ok(texts.some((t) => t.startsWith('Not scored: Change Failure Rate.')));
  });

  it('says so when nothing is scored, and draws no outline', () => {
    const doc = parseSvg(
      renderChart({ ...FIVE, current: { values: [undefined, undefined, undefined, undefined, undefined] } }),
    );
    assert.equal(doc.getElementsByTagName('polyline').length, 0);
    const texts = [...doc.getElementsByTagName('text')].map((t) => t.textContent);
    assert.ok(texts.some((t) => t.startsWith('No domain is scored yet.')));
  });

  it('writes no text smaller than 12 units, so labels stay legible in a narrow preview', () => {
    const svg = renderChart(FIVE);
    for (const [, size] of svg.matchAll(/font-size="([\d.]+)"/g)) assert.ok(Number(size) >= 12, `font-size ${size}`);
  });

  it('writes every coordinate with one decimal, so the bytes do not depend on float noise', () => {
    const svg = renderChart({ ...FIVE, current: { values: [33.3, 66.7, 12.5, 87.5, 1] } });
    for (const [, value] of svg.matchAll(/\s(?:points|x|y|x1|y1|x2|y2|cx|cy)="([^"]+)"/g)) {
      for (const number of value!.split(/[ ,]/)) assert.match(number, /^\d+(\.\d)?$/, `coordinate ${number}`);
    }
  });

  it('escapes labels, so a domain name cannot add markup', () => {
    const svg = renderChart({
      ...FIVE,
      axes: ['<script>alert(1)</script>', 'A & B', '"quoted" \'single\'', 'x</text><image href="http://t"/>', 'E'],
    });
    const doc = parseSvg(svg);
    assert.equal(doc.getElementsByTagName('script').length, 0);
    assert.equal(doc.getElementsByTagName('image').length, 0);
    const labels = [...doc.getElementsByTagName('tspan')].map((t) => t.textContent).join(' | ');
    assert.match(labels, /<script>alert\(1\)<\//);
    assert.match(labels, /A & B/);
  });

  it('wraps long names at spaces and never cuts them short', () => {
    assert.deepEqual(wrapWords('Failed Deployment Recovery Time', 18), ['Failed Deployment', 'Recovery Time']);
    const long = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    assert.equal(wrapWords(long, 18).join(' '), long);
    assert.deepEqual(wrapWords('Supercalifragilistic', 8), ['Supercal', 'ifragili', 'stic']);
  });

  describe('with fewer than three domains', () => {
    it('draws horizontal bars instead of a degenerate polygon', () => {
      const doc = parseSvg(renderChart({ ...FIVE, axes: ['Flow', 'Care'], current: { values: [75, 25] } }));
      assert.equal(doc.getElementsByTagName('polygon').length, 0);
      const bars = [...doc.getElementsByTagName('rect')].filter((r) => r.getAttribute('class') === 'accent');
      assert.deepEqual(
        bars.map((b) => Number(b.getAttribute('width'))),
        [270, 90],
      );
    });

    it('marks the previous value on each bar', () => {
      const doc = parseSvg(
        renderChart({
          ...FIVE,
          axes: ['Only'],
          current: { values: [50] },
          previous: { values: [25], label: 'Previous' },
        }),
      );
      const bar = [...doc.getElementsByTagName('rect')].find((r) => r.getAttribute('class') === 'accent')!;
      const left = Number(bar.getAttribute('x'));
      const full = Number(bar.getAttribute('width')) * 2;
      const markers = [...doc.getElementsByTagName('line')].filter(
        (l) => l.getAttribute('stroke-dasharray') && Number(l.getAttribute('x1')) >= left,
      );
      assert.deepEqual(
        markers.map((m) => Number(m.getAttribute('x1'))),
        [left + full / 4],
        'one dashed marker, at 25% of the bar scale',
      );
    });
  });
});
