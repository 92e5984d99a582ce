/**
 * The seams between the host's parts, so the file store, the panel, the git service and the commands
 * can be built and tested apart. Types only: implementations live in src/store, src/panel, src/git.
 */
import type * as vscode from 'vscode';
import type { AnswerPatch } from '../core/assessment/patch';
import type { Assessment } from '../core/assessment/schema';
import type { Framework } from '../core/framework/schema';
import type { Ledger } from '../core/explain/ledger';
import type { MetricsResult } from '../core/metrics/result';
import type { Problem } from '../core/problems';
import type { PackageChoiceOffer } from '../core/protocol';

export type { AnswerPatch };

/** Whether `setAnswer` recorded the answer, and if not, why (for the log and the panel). */
export interface AnswerOutcome {
  readonly applied: boolean;
  readonly reason?: string;
}

export type AssessmentState =
  | {
      readonly kind: 'loaded';
      readonly assessment: Assessment;
      readonly framework: Framework;
      readonly warnings: readonly Problem[];
    }
  /** The file does not parse or fails the schema, or its framework is unknown: shown, never written over. */
  | { readonly kind: 'error'; readonly problems: readonly Problem[] }
  | { readonly kind: 'missing' };

/** One assessment file on disk, kept in sync both ways. */
export interface AssessmentDocument extends vscode.Disposable {
  readonly uri: vscode.Uri;
  readonly state: AssessmentState;
  /** Fires after a reload from disk (pull, hand edit, other window) and after the document's own changes. */
  readonly onDidChange: vscode.Event<AssessmentState>;
  /**
   * Applies at once in memory; written to disk debounced and atomically. Refused (see `answerRefusal` in
   * core) while the state is not 'loaded' or the question is not the framework's.
   */
  setAnswer(questionId: string, patch: AnswerPatch): AnswerOutcome;
  /** Writes any pending change now. */
  flush(): Promise<void>;
}

export type GitInsights =
  | {
      readonly kind: 'ok';
      readonly result: MetricsResult;
      /** The deployments and commits behind the figures, for the panel's "explain" lists. */
      readonly ledger?: Ledger;
    }
  | {
      readonly kind: 'unavailable';
      readonly reason: string;
      /** Set when the package the panel's picker chose has no release tags: the panel offers the picker again. */
      readonly packageChoice?: PackageChoiceOffer;
    };

/** What the panel needs from the rest of the host. */
export interface PanelServices {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  openDocument(uri: vscode.Uri): Promise<AssessmentDocument>;
  /** Cached per repository; runs git only in a trusted workspace. */
  gitInsights(
    document: AssessmentDocument,
    options?: { refresh?: boolean; token?: vscode.CancellationToken },
  ): Promise<GitInsights>;
  isTrusted(): boolean;
  readonly onDidGrantTrust: vscode.Event<void>;
  /** Remembers the package the panel measures for the document's repository (null: the whole repository). */
  choosePackage(document: AssessmentDocument, name: string | null): Promise<void>;
}
