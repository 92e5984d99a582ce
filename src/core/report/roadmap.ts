import { DEFAULT_CAPACITY } from '../config/schema';
import type { Roadmap } from '../framework/schema';
import { firstWorkingDay, workingDaysEnd } from './dates';
import { hasGap, priorityWeight } from './facts';
import type { QuestionFact, ReportFacts } from './facts';

export type Priority = Roadmap['priority'];

/** Improvements worked on at the same time unless told otherwise (the config's `capacity:`, `--capacity`). */
export { DEFAULT_CAPACITY };
/** The same bound as the config file's `capacity:` key. */
export const MAX_CAPACITY = 50;

/** A dependency the schedule does not contain: already in place, or its current state is not known. */
export interface OutsideDependency {
  readonly fact: QuestionFact;
  readonly state: 'in-place' | 'unknown' | 'unanswered' | 'no-roadmap';
}

export interface PlannedItem {
  /** Roadmap id: R1, R2... in the order the work starts. */
  readonly id: string;
  readonly fact: QuestionFact & { score: 1 | 2 | 3 | 4 };
  readonly roadmap: Roadmap;
  readonly after: readonly PlannedItem[];
  readonly outside: readonly OutsideDependency[];
  /** Items of a higher priority that wait on this one: the reason it starts sooner than its own priority says. */
  readonly neededBy: readonly PlannedItem[];
  /** Working days from the plan's start to this item's first day, and to the day it is ready. */
  readonly startDay: number;
  readonly readyDay: number;
  /** First working day, `YYYY-MM-DD`. */
  readonly start: string;
  /** The day the work is done and what waits on it can begin. */
  readonly ready: string;
  /** On the chain of work that decides the finish date: any delay here delays everything. */
  readonly critical: boolean;
}

export interface Plan {
  readonly reportDate: string;
  /** The report date, or the Monday after when it falls on a weekend. */
  readonly startDate: string;
  /** How many improvements run at the same time. */
  readonly capacity: number;
  /** In the order work starts on them; every item comes after all it depends on. */
  readonly items: readonly PlannedItem[];
  /** Questions with a roadmap entry whose current state is unknown or unanswered: find out first. */
  readonly assessFirst: readonly QuestionFact[];
  readonly finish: string | undefined;
  readonly totalDays: number;
}

interface Candidate {
  readonly fact: PlannedItem['fact'];
  readonly roadmap: Roadmap;
  /** Its own priority, raised to that of anything waiting on it, so a blocker never waits behind low work. */
  urgency: number;
  /** Working days from the plan's start; -1 until scheduled. */
  start: number;
  ready: number;
}

/**
 * The roadmap: one item per question scored 1 to 4 that has a roadmap entry, worked `capacity` at a
 * time. Whenever a slot is free, the most urgent item whose dependencies are all ready starts (urgency
 * is the priority, raised to that of the work waiting on it; ties go to framework order). Unknown and
 * unanswered questions are not scheduled (no one knows what to change yet) but listed to assess first.
 */
export function planRoadmap(facts: ReportFacts, reportDate: string, capacity = DEFAULT_CAPACITY): Plan {
  const slots = normaliseCapacity(capacity);
  const startDate = firstWorkingDay(reportDate);
  const candidates = new Map<string, Candidate>();
  for (const fact of facts.questions) {
    if (hasGap(fact) && fact.question.roadmap)
      candidates.set(fact.question.id, {
        fact,
        roadmap: fact.question.roadmap,
        urgency: priorityWeight(fact.question.roadmap.priority),
        start: -1,
        ready: -1,
      });
  }
  raiseUrgency(candidates);
  schedule(candidates, slots);
  const order = [...candidates.values()].sort(
    (a, b) => a.start - b.start || b.urgency - a.urgency || a.fact.order - b.fact.order,
  );
  const critical = criticalSet(candidates);
  const dateAt = (day: number) => (day === 0 ? startDate : workingDaysEnd(startDate, day));
  const byQuestion = new Map(facts.questions.map((f) => [f.question.id, f]));
  const planned = new Map<string, PlannedItem & { neededBy: PlannedItem[] }>();
  order.forEach((c, index) => {
    const after = c.roadmap.dependsOn.flatMap((id) => planned.get(id) ?? []);
    const outside = c.roadmap.dependsOn.flatMap((id): OutsideDependency[] => {
      const fact = byQuestion.get(id);
      return fact && !candidates.has(id) ? [{ fact, state: outsideState(fact) }] : [];
    });
    const { start, ready } = c;
    const item = {
      id: `R${index + 1}`,
      fact: c.fact,
      roadmap: c.roadmap,
      after,
      outside,
      neededBy: [] as PlannedItem[],
      startDay: start,
      readyDay: ready,
      start: dateAt(start),
      ready: dateAt(ready),
      critical: critical.has(c),
    };
    for (const dependency of after)
      if (priorityWeight(item.roadmap.priority) > priorityWeight(dependency.roadmap.priority))
        dependency.neededBy.push(item);
    planned.set(c.fact.question.id, item);
  });
  const items = [...planned.values()];
  const totalDays = items.reduce((last, item) => Math.max(last, item.readyDay), 0);
  const assessFirst = facts.questions.filter((f) => f.question.roadmap && (f.score === undefined || f.score === 0));
  return {
    reportDate,
    startDate,
    capacity: slots,
    items,
    assessFirst,
    finish: items.length > 0 ? dateAt(totalDays) : undefined,
    totalDays,
  };
}

/** A whole number from 1 to MAX_CAPACITY; anything else (NaN, 0, 1e308) falls back to the default. */
export function normaliseCapacity(capacity: number): number {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) return DEFAULT_CAPACITY;
  return capacity;
}

/** Urgency flows down dependency chains until nothing changes; the loader rejects cycles, the bound guards anyway. */
function raiseUrgency(candidates: ReadonlyMap<string, Candidate>): void {
  for (let pass = 0; pass < candidates.size; pass++) {
    let changed = false;
    for (const c of candidates.values()) {
      for (const id of c.roadmap.dependsOn) {
        const dependency = candidates.get(id);
        if (dependency && dependency.urgency < c.urgency) {
          dependency.urgency = c.urgency;
          changed = true;
        }
      }
    }
    if (!changed) return;
  }
}

/** List scheduling in whole working days: at each moment, fill the free slots with the most urgent ready work. */
function schedule(candidates: ReadonlyMap<string, Candidate>, slots: number): void {
  const waiting = [...candidates.values()].sort((a, b) => b.urgency - a.urgency || a.fact.order - b.fact.order);
  const started: Candidate[] = [];
  const begin = (c: Candidate, now: number) => {
    c.start = now;
    c.ready = now + c.roadmap.days;
    started.push(c);
  };
  let now = 0;
  while (waiting.length > 0) {
    let free = slots - started.filter((c) => c.ready > now).length;
    for (const c of [...waiting]) {
      if (free === 0) break;
      if (!dependenciesReady(c, candidates, now)) continue;
      begin(c, now);
      waiting.splice(waiting.indexOf(c), 1);
      free--;
    }
    const next = started.map((c) => c.ready).filter((day) => day > now);
    // With nothing running and nothing startable the rest waits on a cycle: start it anyway rather than loop.
    if (next.length === 0) {
      for (const c of waiting.splice(0)) begin(c, now);
      break;
    }
    now = Math.min(...next);
  }
}

function dependenciesReady(c: Candidate, candidates: ReadonlyMap<string, Candidate>, now: number): boolean {
  return c.roadmap.dependsOn.every((id) => {
    const dependency = candidates.get(id);
    return !dependency || (dependency.start >= 0 && dependency.ready <= now);
  });
}

/**
 * The critical path: walking back from the item that finishes last, each step goes to whatever held
 * it up, a dependency that finished the day it started or, failing that, the work that freed its slot.
 * Those items have no slack; everything else could slip a little without moving the finish.
 */
function criticalSet(candidates: ReadonlyMap<string, Candidate>): Set<Candidate> {
  const all = [...candidates.values()];
  const critical = new Set<Candidate>();
  const finish = Math.max(0, ...all.map((c) => c.ready));
  const byOrder = (a: Candidate, b: Candidate) => a.fact.order - b.fact.order;
  let current = all
    .filter((c) => c.ready === finish)
    .sort(byOrder)
    .at(0);
  while (current && !critical.has(current)) {
    critical.add(current);
    if (current.start === 0) break;
    const start = current.start;
    const blockers = all.filter((c) => !critical.has(c) && c.ready === start);
    const waitsOn = new Set(current.roadmap.dependsOn);
    current = blockers.find((c) => waitsOn.has(c.fact.question.id)) ?? blockers.sort(byOrder).at(0);
  }
  return critical;
}

function outsideState(fact: QuestionFact): OutsideDependency['state'] {
  if (fact.score === undefined) return 'unanswered';
  if (fact.score === 0) return 'unknown';
  if (fact.score === 5) return 'in-place';
  return 'no-roadmap';
}
