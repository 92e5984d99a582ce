import * as assert from 'node:assert/strict';
import type { Framework } from '../../../../src/core/framework/schema';
import { gatherFacts } from '../../../../src/core/report/facts';
import { planRoadmap } from '../../../../src/core/report/roadmap';
import type { Plan } from '../../../../src/core/report/roadmap';
import { frameworkWithRoadmap } from './builders';
import { assessmentWith } from './fixtures';

const DOMAINS = [
  { id: 'flow', weight: 60, questions: ['a', 'b', 'c', 'd'] },
  { id: 'care', weight: 40, questions: ['e', 'f'] },
];

function plan(
  framework: Framework,
  scores: Record<string, number | undefined>,
  date = '2026-11-23',
  capacity?: number,
): Plan {
  const answers = Object.fromEntries(
    Object.entries(scores).map(([id, score]) => [id, score === undefined ? { notes: 'open' } : { score }]),
  );
  return planRoadmap(gatherFacts(framework, assessmentWith(answers, { date })), date, capacity);
}

const ids = (p: Plan) => p.items.map((i) => i.fact.question.id);

describe('roadmap planning', () => {
  it('schedules one item per question scored 1 to 4 that has a roadmap entry', () => {
    const framework = frameworkWithRoadmap(DOMAINS, {
      a: { days: 2 },
      b: { days: 2 },
      c: { days: 2 },
      d: { days: 2 },
      e: { days: 2 },
    });
    const p = plan(framework, { a: 1, b: 4, c: 5, d: 0, e: undefined, f: 2 });
    assert.deepEqual(ids(p), ['a', 'b']);
    assert.deepEqual(
      p.items.map((i) => i.id),
      ['R1', 'R2'],
    );
  });

  it('lists unknown and unanswered questions with a roadmap entry to assess first, not on the schedule', () => {
    const framework = frameworkWithRoadmap(DOMAINS, { a: { days: 2 }, d: { days: 2 }, e: { days: 2 } });
    const p = plan(framework, { a: 3, d: 0 });
    assert.deepEqual(
      p.assessFirst.map((f) => f.question.id),
      ['d', 'e'],
    );
  });

  it('starts independent items on the report date and others when their last dependency is ready', () => {
    const framework = frameworkWithRoadmap(DOMAINS, {
      a: { days: 5, dependsOn: ['b', 'c'] },
      b: { days: 2 },
      c: { days: 4 },
    });
    const p = plan(framework, { a: 2, b: 2, c: 2 }, '2026-11-23');
    const byId = new Map(p.items.map((i) => [i.fact.question.id, i]));
    assert.equal(byId.get('b')!.start, '2026-11-23');
    assert.equal(byId.get('c')!.ready, '2026-11-27');
    assert.equal(byId.get('a')!.start, '2026-11-27', 'waits for c, the later of its two dependencies');
    assert.equal(byId.get('a')!.ready, '2026-12-04');
    assert.equal(p.finish, '2026-12-04');
  });

  it('puts every item after what it depends on, and starts a low blocker of high work before other high work', () => {
    const framework = frameworkWithRoadmap(DOMAINS, {
      a: { days: 3, priority: 'high', dependsOn: ['f'] },
      f: { days: 3, priority: 'low', dependsOn: ['e'] },
      e: { days: 3, priority: 'low' },
      b: { days: 3, priority: 'high' },
    });
    const p = plan(framework, { a: 2, b: 2, e: 2, f: 2 });
    assert.deepEqual(
      ids(p),
      ['b', 'e', 'f', 'a'],
      'e is as urgent as a, which waits on it; b comes first in the framework',
    );
    const f = p.items.find((i) => i.fact.question.id === 'f')!;
    assert.deepEqual(
      f.neededBy.map((i) => i.fact.question.id),
      ['a'],
      'a low item a high one waits on says so',
    );
    assert.deepEqual(
      f.after.map((i) => i.fact.question.id),
      ['e'],
    );
  });

  it('works on no more items at once than the capacity, 2 unless told otherwise', () => {
    const framework = frameworkWithRoadmap(DOMAINS, {
      a: { days: 5 },
      b: { days: 5 },
      c: { days: 5 },
      d: { days: 5 },
      e: { days: 5 },
    });
    const scores = { a: 2, b: 2, c: 2, d: 2, e: 2 };
    const busiest = (p: Plan) =>
      Math.max(
        ...p.items.map((i) => p.items.filter((o) => o.startDay <= i.startDay && o.readyDay > i.startDay).length),
      );
    const two = plan(framework, scores);
    assert.equal(two.capacity, 2);
    assert.equal(busiest(two), 2);
    assert.deepEqual(
      two.items.map((i) => i.startDay),
      [0, 0, 5, 5, 10],
    );
    assert.equal(two.finish, '2026-12-14', 'three rounds of a working week from Monday 2026-11-23');
    const one = plan(framework, scores, '2026-11-23', 1);
    assert.equal(busiest(one), 1);
    assert.equal(one.totalDays, 25);
    assert.equal(plan(framework, scores, '2026-11-23', 5).totalDays, 5);
  });

  it('takes the most urgent ready work first: high before medium before low, then framework order', () => {
    const framework = frameworkWithRoadmap(DOMAINS, {
      a: { days: 2, priority: 'low' },
      b: { days: 2, priority: 'medium' },
      c: { days: 2, priority: 'high' },
      d: { days: 2, priority: 'high' },
    });
    const p = plan(framework, { a: 2, b: 2, c: 2, d: 2 }, '2026-11-23', 1);
    assert.deepEqual(ids(p), ['c', 'd', 'b', 'a']);
  });

  it('marks only the chain that decides the finish date as critical', () => {
    const framework = frameworkWithRoadmap(DOMAINS, {
      a: { days: 10, priority: 'high' },
      b: { days: 2, priority: 'high' },
      c: { days: 3, priority: 'medium', dependsOn: ['a'] },
      d: { days: 1, priority: 'low' },
    });
    // Two slots: a (0-10) and b (0-2); d takes b's slot (2-3); c waits for a (10-13).
    const p = plan(framework, { a: 2, b: 2, c: 2, d: 2 });
    assert.equal(p.totalDays, 13);
    assert.deepEqual(
      p.items.filter((i) => i.critical).map((i) => i.fact.question.id),
      ['a', 'c'],
    );
  });

  it('falls back to the default capacity for a value that makes no sense', () => {
    const framework = frameworkWithRoadmap(DOMAINS, { a: { days: 1 } });
    for (const capacity of [0, -1, 1.5, Number.NaN, 1e308])
      assert.equal(plan(framework, { a: 2 }, '2026-11-23', capacity).capacity, 2);
  });

  it('names dependencies that are not on the schedule, with why', () => {
    const framework = frameworkWithRoadmap(DOMAINS, { a: { days: 1, dependsOn: ['b', 'c', 'd', 'e'] } });
    const p = plan(framework, { a: 2, b: 5, c: 0, d: 3 });
    assert.deepEqual(
      p.items[0]!.outside.map((o) => [o.fact.question.id, o.state]),
      [
        ['b', 'in-place'],
        ['c', 'unknown'],
        ['d', 'no-roadmap'],
        ['e', 'unanswered'],
      ],
    );
    assert.equal(p.items[0]!.start, '2026-11-23', 'nothing scheduled to wait for');
  });

  it('starts on the Monday when the report date is a weekend', () => {
    const framework = frameworkWithRoadmap(DOMAINS, { a: { days: 1 } });
    const p = plan(framework, { a: 1 }, '2026-11-21');
    assert.equal(p.reportDate, '2026-11-21');
    assert.equal(p.items[0]!.start, '2026-11-23');
  });

  it('still schedules every item when a hand-built framework has a dependency cycle the loader would reject', () => {
    const framework = frameworkWithRoadmap(DOMAINS, {
      a: { days: 1, dependsOn: ['b'] },
      b: { days: 1, dependsOn: ['a'] },
    });
    const p = plan(framework, { a: 2, b: 2 });
    assert.deepEqual(ids(p).sort(), ['a', 'b']);
  });
});
