import * as z from 'zod/mini';
import { evidenceSchema, windowSchema } from '../assessment/schema';
import { settingsProvenanceSchema } from '../config/provenance';

/** DORA's four performance bands; every metric is classified into one of them (or none when there is no data). */
export const bandSchema = z.enum(['Elite', 'High', 'Medium', 'Low']);
export type Band = z.infer<typeof bandSchema>;

/** A suggested answer for one question, with the evidence that is stored in the file if the user accepts it. */
export const suggestionSchema = z.strictObject({
  questionId: z.string(),
  score: z.int().check(z.minimum(1), z.maximum(5)),
  reason: z.string(),
  evidence: evidenceSchema,
});
export type MetricSuggestion = z.infer<typeof suggestionSchema>;

const heuristic = { heuristic: z.literal(true), rule: z.string() };

/** How deployments were found among the tags, in plain words, with what was left out and why. */
export const releaseSchema = z.object({
  how: z.enum(['detected', 'configured']),
  summary: z.string(),
  tagsInWindow: z.int().check(z.minimum(0)),
  /** Tags in the window none of which was taken, named so the user can recognise them, and a pattern for them. */
  untaken: z.array(z.string()),
  proposal: z.nullable(z.string()),
  /** Detected: one pattern per shape of the tags taken, commonest first, so a team can pin them in its config. */
  patterns: z.optional(z.array(z.string())),
});
export type ReleaseReport = z.infer<typeof releaseSchema>;

/**
 * What the git analysis reports: the JSON of `dora-assess metrics --json`, the panel's metrics tab and the
 * report's appendix. Validated at the host↔webview boundary like every other message payload.
 */
export const metricsResultSchema = z.object({
  repository: z.optional(z.string()),
  window: windowSchema,
  deployments: z.object({
    count: z.int().check(z.minimum(0)),
    perWeek: z.number().check(z.minimum(0)),
    deployDaysPerWeek: z.number().check(z.minimum(0)),
    band: z.nullable(bandSchema),
    source: z.enum(['tags', 'merges', 'commits']),
    pattern: z.string(),
    method: z.string(),
    /** Distinct calendar days with a deployment in the window. */
    distinctDays: z.optional(z.int().check(z.minimum(0))),
    /** The branch merges and reverts were read from; null when none was found. */
    defaultBranch: z.optional(z.nullable(z.string())),
    /** How release tags were chosen (detection or a configured pattern); absent when tags were not read. */
    release: z.optional(releaseSchema),
    /** The one package measured, and the folders its lead time counts. */
    package: z.optional(
      z.object({ name: z.string(), paths: z.array(z.string()), pathsFrom: z.enum(['manifest', 'option']) }),
    ),
    /** Release events in the window per package (a package picker offers these names). */
    packages: z.optional(z.array(z.object({ name: z.string(), deployments: z.int().check(z.minimum(0)) }))),
  }),
  leadTime: z.object({
    commits: z.int().check(z.minimum(0)),
    medianHours: z.nullable(z.number()),
    p90Hours: z.nullable(z.number()),
    band: z.nullable(bandSchema),
    clock: z.enum(['author', 'committer']),
    method: z.string(),
    /**
     * "merge-to-deploy" when the changes' author time equals their commit time (squash merges): the time
     * before the merge is unknown, so the figure is not DORA's lead time and suggests no score.
     */
    kind: z.optional(z.enum(['commit-to-deploy', 'merge-to-deploy'])),
    /** Commits shipped in the window that came from an unrelated history (a second root), left out. */
    imported: z.optional(z.int().check(z.minimum(0))),
    /** Commits by bots, reported apart; `excluded` when they were left out of the figure. */
    bots: z.optional(
      z.object({ commits: z.int().check(z.minimum(0)), percent: z.nullable(z.number()), excluded: z.boolean() }),
    ),
    /** Lead times over 365 days: flagged, and kept in the figure. */
    outliers: z.optional(z.int().check(z.minimum(0))),
  }),
  changeFailure: z.object({
    ...heuristic,
    deployments: z.int().check(z.minimum(0)),
    failed: z.int().check(z.minimum(0)),
    percent: z.nullable(z.number()),
    band: z.nullable(bandSchema),
    /** Names of the failed deployments, so a reader can check the heuristic against what happened. */
    failedDeployments: z.optional(z.array(z.string())),
    /** Reverts that marked nothing failed: CI/configuration only, reverts of reverts, targets outside the history. */
    ignoredReverts: z.optional(
      z.object({
        configOnly: z.int().check(z.minimum(0)),
        ofRevert: z.int().check(z.minimum(0)),
        unmatched: z.int().check(z.minimum(0)),
      }),
    ),
  }),
  recovery: z.object({
    ...heuristic,
    incidents: z.int().check(z.minimum(0)),
    medianHours: z.nullable(z.number()),
    band: z.nullable(bandSchema),
    /** Failed deployments in the window whose fix is not deployed yet (left out of the median). */
    unresolved: z.optional(z.int().check(z.minimum(0))),
  }),
  rework: z.object({
    ...heuristic,
    deployments: z.int().check(z.minimum(0)),
    rework: z.int().check(z.minimum(0)),
    percent: z.nullable(z.number()),
    fixDeployments: z.optional(z.array(z.string())),
  }),
  suggestions: z.array(suggestionSchema),
  warnings: z.array(z.string()),
  /** What was read: commits, deployments in the whole history, and whether the clone is shallow. */
  history: z.optional(
    z.object({ commits: z.int().check(z.minimum(0)), deployments: z.int().check(z.minimum(0)), shallow: z.boolean() }),
  ),
  /** Every deployment in the window the failure heuristics classified, with the rule that did it. */
  classified: z.optional(
    z.array(
      z.object({
        deployment: z.string(),
        classification: z.enum(['failed', 'hotfix', 'revert']),
        rule: z.string(),
      }),
    ),
  ),
  /** The measuring choices used, each with where it came from (flag, config file, setting, detected, default). */
  settings: z.optional(settingsProvenanceSchema),
});
export type MetricsResult = z.infer<typeof metricsResultSchema>;
