import * as z from 'zod/mini';
import { described, measureSchema, metricKeySchema, scoreSchema } from '../framework/schema';

/**
 * Where the JSON Schema for assessment files lives once published. Editors that know the extension
 * validate through its `jsonValidation` contribution; the `$schema` key lets other tools do the same.
 */
export const ASSESSMENT_SCHEMA_URL =
  'https://raw.githubusercontent.com/dora-assessment/vscode-dora-assessment/main/schemas/assessment.schema.json';
export const ASSESSMENT_FILE_VERSION = 1;

/**
 * ISO 8601 date and time with seconds, in UTC (`Z`) or with an offset, in the years 1970 to 2999. Anything
 * looser ("1", "March 7 2026", "+275760-09-13…") would pass Date.parse and crash a report later.
 */
export const timestampSchema = z.iso
  .datetime({ offset: true, error: 'expected an ISO 8601 date and time, e.g. 2026-11-22T10:00:00Z' })
  .check(
    z.regex(/^(19[7-9]\d|2\d{3})-/, { error: 'expected a year from 1970 to 2999' }),
    z.describe('ISO 8601 date and time in UTC or with an offset, e.g. 2026-11-22T10:00:00Z.'),
  );
const timestamp = timestampSchema;
const text = z.string().check(z.minLength(1));

export const windowSchema = z.strictObject({
  since: timestamp,
  until: timestamp,
  days: z.number().check(z.positive()),
});

/** What a git suggestion was based on, kept with the answer so a reviewer can see why the score was given. */
export const evidenceSchema = z.looseObject({
  source: z.literal('git'),
  metric: metricKeySchema,
  measure: measureSchema,
  value: z.number(),
  suggestedScore: z.int().check(z.minimum(1), z.maximum(5)),
  summary: described(text, 'One line a person reads, e.g. "23 deployments in 90 days (tags v*)".'),
  method: described(text, 'How the figure was computed.'),
  window: z.optional(windowSchema),
  heuristic: described(z.optional(z.boolean()), 'True when the figure is an estimate from commit messages and tags.'),
});

/** Unknown keys are kept (loose objects) so a hand-added field is never lost on the next save. */
export const answerSchema = z.looseObject({
  score: described(
    z.optional(scoreSchema),
    '0 = not applicable or unknown; 1..5 from initial to elite. Absent while only notes are given.',
  ),
  notes: z.optional(z.string()),
  evidence: z.optional(evidenceSchema),
});

export const assessmentSchema = z.looseObject({
  $schema: z.optional(z.string()),
  version: z.literal(ASSESSMENT_FILE_VERSION),
  framework: z.strictObject({
    id: text,
    version: text,
  }),
  title: z.string().check(z.regex(/\S/, { error: 'a title cannot be empty or only spaces' })),
  team: z.optional(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
  answers: z.record(z.string().check(z.minLength(1, 'an answer needs a question id')), answerSchema),
});

export type AssessmentWindow = z.infer<typeof windowSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;
