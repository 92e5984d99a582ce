/**
 * The one protocol between the extension host and the assessment panel's webview. Every message in both
 * directions has a zod schema here, and both ends validate what they receive: a message that does not
 * match is logged and ignored, never half-applied.
 */
import * as z from 'zod/mini';
import { assessmentSchema, evidenceSchema } from './assessment/schema';
import { frameworkSchema, SCORES } from './framework/schema';
import { metricsResultSchema } from './metrics/result';
import { ledgerListSchema, ledgerPageSchema } from './explain/schema';
import { ledgerSummarySchema } from './explain/summary';
import { benchmarkChoiceSchema } from './quickcheck/benchmarks';
import { measuredSchema } from './quickcheck/schema';

/** Typed as the `Score` union (0..5), not as `number`, so a parsed message fits `AnswerPatch` directly. */
export const answerScoreSchema = z.literal(SCORES);

export const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  file: z.optional(z.string()),
  line: z.optional(z.int().check(z.minimum(1))),
  column: z.optional(z.int().check(z.minimum(1))),
  path: z.optional(z.string()),
});

/** The file is still being read (e.g. a panel restored after a window reload). */
const loadingDocument = z.object({ kind: z.literal('loading') });
/** The file does not parse: the panel lists the problems and allows no edit. */
const errorDocument = z.object({ kind: z.literal('error'), problems: z.array(problemSchema) });
const missingDocument = z.object({ kind: z.literal('missing') });
const loadedFields = { kind: z.literal('loaded'), assessment: assessmentSchema, warnings: z.array(problemSchema) };

/** What the panel shows of the assessment file, as embedded in the page: with the framework. */
export const documentViewSchema = z.discriminatedUnion('kind', [
  loadingDocument,
  z.object({ ...loadedFields, framework: frameworkSchema }),
  errorDocument,
  missingDocument,
]);

/**
 * The file as it changed on disk, after the page was made. The framework (most of the bytes) is left out
 * when the page already holds it; it comes only when the file now names another one, or it was edited.
 */
export const documentUpdateSchema = z.discriminatedUnion('kind', [
  loadingDocument,
  z.object({ ...loadedFields, framework: z.optional(frameworkSchema) }),
  errorDocument,
  missingDocument,
]);

/**
 * The way back when the package the panel's picker chose has no release tags (any more): the packages
 * that have some, to choose from, besides the whole repository.
 */
export const packageChoiceOfferSchema = z.object({ chosen: z.string(), packages: z.array(z.string()) });
export type PackageChoiceOffer = z.infer<typeof packageChoiceOfferSchema>;

/** Where the git evidence stands. `untrusted` is separate from `unavailable` because it changes on its own when trust is granted. */
export const gitViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('loading') }),
  z.object({ kind: z.literal('untrusted') }),
  z.object({
    kind: z.literal('unavailable'),
    reason: z.string(),
    packageChoice: z.optional(packageChoiceOfferSchema),
  }),
  z.object({ kind: z.literal('ok'), result: metricsResultSchema }),
]);

/** A ledger page with the charts' data, or why there is none (untrusted workspace, no analysis yet). */
export const ledgerViewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ok'),
    summary: ledgerSummarySchema,
    page: ledgerPageSchema,
    /** Set when the page lists one deployment's commits (its index in the window). */
    deployment: z.optional(z.int().check(z.minimum(0))),
  }),
  z.object({ kind: z.literal('unavailable'), reason: z.string() }),
]);

export const PANEL_VIEWS = ['assessment', 'metrics'] as const;
export const panelViewSchema = z.enum(PANEL_VIEWS);

export const panelStateSchema = z.object({
  /** Bumped on every change, so a webview that reloads can tell whether its bootstrapped state is stale. */
  revision: z.int().check(z.minimum(0)),
  /** The assessment file's uri, kept in the webview's own state so the panel can be restored after a reload. */
  uri: z.string().check(z.minLength(1)),
  /** What the user recognises the file by (workspace-relative path). */
  fileName: z.string(),
  document: documentViewSchema,
  git: gitViewSchema,
});

/** What the webview persists with `vscode.setState`; the host's serializer reads it back after a window reload. */
export const persistedStateSchema = z.object({
  uri: z.string().check(z.minLength(1)),
  view: z.optional(panelViewSchema),
  questionId: z.optional(z.string()),
});

const questionId = z.string().check(z.minLength(1), z.maxLength(200));

/** Notes longer than this are refused by the host; the panel refuses them first and says so. */
export const MAX_NOTES_CHARS = 100_000;

/** The commands the webview may ask the host to run; anything else is refused. */
export const PANEL_COMMANDS = ['generateReport', 'suggestFromGit'] as const;

export const webviewMessageSchema = z.discriminatedUnion('type', [
  /** Sent once the page has painted; the host posts nothing before it. */
  z.strictObject({ type: z.literal('ready'), revision: z.int().check(z.minimum(0)) }),
  z
    .strictObject({
      type: z.literal('setAnswer'),
      /** Numbers the page's answers, so the host's acknowledgement names the one it applied (or refused). */
      seq: z.int().check(z.minimum(1)),
      questionId,
      /** null clears the score; absent leaves it as it is (a notes-only change). */
      score: z.optional(z.nullable(answerScoreSchema)),
      notes: z.optional(z.string().check(z.maxLength(MAX_NOTES_CHARS))),
      /** Sent when the score came from a git suggestion; null drops stored evidence (the score was changed by hand). */
      evidence: z.optional(z.nullable(evidenceSchema)),
      /** Quick Check: the band (1–6) of a time-based metric; null clears it. */
      band: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(6)))),
      /** Quick Check: the percentage of change failure or rework rate; null clears it. */
      percent: z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(100)))),
      /** Quick Check: what git measured, kept with a prefilled answer; null drops it (changed by hand). */
      measured: z.optional(z.nullable(measuredSchema)),
      /**
       * Quick Check, with questionId "$benchmark" only: compare with another benchmark. A field of the file, not
       * an answer, but applied, acknowledged and saved exactly like one.
       */
      benchmark: z.optional(benchmarkChoiceSchema),
    })
    .check(
      z.refine(
        (m) =>
          [m.score, m.notes, m.evidence, m.band, m.percent, m.measured, m.benchmark].some(
            (value) => value !== undefined,
          ),
        { error: 'setAnswer must change the score, the notes, the evidence, a Quick Check answer or the benchmark' },
      ),
    ),
  /** Opens the assessment file as text, at a problem's position when given (1-based). */
  z.strictObject({
    type: z.literal('openFile'),
    line: z.optional(z.int().check(z.minimum(1))),
    column: z.optional(z.int().check(z.minimum(1))),
  }),
  z.strictObject({ type: z.literal('refreshGit') }),
  /** Measures one package of a monorepo (its name), or the whole repository (null); remembered per workspace. */
  z.strictObject({
    type: z.literal('choosePackage'),
    package: z.nullable(z.string().check(z.minLength(1), z.maxLength(214))),
  }),
  /** Asks for a page of one of the ledger's lists; with `deployment`, the commits that deployment ships. */
  z.strictObject({
    type: z.literal('explain'),
    list: ledgerListSchema,
    offset: z.int().check(z.minimum(0)),
    deployment: z.optional(z.int().check(z.minimum(0))),
  }),
  /** Opens a commit of the ledger (its diff) in the editor. */
  z.strictObject({ type: z.literal('openCommit'), sha: z.string().check(z.regex(/^[0-9a-f]{7,64}$/)) }),
  z.strictObject({ type: z.literal('runCommand'), command: z.enum(PANEL_COMMANDS) }),
  /** Something went wrong inside the webview (e.g. it received a message it could not read); goes to the host's log. */
  z.strictObject({
    type: z.literal('log'),
    level: z.enum(['warn', 'error']),
    message: z.string().check(z.maxLength(10_000)),
  }),
]);

export const hostMessageSchema = z.discriminatedUnion('type', [
  /** The file changed other than by this page's answers (a reload from disk, a hand edit, a pull). */
  z.object({ type: z.literal('document'), revision: z.int().check(z.minimum(0)), document: documentUpdateSchema }),
  /**
   * The answer `seq` the page sent was applied (or, with `refused`, was not and why). The page already shows
   * it, so nothing is echoed: the page folds it into what the host has confirmed.
   */
  z.object({
    type: z.literal('ack'),
    revision: z.int().check(z.minimum(0)),
    seq: z.int().check(z.minimum(1)),
    refused: z.optional(z.string()),
  }),
  /** Git insights arrived (or were refreshed, or trust changed); the rest of the state is unchanged. */
  z.object({ type: z.literal('git'), revision: z.int().check(z.minimum(0)), git: gitViewSchema }),
  /** A page of the ledger behind the git figures, answering `explain`; read from the cached analysis, no git. */
  z.object({ type: z.literal('ledger'), ledger: ledgerViewSchema }),
  /** Brings a tab (and optionally a question) to the front, for the host's commands. */
  z.object({ type: z.literal('show'), view: panelViewSchema, questionId: z.optional(z.string()) }),
  /** An action failed on the host side; shown in the panel, since the webview cannot see the host's log. */
  z.object({ type: z.literal('error'), message: z.string() }),
]);

export type ProblemView = z.infer<typeof problemSchema>;
export type DocumentView = z.infer<typeof documentViewSchema>;
export type DocumentUpdate = z.infer<typeof documentUpdateSchema>;
export type GitView = z.infer<typeof gitViewSchema>;
export type PanelView = z.infer<typeof panelViewSchema>;
export type LedgerView = z.infer<typeof ledgerViewSchema>;
export type ExplainMessage = Extract<WebviewMessage, { type: 'explain' }>;
export type PanelState = z.infer<typeof panelStateSchema>;
export type PersistedState = z.infer<typeof persistedStateSchema>;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
export type SetAnswerMessage = Extract<WebviewMessage, { type: 'setAnswer' }>;
export type HostMessage = z.infer<typeof hostMessageSchema>;

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export function parseWebviewMessage(data: unknown): Parsed<WebviewMessage> {
  return toParsed(webviewMessageSchema.safeParse(data));
}

export function parseHostMessage(data: unknown): Parsed<HostMessage> {
  return toParsed(hostMessageSchema.safeParse(data));
}

export function parsePanelState(data: unknown): Parsed<PanelState> {
  return toParsed(panelStateSchema.safeParse(data));
}

export function parsePersistedState(data: unknown): Parsed<PersistedState> {
  return toParsed(persistedStateSchema.safeParse(data));
}

/** A short description of a rejected message for the log: what was wrong and where, never the whole payload. */
function toParsed<T>(result: { success: true; data: T } | { success: false; error: z.core.$ZodError }): Parsed<T> {
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  return { ok: false, error: issues.join('; ') };
}

/**
 * JSON for a `<script type="application/json">` block: `<` is escaped so no value can close the element or
 * open a comment, and U+2028/U+2029 are escaped so the text stays valid wherever it is embedded.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
