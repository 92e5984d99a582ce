import * as z from 'zod/mini';

/**
 * The ledger behind the git figures: which deployments and commits each metric is made of, and why each
 * deployment was classified. Sent to the webview page by page and printed by `metrics --explain`.
 * Every text in it (subjects, author names, tag names) comes from the repository: render it as text only.
 */

export const classificationSchema = z.enum(['failed', 'hotfix', 'revert']);

export const ledgerDeploymentSchema = z.strictObject({
  /** Position in the window, from 0 in time order: how the webview asks for a deployment's commits. */
  index: z.int().check(z.minimum(0)),
  name: z.string(),
  tags: z.array(z.string()),
  packages: z.array(z.string()),
  /** ISO time of the deployment. */
  time: z.string(),
  /** Commits (merges included) it ships first. */
  commits: z.int().check(z.minimum(0)),
  /** Of those, the ones counted in lead time. */
  leadCommits: z.int().check(z.minimum(0)),
  classifications: z.array(z.strictObject({ classification: classificationSchema, rule: z.string() })),
});
export type Classification = z.infer<typeof classificationSchema>;
/** Spelled out rather than inferred: the lint's type checker gives up on the inferred nested arrays. */
export interface LedgerDeployment {
  readonly index: number;
  readonly name: string;
  readonly tags: string[];
  readonly packages: string[];
  readonly time: string;
  readonly commits: number;
  readonly leadCommits: number;
  readonly classifications: { readonly classification: Classification; readonly rule: string }[];
}

export const ledgerCommitSchema = z.strictObject({
  sha: z.string(),
  subject: z.string(),
  author: z.string(),
  /** ISO time the lead time starts from (author or committer time, as the clock says). */
  startedAt: z.string(),
  deployment: z.string(),
  deploymentIndex: z.int().check(z.minimum(0)),
  hours: z.number().check(z.minimum(0)),
  /** Whether this row is the median (one of the two middle rows for an even count) or the p90. */
  marks: z.array(z.enum(['median', 'p90'])),
  outlier: z.boolean(),
  bot: z.boolean(),
});
export type LedgerCommit = z.infer<typeof ledgerCommitSchema>;

export const excludedReasonSchema = z.enum(['bot', 'imported']);
export const ledgerExcludedSchema = z.strictObject({
  sha: z.string(),
  subject: z.string(),
  author: z.string(),
  deployment: z.string(),
  reason: excludedReasonSchema,
});
export type LedgerExcluded = z.infer<typeof ledgerExcludedSchema>;

export const LEDGER_LISTS = ['deployments', 'lead-time', 'failures', 'excluded'] as const;
export const ledgerListSchema = z.enum(LEDGER_LISTS);
export type LedgerList = z.infer<typeof ledgerListSchema>;

/** One page of one list: the first 200 rows, then "show more". */
export const ledgerPageSchema = z.discriminatedUnion('list', [
  z.strictObject({
    list: z.literal('deployments'),
    offset: z.int().check(z.minimum(0)),
    total: z.int().check(z.minimum(0)),
    rows: z.array(ledgerDeploymentSchema),
  }),
  z.strictObject({
    list: z.literal('failures'),
    offset: z.int().check(z.minimum(0)),
    total: z.int().check(z.minimum(0)),
    rows: z.array(ledgerDeploymentSchema),
  }),
  z.strictObject({
    list: z.literal('lead-time'),
    offset: z.int().check(z.minimum(0)),
    total: z.int().check(z.minimum(0)),
    rows: z.array(ledgerCommitSchema),
  }),
  z.strictObject({
    list: z.literal('excluded'),
    offset: z.int().check(z.minimum(0)),
    total: z.int().check(z.minimum(0)),
    rows: z.array(ledgerExcludedSchema),
  }),
]);
interface PageOf<L extends LedgerList, Row> {
  readonly list: L;
  readonly offset: number;
  readonly total: number;
  readonly rows: Row[];
}
export interface LedgerRows {
  deployments: LedgerDeployment;
  failures: LedgerDeployment;
  'lead-time': LedgerCommit;
  excluded: LedgerExcluded;
}
export type LedgerPageOf<L extends LedgerList> = L extends LedgerList ? PageOf<L, LedgerRows[L]> : never;
export type LedgerPage = { [L in LedgerList]: LedgerPageOf<L> }[LedgerList];

/**
 * The spelled-out types and the schemas must describe the same data: this fails to compile if they drift.
 * Exported only so nothing reports it as unused; no code imports it.
 * @public
 */
export type SchemaAgrees = [
  z.infer<typeof ledgerDeploymentSchema> extends LedgerDeployment ? true : never,
  LedgerDeployment extends z.infer<typeof ledgerDeploymentSchema> ? true : never,
  z.infer<typeof ledgerPageSchema> extends LedgerPage ? true : never,
];
