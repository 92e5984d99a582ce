import { JSDOM } from 'jsdom';
import type * as MermaidModule from 'mermaid';

/**
 * Mermaid's own parser, run in Node. Mermaid sanitises labels with DOMPurify, which binds to `window`
 * when it is first imported; a jsdom window is lent for that moment and then taken back, so no other
 * test sees a global `window`.
 */
type Mermaid = typeof MermaidModule.default;
let loading: Promise<Mermaid> | undefined;

export function loadMermaid(): Promise<Mermaid> {
  loading ??= (async () => {
    const global = globalThis as { window?: unknown };
    const had = 'window' in global;
    global.window = new JSDOM('').window;
    try {
      return (await import('mermaid')).default;
    } finally {
      if (!had) delete global.window;
    }
  })();
  return loading;
}

export interface GanttTask {
  readonly id: string;
  readonly title: string;
  readonly section: string;
  /** Local calendar days, as mermaid computes them (it works in the machine's time zone). */
  readonly start: string;
  readonly end: string;
  readonly crit: boolean;
}

/** Parses a gantt diagram (throws on a syntax error) and returns the tasks with mermaid's own dates. */
export async function ganttTasks(source: string): Promise<GanttTask[]> {
  const mermaid = await loadMermaid();
  const parsed = await mermaid.parse(source);
  if (parsed.diagramType !== 'gantt') throw new Error(`expected a gantt diagram, got ${JSON.stringify(parsed)}`);
  // The only public way to a parsed diagram's task list, with mermaid's own dates.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  const db = diagram.db as unknown as {
    getTasks(): Array<{ id: string; task: string; section: string; startTime: Date; endTime: Date; crit?: boolean }>;
  };
  return db.getTasks().map((t) => ({
    id: t.id,
    title: t.task.trim(),
    section: t.section,
    start: localDay(t.startTime),
    end: localDay(t.endTime),
    crit: Boolean(t.crit),
  }));
}

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The body of the first ```mermaid block in a Markdown text. */
export function mermaidBlock(markdown: string): string {
  const match = /^```mermaid\n([\s\S]*?)^```$/m.exec(markdown);
  if (!match) throw new Error('no mermaid block in the report');
  return match[1]!;
}
