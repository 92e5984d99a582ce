import * as assert from 'node:assert/strict';
import { renderChart, wrapLabel } from '../../../../src/core/report/radar';
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

  it('draws the radar on its own white card, so it reads on dark pages too', () => {
    const rect = parseSvg(renderChart(FIVE)).getElementsByTagName('rect')[0]!;
    assert.equal(rect.getAttribute('fill'), '#ffffff');
  });

  it('places each domain at its percent along its axis', () => {
    const doc = parseSvg(renderChart({ ...FIVE, current: { values: [100, 0, 50, 0, 0] } }));
    const current = [...doc.getElementsByTagName('polygon')].find((p) => p.getAttribute('fill-opacity') !== null)!;
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
    const dashed = [...doc.getElementsByTagName('polygon')].filter((p) => p.getAttribute('stroke-dasharray'));
    assert.equal(dashed.length, 1);
    const legend = [...doc.getElementsByTagName('text')].map((t) => t.textContent);
    assert.ok(legend.includes('This assessment (2026-11-27)'));
    assert.ok(legend.includes('Previous (2026-08-14)'));
  });

  it('labels an unscored domain as not scored and says so when nothing is scored', () => {
    const doc = parseSvg(
      renderChart({ ...FIVE, current: { values: [undefined, undefined, undefined, undefined, undefined] } }),
    );
    const texts = [...doc.getElementsByTagName('tspan'), ...doc.getElementsByTagName('text')].map((t) => t.textContent);
    assert.ok(texts.includes('not scored'));
    assert.ok(texts.includes('No domain scored yet'));
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
    assert.match(labels, /<script>alert\(1\)<\/script>/);
    assert.match(labels, /A & B/);
  });

  it('wraps long domain names onto at most three lines', () => {
    assert.deepEqual(wrapLabel('Failed Deployment Recovery Time'), ['Failed Deployment', 'Recovery Time']);
    assert.equal(wrapLabel('one two three four five six seven eight nine ten eleven twelve thirteen').length, 3);
  });

  describe('with fewer than three domains', () => {
    it('draws horizontal bars instead of a degenerate polygon', () => {
      const doc = parseSvg(renderChart({ ...FIVE, axes: ['Flow', 'Care'], current: { values: [75, 25] } }));
      assert.equal(doc.getElementsByTagName('polygon').length, 0);
      const bars = [...doc.getElementsByTagName('rect')].slice(1).filter((r) => r.getAttribute('height') === '20');
      assert.deepEqual(
        bars.map((b) => Number(b.getAttribute('width'))),
        [315, 105],
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
      const bar = [...doc.getElementsByTagName('rect')].find((r) => r.getAttribute('height') === '20')!;
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
