import { plural } from '../../text/words';
import { COMPLEXITIES, PRIORITIES } from '../../framework/schema';
import { mdCell, mdInline } from '../escape';
import { ganttChart, PRIORITY_LABEL } from '../gantt';
import type { OutsideDependency, Plan, PlannedItem } from '../roadmap';
import { scoreLabel, table } from '../markdown';

const OUTSIDE_STATE: Record<OutsideDependency['state'], string> = {
  'in-place': 'already in place',
  unknown: 'unknown, assess first',
  unanswered: 'not answered yet',
  'no-roadmap': 'not on the roadmap',
};

export function roadmapSection(plan: Plan): string[] {
  const out = ['## Implementation roadmap', ''];
  if (plan.items.length === 0) {
    out.push('Nothing to schedule: no question with a roadmap entry is scored between 1 and 4.', '');
    out.push(...assessFirst(plan));
    return out;
  }
  out.push(
    `${plural(plan.items.length, 'improvement')}, one for each question scored 1 to 4 that the framework has a roadmap entry for. ` +
      `${startSentence(plan)} It counts working days (weekends excluded). ` +
      'An item with no dependency starts at once; any other starts when the last item it depends on is ready. ' +
      `Worked in parallel like this, everything is ready by ${plan.finish}. ` +
      'The timeline groups the items in phases: phase 1 depends on nothing, phase 2 waits only on phase 1, and so on.',
    '',
  );
  for (const priority of PRIORITIES) {
    const items = plan.items.filter((i) => i.roadmap.priority === priority);
    if (items.length === 0) continue;
    out.push(`### ${PRIORITY_LABEL[priority]}`, '');
    const rows = items.map((item) => [
      item.id,
      improvementCell(item),
      mdCell(item.fact.domain.name),
      scoreLabel(item.fact.score),
      item.roadmap.complexity,
      String(item.roadmap.days),
      dependsCell(item),
      item.start,
      item.ready,
    ]);
    out.push(
      ...table(
        ['Id', 'Improvement', 'Domain', 'Now', 'Complexity', 'Days', 'Depends on', 'Start', 'Ready'],
        rows,
        'lllcrrlll',
      ),
      '',
    );
  }
  out.push('### Complexity', '');
  for (const complexity of [...COMPLEXITIES].reverse()) {
    const items = plan.items.filter((i) => i.roadmap.complexity === complexity);
    if (items.length > 0)
      out.push(
        `- **${capitalise(complexity)}:** ${items.map((i) => `${i.id} ${mdInline(i.roadmap.title)}`).join('; ')}`,
      );
  }
  out.push('');
  out.push(...assessFirst(plan));
  out.push('### Timeline', '', ...ganttChart(plan, 'Improvement roadmap'), '');
  return out;
}

function improvementCell(item: PlannedItem): string {
  const title = mdCell(item.roadmap.title);
  if (item.neededBy.length === 0) return title;
  const by = item.neededBy.map((i) => `${i.id} (${i.roadmap.priority})`).join(', ');
  return `${title}<br>Needed first by ${by}.`;
}

function dependsCell(item: PlannedItem): string {
  const parts = [
    ...item.after.map((a) => `${a.id} ${mdCell(a.roadmap.title)}`),
    ...item.outside.map(
      (o) => `${mdCell(o.fact.question.roadmap?.title ?? o.fact.question.text)} (${OUTSIDE_STATE[o.state]})`,
    ),
  ];
  return parts.length > 0 ? parts.join('<br>') : '—';
}

function assessFirst(plan: Plan): string[] {
  if (plan.assessFirst.length === 0) return [];
  const out = [
    '### Assess first',
    '',
    'These have a roadmap entry but no known current state, so they are not scheduled. Find out where the team stands, then regenerate the report.',
    '',
  ];
  for (const fact of plan.assessFirst) {
    const state = fact.score === 0 ? 'unknown' : 'not answered';
    out.push(
      `- **${mdInline(fact.question.text)}** (${mdInline(fact.domain.name)}, ${state}): "${mdInline(fact.question.roadmap.title)}" would follow.`,
    );
  }
  out.push('');
  return out;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function startSentence(plan: Plan): string {
  if (plan.startDate === plan.reportDate) return `The plan starts on the report date, ${plan.startDate}.`;
  return `The plan starts on ${plan.startDate}, the first working day after the report date (${plan.reportDate}).`;
}
