import { COMPLEXITIES, PRIORITIES } from '../../framework/schema';
import { plural } from '../../vocabulary/format';
import { mdCell, mdInline, mdLinkTarget } from '../escape';
import { questionRef, scoreLabel, table } from '../markdown';
import type { OutsideDependency, Plan, PlannedItem, Priority } from '../roadmap';

const OUTSIDE_STATE: Record<OutsideDependency['state'], string> = {
  'in-place': 'already in place',
  unknown: 'unknown, assess first',
  unanswered: 'not answered yet',
  'no-roadmap': 'not on the roadmap',
};

export const PRIORITY_LABEL: Record<Priority, string> = {
  high: 'High priority',
  medium: 'Medium priority',
  low: 'Low priority',
};

export function roadmapSection(plan: Plan, chartFileName: string | undefined): string[] {
  const out = ['## Implementation roadmap', ''];
  if (plan.items.length === 0) {
    out.push('Nothing to schedule: no question with a roadmap entry is scored between 1 and 4.', '');
    out.push(...assessFirst(plan));
    return out;
  }
  const critical = plan.items.filter((i) => i.critical);
  out.push(
    `${plural(plan.items.length, 'improvement')}, worked ${plan.capacity} at a time, ${startSentence(plan)} and ready by **${plan.finish}** (${plural(plan.totalDays, 'working day')}). ` +
      'When a slot frees up, the most urgent item whose dependencies are ready starts next; an item others wait on counts as urgent as they are. ' +
      `The critical path (${critical.map((i) => i.id).join(', ')}) decides the finish date: a delay there moves it.`,
    '',
  );
  if (chartFileName) out.push(`![Roadmap timeline](${mdLinkTarget(chartFileName)})`, '');
  for (const priority of PRIORITIES) {
    const items = plan.items.filter((i) => i.roadmap.priority === priority);
    if (items.length === 0) continue;
    out.push(`### ${PRIORITY_LABEL[priority]}`, '');
    const rows = items.map((item) => [
      item.critical ? `**${item.id}**` : item.id,
      improvementCell(item),
      `${questionRef(item.fact)} ${scoreLabel(item.fact.score)}`,
      item.roadmap.complexity,
      String(item.roadmap.days),
      dependsCell(item),
      item.start,
      item.ready,
    ]);
    out.push(
      ...table(['Id', 'Improvement', 'Now', 'Complexity', 'Days', 'Depends on', 'Start', 'Ready'], rows, 'llcrrlll'),
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
  out.push('', ...assessFirst(plan));
  return out;
}

function improvementCell(item: PlannedItem): string {
  const title = `${mdCell(item.roadmap.title)} (${mdCell(item.fact.domain.name)})`;
  if (item.neededBy.length === 0) return title;
  const by = item.neededBy.map((i) => `${i.id} (${i.roadmap.priority})`).join(', ');
  return `${title}<br>Needed first by ${by}.`;
}

function dependsCell(item: PlannedItem): string {
  const parts = [
    ...item.after.map((a) => a.id),
    ...item.outside.map(
      (o) => `${mdCell(o.fact.question.roadmap?.title ?? questionRef(o.fact))} (${OUTSIDE_STATE[o.state]})`,
    ),
  ];
  return parts.length > 0 ? parts.join(', ') : '—';
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
      `- **${mdInline(fact.question.roadmap?.title ?? fact.question.text)}**: answer ${questionRef(fact)} first (${mdInline(fact.domain.name)}, ${state}).`,
    );
  }
  out.push('');
  return out;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function startSentence(plan: Plan): string {
  if (plan.startDate === plan.reportDate) return `starting on the report date, ${plan.startDate},`;
  return `starting on ${plan.startDate}, the first working day after the report date (${plan.reportDate}),`;
}
