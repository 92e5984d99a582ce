import * as z from 'zod/mini';
import { assessmentSchema, windowSchema } from '../assessment/schema';
import type { Assessment } from '../assessment/schema';
import { described } from '../framework/schema';
import type { MetricId } from '../vocabulary/metrics';
import { benchmarkChoiceSchema, DEFAULT_BENCHMARK } from './benchmarks';
import type { BenchmarkChoice } from './benchmarks';
import { QUICK_CHECK_KEYS, QUICK_CHECK_QUESTIONS, quickCheckQuestion } from './questions';
import type { QuickCheckKey } from './questions';

/**
 * A Quick Check is saved as an ordinary assessment file whose framework is `dora-quick-check`: the same
 * envelope (version, title, dates), plus the benchmark it is compared with, and one answer per key metric —
 * the band chosen (1–6) or the percentage given — with what git measured beside it when it was prefilled.
 */
export const QUICK_CHECK_FRAMEWORK_ID = 'dora-quick-check';
export const QUICK_CHECK_FRAMEWORK_VERSION = '1';
export const QUICK_CHECK_NAME = 'DORA Quick Check';

const text = z.string().check(z.minLength(1));

/** What git measured for a metric when the answer was prefilled; kept so a reviewer sees why. */
export const measuredSchema = z.looseObject({
  source: z.literal('git'),
  value: described(text, 'The measured figure as shown, e.g. "1.9 a week", "18.5 h", "8%".'),
  summary: described(text, 'What the figure rests on, e.g. "25 deployments in 90 days".'),
  method: described(text, 'How it was measured: pattern, rule, method.'),
  suggested: described(z.number(), 'The band (1–6) or percentage git suggested.'),
  window: z.optional(windowSchema),
  heuristic: z.optional(z.boolean()),
});

export const quickCheckAnswerSchema = z.looseObject({
  band: described(
    z.optional(z.int().check(z.minimum(1), z.maximum(6))),
    'Lead time, deployment frequency, recovery time: 1 worst … 6 best.',
  ),
  percent: described(
    z.optional(z.number().check(z.minimum(0), z.maximum(100))),
    'Change failure rate, rework rate: 0–100.',
  ),
  notes: z.optional(z.string()),
  measured: z.optional(measuredSchema),
});

export const quickCheckSchema = z
  .extend(assessmentSchema, {
    framework: z.strictObject({ id: z.literal(QUICK_CHECK_FRAMEWORK_ID), version: text }),
    benchmark: benchmarkChoiceSchema,
    answers: z.partialRecord(z.enum(QUICK_CHECK_KEYS), quickCheckAnswerSchema),
  })
  .check(
    z.superRefine((file, ctx) => {
      for (const [id, answer] of Object.entries(file.answers)) {
        const kind = QUICK_CHECK_QUESTIONS.find((q) => q.key === id)?.kind;
        const wrong = kind === 'band' ? answer.percent : answer.band;
        if (wrong !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['answers', id, kind === 'band' ? 'percent' : 'band'],
            message:
              kind === 'band'
                ? `${id} is answered with a band (1–6), not a percent`
                : `${id} is answered with a percent, not a band`,
          });
      }
    }),
  );

export type Measured = z.infer<typeof measuredSchema>;
export type QuickCheckAnswer = z.infer<typeof quickCheckAnswerSchema>;
export type QuickCheckAnswers = Partial<Record<QuickCheckKey, QuickCheckAnswer>>;
export type QuickCheckFile = z.infer<typeof quickCheckSchema>;

export function isQuickCheck(assessment: { framework: { id: string } }): boolean {
  return assessment.framework.id === QUICK_CHECK_FRAMEWORK_ID;
}

/** The value an answer holds, band or percent, whichever its question takes. */
export function answerValue(id: MetricId, answer: QuickCheckAnswer | undefined): number | undefined {
  if (!answer) return undefined;
  return quickCheckQuestion(id).kind === 'band' ? answer.band : answer.percent;
}

/** A new, unanswered Quick Check compared with the default benchmark; serialize it like any assessment. */
export function newQuickCheck(options: { title: string; team?: string; now: Date }): QuickCheckFile {
  const stamp = options.now.toISOString();
  const team = options.team?.trim();
  return {
    version: 1,
    framework: { id: QUICK_CHECK_FRAMEWORK_ID, version: QUICK_CHECK_FRAMEWORK_VERSION },
    title: options.title.trim(),
    ...(team ? { team } : {}),
    createdAt: stamp,
    updatedAt: stamp,
    benchmark: { ...DEFAULT_BENCHMARK },
    answers: {},
  };
}

/**
 * The answers and benchmark of an assessment that names the Quick Check. A file that loaded has passed
 * `quickCheckSchema`; the fallbacks only keep a page that holds a half-typed hand edit drawing.
 */
export function readQuickCheck(assessment: Pick<Assessment, 'answers'> & { benchmark?: unknown }): {
  answers: QuickCheckAnswers;
  benchmark: BenchmarkChoice;
} {
  const benchmark = benchmarkChoiceSchema.safeParse(assessment.benchmark);
  return {
    answers: assessment.answers,
    benchmark: benchmark.success ? benchmark.data : DEFAULT_BENCHMARK,
  };
}
