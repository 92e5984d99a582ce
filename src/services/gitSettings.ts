/**
 * The `dora.git.*` settings, checked. No vscode here: the rules are unit-tested, and the host only hands
 * in what `workspace.getConfiguration` returned (which may be anything a person typed into settings.json).
 */
import {
  compilePattern,
  DEFAULT_FAILURE_DAYS,
  DEFAULT_WINDOW_DAYS,
  EXAMPLE_HOTFIX_PATTERN,
} from '../core/metrics/patterns';
import { branchNameProblem } from '../core/config/branchName';
import type { ChoiceLayer } from '../core/config/resolve';
import { DEPLOYMENT_SOURCES, LEAD_TIME_CLOCKS } from '../core/config/schema';

export interface GitSettings {
  /** Empty: release tags are detected from their names. */
  readonly tagPattern: string;
  /** Empty: the analysis picks main or master itself. */
  readonly defaultBranch: string;
  readonly windowDays: number;
  readonly leadTimeClock: (typeof LEAD_TIME_CLOCKS)[number];
  readonly source: (typeof DEPLOYMENT_SOURCES)[number];
  /** How many days after a deployment a revert or hotfix marks it as failed (heuristic). */
  readonly failureDays: number;
  /** Tag names (or merge subjects) that count as hotfix deployments, matched case-insensitively; empty: the cadence rule only. */
  readonly hotfixPattern: string;
  /** Leave bot commits out of lead time; they are reported apart either way. */
  readonly excludeBots: boolean;
  /** VS Code's own `git.path`, so the analysis uses the git people configured for the editor. */
  readonly gitPath: string;
}

export type SettingsCheck =
  { readonly ok: true; readonly settings: GitSettings } | { readonly ok: false; readonly message: string };

export function checkGitSettings(raw: {
  tagPattern?: unknown;
  defaultBranch?: unknown;
  windowDays?: unknown;
  leadTimeClock?: unknown;
  source?: unknown;
  failureDays?: unknown;
  hotfixPattern?: unknown;
  excludeBots?: unknown;
  gitPath?: unknown;
}): SettingsCheck {
  const tagPattern = typeof raw.tagPattern === 'string' ? raw.tagPattern.trim() : '';
  const compiled =
    tagPattern === '' ? { ok: true as const } : compilePattern(tagPattern, 'The setting dora.git.tagPattern');
  if (!compiled.ok) return { ok: false, message: `${compiled.message}. Change it in Settings, then try again.` };
  const windowDays = raw.windowDays === undefined ? DEFAULT_WINDOW_DAYS : raw.windowDays;
  if (typeof windowDays !== 'number' || !Number.isInteger(windowDays) || windowDays < 1 || windowDays > 3650) {
    return {
      ok: false,
      message: `The setting dora.git.windowDays is ${JSON.stringify(windowDays)}; it must be a whole number of days from 1 to 3650 (default ${DEFAULT_WINDOW_DAYS}).`,
    };
  }
  const failureDays = raw.failureDays === undefined ? DEFAULT_FAILURE_DAYS : raw.failureDays;
  if (typeof failureDays !== 'number' || !Number.isInteger(failureDays) || failureDays < 0 || failureDays > 365) {
    return {
      ok: false,
      message: `The setting dora.git.failureDays is ${JSON.stringify(failureDays)}; it must be a whole number of days from 0 to 365 (default ${DEFAULT_FAILURE_DAYS}).`,
    };
  }
  const hotfixPattern =
    typeof raw.hotfixPattern === 'string' && raw.hotfixPattern.trim() !== '' ? raw.hotfixPattern : '';
  const hotfix =
    hotfixPattern === ''
      ? null
      : compilePattern(hotfixPattern, 'The setting dora.git.hotfixPattern', 'i', EXAMPLE_HOTFIX_PATTERN);
  if (hotfix && !hotfix.ok) return { ok: false, message: `${hotfix.message}. Change it in Settings, then try again.` };
  const defaultBranch = typeof raw.defaultBranch === 'string' ? raw.defaultBranch.trim() : '';
  const branchProblem = defaultBranch === '' ? undefined : branchNameProblem(defaultBranch);
  if (branchProblem) return { ok: false, message: `The setting dora.git.defaultBranch: ${branchProblem}.` };
  return {
    ok: true,
    settings: {
      tagPattern,
      defaultBranch,
      windowDays,
      leadTimeClock: oneOf(raw.leadTimeClock, LEAD_TIME_CLOCKS, 'author'),
      source: oneOf(raw.source, DEPLOYMENT_SOURCES, 'auto'),
      failureDays,
      hotfixPattern,
      excludeBots: raw.excludeBots === true,
      gitPath: typeof raw.gitPath === 'string' && raw.gitPath.trim() !== '' ? raw.gitPath.trim() : 'git',
    },
  };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

/** The settings a person set explicitly, as the layer below the config file; defaults stay out so detection can run. */
export function settingsLayer(settings: GitSettings, explicit: ReadonlySet<string>): ChoiceLayer {
  const set = <T>(key: string, value: T): T | undefined => (explicit.has(key) ? value : undefined);
  return {
    tagPattern: set('tagPattern', settings.tagPattern || undefined),
    defaultBranch: set('defaultBranch', settings.defaultBranch || undefined),
    windowDays: set('windowDays', settings.windowDays),
    leadTimeClock: set('leadTimeClock', settings.leadTimeClock),
    source: set('source', settings.source),
    failureDays: set('failureDays', settings.failureDays),
    hotfixPattern: set('hotfixPattern', settings.hotfixPattern),
    excludeBots: set('excludeBots', settings.excludeBots),
  };
}
