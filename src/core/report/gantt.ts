import { codePoints } from '../text/words';
import type { Plan, Priority } from './roadmap';

/** Long names overflow their bars; the full title is in the roadmap table. */
const MAX_LABEL = 60;

export const PRIORITY_LABEL: Record<Priority, string> = {
  high: 'High priority',
  medium: 'Medium priority',
  low: 'Low priority',
};

/**
 * Words mermaid's gantt lexer reads as statements when a line starts with them (it takes the first
 * rule that matches, not the longest), so a task named "Title the release" would vanish as a title.
 */
const STATEMENT_WORDS =
  /^(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|accdescription|acctitle|accdescr|section|click|call|href)\b/i;

/**
 * A task name mermaid keeps as written. `:` ends the name, `#` and `;` end the task data, `%` starts a
 * comment, and quotes, brackets and angle brackets are markup in some renderers; all become spaces.
 * Only letters, digits, spaces and a few harmless marks survive.
 */
export function ganttLabel(text: string): string {
  let label = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} ,.()/&+'-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (codePoints(label).length > MAX_LABEL) {
    const cut = codePoints(label).slice(0, MAX_LABEL).join('');
    const space = cut.lastIndexOf(' ');
    label = `${(space > MAX_LABEL / 2 ? cut.slice(0, space) : cut).replace(/[ ,.(/&+'-]+$/, '')}…`;
  }
  if (label === '' || STATEMENT_WORDS.test(label) || /^\d{4}-\d{2}-\d{2}/.test(label)) label = `Task ${label}`.trim();
  return label;
}

/**
 * The plan as a mermaid gantt chart, one section per phase. Durations are working days (`excludes
 * weekends`); a task that depends on others starts `after` them, so the chart and the roadmap table
 * show the same dates. Tasks come after what they depend on, because mermaid resolves `after` in
 * reading order. High-priority tasks are tagged `crit`, which mermaid draws in its warning colour.
 */
export function ganttChart(plan: Plan, title: string): string[] {
  const lines = [
    '```mermaid',
    'gantt',
    `    title ${ganttLabel(title)}`,
    '    dateFormat YYYY-MM-DD',
    '    excludes weekends',
  ];
  let phase = 0;
  for (const item of plan.items) {
    if (item.phase !== phase) {
      phase = item.phase;
      lines.push(`    section ${phaseLabel(phase)}`);
    }
    const start = item.after.length > 0 ? `after ${item.after.map((a) => a.id).join(' ')}` : plan.startDate;
    const tags = item.roadmap.priority === 'high' ? 'crit, ' : '';
    lines.push(`    ${ganttLabel(item.roadmap.title)} :${tags}${item.id}, ${start}, ${item.roadmap.days}d`);
  }
  lines.push('```');
  return lines;
}

export function phaseLabel(phase: number): string {
  return `Phase ${phase}`;
}
