import type { Framework } from '../framework/schema';
import { ASSESSMENT_FILE_VERSION, ASSESSMENT_SCHEMA_URL as LEGACY_SCHEMA_URL } from './schema';
import type { Answer, Assessment } from './schema';

const TOP_ORDER = [
  '$schema',
  'version',
  'framework',
  'title',
  'team',
  'createdAt',
  'updatedAt',
  'benchmark',
  'answers',
];
const BENCHMARK_ORDER = ['edition', 'by', 'group'];
const MEASURED_ORDER = ['source', 'value', 'summary', 'suggested', 'method', 'window', 'heuristic'];
const FRAMEWORK_ORDER = ['id', 'version'];
const ANSWER_ORDER = ['score', 'band', 'percent', 'notes', 'evidence', 'measured'];
const EVIDENCE_ORDER = [
  'source',
  'metric',
  'measure',
  'value',
  'suggestedScore',
  'summary',
  'method',
  'window',
  'heuristic',
];
const WINDOW_ORDER = ['since', 'until', 'days'];

/**
 * The one way an assessment is written: fixed key order, answers in the framework's question order
 * (then unknown ids alphabetically), 2-space indent and a trailing newline. The same assessment always
 * gives the same bytes, so a changed answer is a small diff in review.
 */
export function serializeAssessment(assessment: Assessment, framework?: Framework): string {
  const questionOrder = questionOrderOf(framework);
  // Null-prototype objects: a hand-written "__proto__" answer id must stay plain data.
  const answers: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const id of orderIds(Object.keys(assessment.answers), questionOrder)) {
    const answer = assessment.answers[id];
    if (answer) answers[id] = orderAnswer(answer);
  }
  const benchmark = (assessment as { benchmark?: object }).benchmark;
  const top = ordered(
    {
      ...assessment,
      // The remote URL this extension once wrote is "untrusted" to VS Code, a Problems warning on every file;
      // the extension validates through jsonValidation instead, so it goes on the next save. A $schema a
      // person chose stays.
      $schema: assessment.$schema === LEGACY_SCHEMA_URL ? undefined : assessment.$schema,
      answers,
      framework: ordered(assessment.framework, FRAMEWORK_ORDER),
      ...(benchmark ? { benchmark: ordered(benchmark, BENCHMARK_ORDER) } : {}),
    },
    TOP_ORDER,
  );
  return `${JSON.stringify(top, null, 2)}\n`;
}

export function newAssessment(options: {
  framework: Pick<Framework, 'id' | 'version'>;
  title: string;
  team?: string | undefined;
  now: Date;
}): Assessment {
  const stamp = options.now.toISOString();
  const team = options.team?.trim();
  return {
    version: ASSESSMENT_FILE_VERSION,
    framework: { id: options.framework.id, version: options.framework.version },
    title: options.title.trim(),
    ...(team ? { team } : {}),
    createdAt: stamp,
    updatedAt: stamp,
    answers: {},
  };
}

export function questionOrderOf(framework: Framework | undefined): string[] {
  return framework ? framework.domains.flatMap((d) => d.questions.map((q) => q.id)) : [];
}

function orderIds(ids: string[], questionOrder: readonly string[]): string[] {
  return [...ids].sort(idComparator(questionOrder));
}

/** Framework order first, then unknown ids alphabetically: where an answer sits in the file. */
export function idComparator(questionOrder: readonly string[]): (a: string, b: string) => number {
  const rank = new Map(questionOrder.map((id, i) => [id, i]));
  return (a, b) => {
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

/** The fixed key order of a new or replaced answer. */
export const ANSWER_KEY_ORDER: readonly string[] = ANSWER_ORDER;

export function orderAnswer(answer: Answer): Record<string, unknown> {
  const evidence = answer.evidence
    ? ordered(
        {
          ...answer.evidence,
          ...(answer.evidence.window ? { window: ordered(answer.evidence.window, WINDOW_ORDER) } : {}),
        },
        EVIDENCE_ORDER,
      )
    : undefined;
  const measured = (answer as { measured?: { window?: object } }).measured;
  const measuredOrdered = measured
    ? ordered(
        { ...measured, ...(measured.window ? { window: ordered(measured.window, WINDOW_ORDER) } : {}) },
        MEASURED_ORDER,
      )
    : undefined;
  return ordered(
    { ...answer, ...(evidence ? { evidence } : {}), ...(measuredOrdered ? { measured: measuredOrdered } : {}) },
    ANSWER_ORDER,
  );
}

/** Known keys first in their fixed order, then any others (hand-added) sorted, so they survive and stay stable. */
function ordered(object: object, order: readonly string[]): Record<string, unknown> {
  const source = object as Record<string, unknown>;
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of order) if (source[key] !== undefined) out[key] = source[key];
  for (const key of Object.keys(source)
    .filter((k) => !order.includes(k))
    .sort()) {
    if (source[key] !== undefined) out[key] = source[key];
  }
  return out;
}
