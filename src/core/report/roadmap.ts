import type { Roadmap } from '../framework/schema';
import { firstWorkingDay, workingDaysEnd } from './dates';
import { hasGap, priorityWeight } from './facts';
import type { QuestionFact, ReportFacts } from './facts';

export type Priority = Roadmap['priority'];

/** A dependency the schedule does not contain: already in place, or its current state is not known. */
export interface OutsideDependency {
  readonly fact: QuestionFact;
  readonly state: 'in-place' | 'unknown' | 'unanswered' | 'no-roadmap';
}

export interface PlannedItem {
  /** Task id in the gantt chart: t1, t2... in plan order. */
  readonly id: string;
  readonly fact: QuestionFact & { score: 1 | 2 | 3 | 4 };
  readonly roadmap: Roadmap;
  /** 1 for an item that waits on nothing in the plan; otherwise one more than its latest dependency's phase. */
  readonly phase: number;
  readonly after: readonly PlannedItem[];
  readonly outside: readonly OutsideDependency[];
  /** Items of a higher priority that wait on this one: the reason to start it sooner than its own priority says. */
  readonly neededBy: PlannedItem[];
  /** First working day, `YYYY-MM-DD`. */
  readonly start: string;
  /** The day the work is done and what waits on it can begin. */
  readonly ready: string;
}

export interface Plan {
  readonly reportDate: string;
  /** The report date, or the Monday after when it falls on a weekend. */
  readonly startDate: string;
  /** By phase, then priority, then framework order: every item comes after all it depends on. */
  readonly items: readonly PlannedItem[];
  /** Questions with a roadmap entry whose current state is unknown or unanswered: find out first. */
  readonly assessFirst: readonly (QuestionFact & { readonly question: { readonly roadmap: Roadmap } })[];
  readonly finish: string | undefined;
}

interface Draft {
  readonly fact: PlannedItem['fact'];
  readonly roadmap: Roadmap;
  readonly phase: number;
}

/**
 * The roadmap: one item per question scored 1 to 4 that has a roadmap entry. Unknown and unanswered
 * questions are not scheduled (there is no knowing what to change until someone finds out) but listed
 * to assess first. Every item starts on the report date (the Monday after, if that is a weekend) unless
 * it depends on other items, and then starts the day the last of them is ready.
 */
export function planRoadmap(facts: ReportFacts, reportDate: string): Plan {
  const startDate = firstWorkingDay(reportDate);
  const byId = new Map(facts.questions.map((f) => [f.question.id, f]));
  const candidates = new Map<string, { fact: PlannedItem['fact']; roadmap: Roadmap }>();
  for (const fact of facts.questions) {
    if (hasGap(fact) && fact.question.roadmap)
      candidates.set(fact.question.id, { fact, roadmap: fact.question.roadmap });
  }
  const phases = new Map<string, number>();
  const drafts = [...candidates.values()].map((c): Draft => ({
    ...c,
    phase: phaseOf(c.fact.question.id, candidates, phases, new Set()),
  }));
  drafts.sort(
    (a, b) =>
      a.phase - b.phase ||
      priorityWeight(b.roadmap.priority) - priorityWeight(a.roadmap.priority) ||
      a.fact.order - b.fact.order,
  );

  const planned = new Map<string, PlannedItem>();
  const items = drafts.map((draft, index): PlannedItem => {
    const after: PlannedItem[] = [];
    const outside: OutsideDependency[] = [];
    for (const dependency of draft.roadmap.dependsOn) {
      const item = planned.get(dependency);
      if (item) after.push(item);
      else if (!candidates.has(dependency)) {
        const fact = byId.get(dependency);
        if (fact) outside.push({ fact, state: outsideState(fact) });
      }
    }
    after.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
    const start = after.reduce((latest, item) => (item.ready > latest ? item.ready : latest), startDate);
    const item: PlannedItem = {
      id: `t${index + 1}`,
      fact: draft.fact,
      roadmap: draft.roadmap,
      phase: draft.phase,
      after,
      outside,
      neededBy: [],
      start,
      ready: workingDaysEnd(start, draft.roadmap.days),
    };
    for (const dependency of after) {
      if (priorityWeight(item.roadmap.priority) > priorityWeight(dependency.roadmap.priority))
        dependency.neededBy.push(item);
    }
    planned.set(draft.fact.question.id, item);
    return item;
  });

  const assessFirst = facts.questions.filter(
    (f): f is QuestionFact & { readonly question: { readonly roadmap: Roadmap } } =>
      f.question.roadmap !== undefined && (f.score === undefined || f.score === 0),
  );
  const finish = items.reduce<string | undefined>(
    (last, item) => (last === undefined || item.ready > last ? item.ready : last),
    undefined,
  );
  return { reportDate, startDate, items, assessFirst, finish };
}

/** The length of the longest dependency chain below an item; `visiting` ends a cycle (the loader rejects those). */
function phaseOf(
  id: string,
  candidates: ReadonlyMap<string, { roadmap: Roadmap }>,
  phases: Map<string, number>,
  visiting: Set<string>,
): number {
  const candidate = candidates.get(id);
  if (!candidate || visiting.has(id)) return 0;
  const known = phases.get(id);
  if (known !== undefined) return known;
  visiting.add(id);
  let deepest = 0;
  for (const dependency of candidate.roadmap.dependsOn)
    deepest = Math.max(deepest, phaseOf(dependency, candidates, phases, visiting));
  visiting.delete(id);
  phases.set(id, deepest + 1);
  return deepest + 1;
}

function outsideState(fact: QuestionFact): OutsideDependency['state'] {
  if (fact.score === undefined) return 'unanswered';
  if (fact.score === 0) return 'unknown';
  if (fact.score === 5) return 'in-place';
  return 'no-roadmap';
}
