import { z } from 'zod';
import { evidenceSchema, windowSchema } from '../assessment/schema';

/** DORA's four performance bands; every metric is classified into one of them (or none when there is no data). */
export const bandSchema = z.enum(['Elite', 'High', 'Medium', 'Low']);
export type Band = z.infer<typeof bandSchema>;

/** A suggested answer for one question, with the evidence that is stored in the file if the user accepts it. */
export const suggestionSchema = z.strictObject({
  questionId: z.string(),
  score: z.int().min(1).max(5),
  reason: z.string(),
  evidence: evidenceSchema,
});
export type MetricSuggestion = z.infer<typeof suggestionSchema>;

const heuristic = { heuristic: z.literal(true), rule: z.string() };

/**
 * What the git analysis reports: the JSON of `dora-assess metrics --json`, the panel's metrics tab and the
 * report's appendix. Validated at the host↔webview boundary like every other message payload.
 */
export const metricsResultSchema = z.object({
  repository: z.string().optional(),
  window: windowSchema,
  deployments: z.object({
    count: z.int().min(0),
    perWeek: z.number().min(0),
    deployDaysPerWeek: z.number().min(0),
    band: bandSchema.nullable(),
    source: z.enum(['tags', 'merges']),
    pattern: z.string(),
    method: z.string(),
  }),
  leadTime: z.object({
    commits: z.int().min(0),
    medianHours: z.number().nullable(),
    p90Hours: z.number().nullable(),
    band: bandSchema.nullable(),
    clock: z.enum(['author', 'committer']),
    method: z.string(),
  }),
  changeFailure: z.object({ ...heuristic, deployments: z.int().min(0), failed: z.int().min(0), percent: z.number().nullable(), band: bandSchema.nullable() }),
  recovery: z.object({ ...heuristic, incidents: z.int().min(0), medianHours: z.number().nullable(), band: bandSchema.nullable() }),
  rework: z.object({ ...heuristic, deployments: z.int().min(0), rework: z.int().min(0), percent: z.number().nullable() }),
  suggestions: z.array(suggestionSchema),
  warnings: z.array(z.string()),
});
export type MetricsResult = z.infer<typeof metricsResultSchema>;
