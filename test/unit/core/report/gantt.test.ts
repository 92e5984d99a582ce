import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Roadmap } from '../../../../src/core/framework/schema';
import { gatherFacts } from '../../../../src/core/report/facts';
import { ganttChart, ganttLabel } from '../../../../src/core/report/gantt';
import { planRoadmap } from '../../../../src/core/report/roadmap';
import type { Plan } from '../../../../src/core/report/roadmap';
import { frameworkWithRoadmap } from './builders';
import type { RoadmapSpec } from './builders';
import { assessmentWith, doraFramework, exampleAssessment } from './fixtures';
import { ganttTasks } from './mermaidHarness';

const body = (plan: Plan) => ganttChart(plan, 'Improvement roadmap').slice(1, -1).join('\n');

/** Mermaid's own reading of the chart must give each task the plan's start and ready dates. */
async function assertMermaidAgrees(plan: Plan): Promise<void> {
  const tasks = await ganttTasks(body(plan));
  assert.deepEqual(
    tasks.map((t) => [t.id, t.title, t.start, t.end, t.crit]),
    plan.items.map((i) => [i.id, ganttLabel(i.roadmap.title), i.start, i.ready, i.roadmap.priority === 'high']),
  );
}

describe('the roadmap gantt chart, checked with mermaid’s own parser', function () {
  this.timeout(60_000);

  it('is fenced as a mermaid block with the gantt header', () => {
    const framework = frameworkWithRoadmap([{ id: 'x', weight: 100, questions: ['a'] }], { a: { days: 3 } });
    const plan = planRoadmap(gatherFacts(framework, assessmentWith({ a: { score: 2 } })), '2026-11-20');
    assert.deepEqual(ganttChart(plan, 'Improvement roadmap').slice(0, 6), [
      '```mermaid',
      'gantt',
      '    title Improvement roadmap',
      '    dateFormat YYYY-MM-DD',
      '    excludes weekends',
      '    section Phase 1',
    ]);
  });

  it('gives the shipped DORA framework’s example the same dates the roadmap table shows', async () => {
    const plan = planRoadmap(gatherFacts(doraFramework(), exampleAssessment()), '2026-11-27');
    assert.ok(
      plan.items.some((i) => i.after.length > 1),
      'the example exercises multi-dependency tasks',
    );
    await assertMermaidAgrees(plan);
  });

  it('agrees with mermaid on any dependency graph, durations and start date', async () => {
    const QUESTIONS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'];
    const priority = fc.constantFrom<Roadmap['priority']>('high', 'medium', 'low');
    const item = fc.record({
      days: fc.integer({ min: 1, max: 40 }),
      priority,
      deps: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }),
    });
    const date = fc
      .integer({ min: 0, max: 800 })
      .map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { minLength: 7, maxLength: 7 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 7, maxLength: 7 }),
        date,
        async (items, scores, start) => {
          // Dependencies only on earlier questions: acyclic, as the loader guarantees.
          const roadmaps: Record<string, RoadmapSpec> = {};
          items.forEach((it, i) => {
            roadmaps[QUESTIONS[i]!] = {
              days: it.days,
              priority: it.priority,
              dependsOn: it.deps.filter((d) => d < i).map((d) => QUESTIONS[d]!),
            };
          });
          const framework = frameworkWithRoadmap([{ id: 'x', weight: 100, questions: QUESTIONS }], roadmaps);
          const answers = Object.fromEntries(QUESTIONS.map((q, i) => [q, { score: scores[i]! }]));
          await assertMermaidAgrees(
            planRoadmap(gatherFacts(framework, assessmentWith(answers, { date: start })), start),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  describe('task names', () => {
    const hostile = [
      'Fix: the build; now # really',
      'title Deploy often',
      'section Two',
      'click t1 call alert()',
      '%% comment',
      '2026-11-20 rollout',
      '<script>alert(1)</script>',
      'after t1, 5d',
      'Excludes weekends',
      '',
      '   ',
      'Ünïcode names — stay readable',
    ];

    it('keeps one task per line whatever the title says', async () => {
      const lines = ['gantt', '    dateFormat YYYY-MM-DD', '    section S'];
      hostile.forEach((title, i) => lines.push(`    ${ganttLabel(title)} :t${i + 1}, 2026-11-20, 1d`));
      const tasks = await ganttTasks(lines.join('\n'));
      assert.deepEqual(
        tasks.map((t) => t.id),
        hostile.map((_, i) => `t${i + 1}`),
      );
      assert.deepEqual(
        tasks.map((t) => t.title),
        hostile.map((title) => ganttLabel(title)),
      );
    });

    it('drops the characters mermaid would read as syntax', () => {
      assert.equal(ganttLabel('Fix: the build; now # really'), 'Fix the build now really');
      assert.equal(ganttLabel('title Deploy often'), 'Task title Deploy often');
      assert.equal(ganttLabel(''), 'Task');
    });

    it('shortens long names at a word', () => {
      const label = ganttLabel('Replace manual change approval with peer review and automated gates everywhere');
      assert.equal(label, 'Replace manual change approval with peer review and…');
    });

    /** Pieces of gantt syntax, so random names hit the dangerous cases often. */
    const SYNTAX = fc.constantFrom(
      ':',
      '#',
      ';',
      '%',
      '%%',
      ' ',
      'a',
      '1',
      'title ',
      'section ',
      'click ',
      'excludes ',
      '\n',
      '-',
      '2026-11-20',
      ',',
      'after ',
    );

    it('keeps any text mermaid-safe', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: SYNTAX, maxLength: 12 })),
          async (text) => {
            const label = ganttLabel(text);
            const tasks = await ganttTasks(
              `gantt\n    dateFormat YYYY-MM-DD\n    section S\n    ${label} :t1, 2026-11-20, 1d\n`,
            );
            assert.deepEqual(
              tasks.map((t) => [t.id, t.title]),
              [['t1', label]],
            );
          },
        ),
        { numRuns: 200 },
      );
    });
  });
});
