// zod/mini: the same validation as classic zod in a third of the bundle, since these schemas ship in the webview.
import * as z from 'zod/mini';

/** Scores run 0..5; 0 means "not applicable / unknown" and is kept out of every mean. */
export const SCORES = [0, 1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];
export const scoreSchema = z.int().check(z.minimum(0), z.maximum(5));

/** The four DORA key metrics a domain (or a suggestion) can be bound to. */
export const METRIC_KEYS = ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'recoveryTime'] as const;
export const metricKeySchema = z.enum(METRIC_KEYS);
export type MetricKey = z.infer<typeof metricKeySchema>;

/**
 * The figures the git analysis produces that a `suggest` block can threshold.
 * Each belongs to one metric; the loader checks the pairing.
 */
export const MEASURES = {
  deploymentsPerWeek: 'deploymentFrequency',
  deployDaysPerWeek: 'deploymentFrequency',
  leadTimeMedianHours: 'leadTime',
  leadTimeP90Hours: 'leadTime',
  changeFailurePercent: 'changeFailureRate',
  reworkPercent: 'changeFailureRate',
  recoveryMedianHours: 'recoveryTime',
} as const satisfies Record<string, MetricKey>;
export type Measure = keyof typeof MEASURES;
export const measureSchema = z.enum(Object.keys(MEASURES) as [Measure, ...Measure[]]);

const id = z
  .string()
  .check(
    z.regex(
      /^[a-z0-9][a-z0-9._-]*$/,
      'use lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
    ),
    z.maxLength(64),
  );
const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
/** A schema with a description, which the JSON Schemas for editors show as help. */
export const described = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  schema.check(z.describe(description));

export const guidanceSchema = z.strictObject({
  text: described(text, 'What this score looks like in practice.'),
  example: described(z.optional(text), 'A concrete example of a team at this score.'),
});

/** Guidance is required for every score, so a team never has to guess what a number means. */
export const guidanceMapSchema = z.strictObject({
  0: guidanceSchema,
  1: guidanceSchema,
  2: guidanceSchema,
  3: guidanceSchema,
  4: guidanceSchema,
  5: guidanceSchema,
});

/**
 * One rule of a suggestion: the score applies when the measured value is at least / at most / above /
 * below `value`. Strict forms exist because DORA's bands are written both ways ("less than one day").
 */
export const THRESHOLD_OPERATORS = ['atLeast', 'atMost', 'above', 'below'] as const;
export const thresholdSchema = z
  .strictObject({
    score: z.int().check(z.minimum(1), z.maximum(5)),
    atLeast: z.optional(z.number()),
    atMost: z.optional(z.number()),
    above: z.optional(z.number()),
    below: z.optional(z.number()),
  })
  .check(
    z.refine((t) => THRESHOLD_OPERATORS.filter((op) => t[op] !== undefined).length === 1, {
      error: 'give exactly one of atLeast, atMost, above or below',
    }),
  );

/**
 * How a git measure maps to a score. Thresholds are tried in order; the first that holds wins.
 * Keeping this in YAML lets a team tune the bands without touching code.
 */
export const suggestSchema = z.strictObject({
  metric: metricKeySchema,
  measure: measureSchema,
  thresholds: z.array(thresholdSchema).check(z.minLength(1)),
});

export const recommendationSchema = z.strictObject({
  scores: described(
    z.array(z.int().check(z.minimum(0), z.maximum(5))).check(z.minLength(1)),
    'The scores this recommendation applies to.',
  ),
  text: text,
});

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export const COMPLEXITIES = ['low', 'medium', 'high'] as const;

export const roadmapSchema = z.strictObject({
  title: described(text, 'The improvement, as a roadmap item.'),
  priority: z.enum(PRIORITIES),
  complexity: z.enum(COMPLEXITIES),
  days: described(z.int().check(z.minimum(1), z.maximum(365)), 'Estimated effort in working days.'),
  dependsOn: described(z._default(z.array(id), []), 'Question ids whose improvement should come first.'),
});

export const questionSchema = z.strictObject({
  id,
  text,
  help: text,
  // Relative weights: a bound keeps weight × percent finite (1e308 would print "NaN%" in every score).
  weight: z._default(
    z
      .number()
      .check(
        z.positive(),
        z.maximum(1000, { error: 'question weights are relative; give a number above 0 and at most 1000' }),
      ),
    1,
  ),
  guidance: guidanceMapSchema,
  suggest: z.optional(suggestSchema),
  recommendations: z._default(z.array(recommendationSchema), []),
  roadmap: z.optional(roadmapSchema),
});

export const domainSchema = z.strictObject({
  id,
  name: text,
  description: z.optional(text),
  weight: described(
    z.number().check(z.positive(), z.maximum(100)),
    'Weight in percent; the weights of all domains sum to 100.',
  ),
  metric: z.optional(metricKeySchema),
  questions: z.array(questionSchema).check(z.minLength(1)),
});

/** A titled list, for the report's risk and monitoring sections. */
export const sectionSchema = z.strictObject({
  title: text,
  items: z.array(text).check(z.minLength(1)),
});

export const frameworkSchema = z.strictObject({
  id,
  name: text,
  version: text,
  description: text,
  domains: z.array(domainSchema).check(z.minLength(1)),
  risks: z._default(z.array(sectionSchema), []),
  monitoring: z._default(z.array(sectionSchema), []),
});

export type Threshold = z.infer<typeof thresholdSchema>;
export type Suggest = z.infer<typeof suggestSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type Roadmap = z.infer<typeof roadmapSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Domain = z.infer<typeof domainSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Framework = z.infer<typeof frameworkSchema>;
