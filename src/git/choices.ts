import type { ChoiceLayer, ResolvedChoices } from '../core/config/resolve';
import { CHOICE_NAMES } from '../core/config/resolve';
import type { SettingsProvenance } from '../core/config/provenance';
import type { MetricsResult } from '../core/metrics/result';
import { DEFAULT_FAILURE_DAYS, DEFAULT_WINDOW_DAYS } from '../core/metrics/patterns';
import type { AnalyzeOptions } from './analyze';

/**
 * The analysis's built-in defaults, as the lowest layer of the measuring choices. What is not here
 * (the tag pattern, the default branch, a package) is detected by the analysis (src/core/releases).
 */
export const DEFAULT_CHOICES: ChoiceLayer = {
  source: 'auto',
  windowDays: DEFAULT_WINDOW_DAYS,
  leadTimeClock: 'author',
  failureDays: DEFAULT_FAILURE_DAYS,
  // No hotfix pattern: by default a hotfix is told by its cadence, not its name.
  excludeBots: false,
};

/**
 * The resolved measuring choices as analysis options. A choice left to detection stays undefined, so
 * the analysis detects it. Choices the analysis does not take yet (packages) stay in the
 * provenance, so the evidence still shows what was asked for.
 */
export function analyzeOptionsFrom(
  choices: ResolvedChoices,
): Pick<
  AnalyzeOptions,
  | 'tagPattern'
  | 'source'
  | 'package'
  | 'paths'
  | 'origins'
  | 'defaultBranch'
  | 'days'
  | 'clock'
  | 'failureDays'
  | 'hotfixPattern'
  | 'excludeBots'
  | 'botPatterns'
> {
  const source = choices.source.value;
  return {
    tagPattern: choices.tagPattern.value,
    package: choices.package.value,
    paths: choices.paths.value,
    origins: {
      tagPattern: ORIGIN[choices.tagPattern.from],
      source: ORIGIN[choices.source.from],
      package: ORIGIN[choices.package.from],
      paths: ORIGIN[choices.paths.from],
      defaultBranch: ORIGIN[choices.defaultBranch.from],
    },
    source: source === 'auto' ? undefined : source,
    defaultBranch: choices.defaultBranch.value,
    days: choices.windowDays.value,
    clock: choices.leadTimeClock.value,
    failureDays: choices.failureDays.value,
    hotfixPattern: choices.hotfixPattern.value,
    excludeBots: choices.excludeBots.value,
    botPatterns: choices.bots.value,
  };
}

/** Where a choice came from, as the evidence words it. */
const ORIGIN: Record<ResolvedChoices['source']['from'], string> = {
  flag: 'a command-line flag',
  config: '.dora/config.yaml',
  setting: 'a VS Code setting',
  default: 'the default',
  detected: 'detection',
};

/** Each choice with where it came from; a detected one shows what the analysis found. */
export function settingsProvenance(
  choices: ResolvedChoices,
  result: MetricsResult,
  configFile: string | undefined,
): SettingsProvenance {
  const detected: Partial<Record<keyof ResolvedChoices, string | null>> = {
    tagPattern: result.deployments.source === 'tags' ? result.deployments.pattern : null,
    source: result.deployments.source,
    defaultBranch: result.deployments.defaultBranch ?? null,
  };
  const out: SettingsProvenance['choices'] = {};
  for (const name of CHOICE_NAMES) {
    // "auto" is a rule, not an answer: show what it found.
    const auto = name === 'source' && choices.source.value === 'auto' && choices.source.from === 'default';
    const choice = auto ? { value: undefined, from: 'detected' as const } : choices[name];
    const value = choice.value === undefined ? (detected[name] ?? null) : choice.value;
    if (choice.value === undefined && value === null) continue;
    out[name] = {
      value: Array.isArray(value) ? [...(value as readonly string[])] : (value as string | number | boolean),
      from: choice.from,
    };
  }
  return { ...(configFile === undefined ? {} : { configFile }), choices: out };
}
