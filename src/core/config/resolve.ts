import { combinedTagPattern } from './load';
import type { Provenance } from './provenance';
import type { DEPLOYMENT_SOURCES, LEAD_TIME_CLOCKS, TeamConfig } from './schema';

/** Every choice that decides what the git analysis measures. */
export interface MeasuringChoices {
  readonly tagPattern: string;
  readonly package: string;
  readonly paths: readonly string[];
  readonly source: (typeof DEPLOYMENT_SOURCES)[number];
  readonly defaultBranch: string;
  readonly windowDays: number;
  readonly leadTimeClock: (typeof LEAD_TIME_CLOCKS)[number];
  readonly failureDays: number;
  readonly hotfixPattern: string;
  readonly excludeBots: boolean;
  readonly bots: readonly string[];
}
export type ChoiceName = keyof MeasuringChoices;
/** One source's choices; a choice it leaves unset is absent or undefined, and the next layer decides. */
export type ChoiceLayer = { readonly [K in ChoiceName]?: MeasuringChoices[K] | undefined };

export interface Resolved<T> {
  /** Undefined when nothing chose it: the analysis detects it (`from: 'detected'`). */
  readonly value: T | undefined;
  readonly from: Provenance;
}
export type ResolvedChoices = { readonly [K in ChoiceName]: Resolved<MeasuringChoices[K]> };

export const CHOICE_NAMES: readonly ChoiceName[] = [
  'tagPattern',
  'package',
  'paths',
  'source',
  'defaultBranch',
  'windowDays',
  'leadTimeClock',
  'failureDays',
  'hotfixPattern',
  'excludeBots',
  'bots',
];

export interface ChoiceSources {
  /** Command-line flags (the CLI only). */
  readonly flags?: ChoiceLayer | undefined;
  /** The committed `.dora/config.yaml`. */
  readonly config?: TeamConfig | undefined;
  /** VS Code settings the user set explicitly (never their defaults, which would hide detection). */
  readonly settings?: ChoiceLayer | undefined;
  /** Built-in defaults; a choice absent here too is left to the analysis to detect. */
  readonly defaults?: ChoiceLayer;
}

/**
 * Precedence: CLI flag > config file > VS Code setting > default, and what none of them sets is
 * detected. A package's tag pattern and paths come from the config's entry for the package finally
 * chosen, so `--package web` picks up `packages: [{ name: web, ... }]` from the file.
 */
export function resolveChoices(sources: ChoiceSources): ResolvedChoices {
  const fromConfig = configLayer(sources.config);
  const layers: ReadonlyArray<[Provenance, ChoiceLayer | undefined]> = [
    ['flag', sources.flags],
    ['config', fromConfig],
    ['setting', sources.settings],
    ['default', sources.defaults],
  ];
  const pick = <K extends ChoiceName>(name: K, extra?: ChoiceLayer): Resolved<MeasuringChoices[K]> => {
    for (const [from, layer] of layers) {
      const value = (from === 'config' && extra?.[name] !== undefined ? extra : layer)?.[name];
      if (value !== undefined) return { value, from };
    }
    return { value: undefined, from: 'detected' };
  };
  const chosenPackage = pick('package');
  const entry = sources.config?.packages?.find((p) => p.name === chosenPackage.value);
  // The package's own entry is more specific than the file's repository-wide pattern.
  const packageLayer: ChoiceLayer = { tagPattern: entry?.tagPattern, paths: entry?.paths };
  const resolved: Partial<Record<ChoiceName, Resolved<unknown>>> = {};
  for (const name of CHOICE_NAMES) resolved[name] = name === 'package' ? chosenPackage : pick(name, packageLayer);
  return resolved as ResolvedChoices;
}

function configLayer(config: TeamConfig | undefined): ChoiceLayer | undefined {
  if (!config) return undefined;
  return {
    tagPattern: combinedTagPattern(config.tagPattern),
    package: config.package,
    source: config.source,
    defaultBranch: config.defaultBranch,
    windowDays: config.windowDays,
    leadTimeClock: config.leadTimeClock,
    failureDays: config.failureDays,
    hotfixPattern: config.hotfixPattern,
    excludeBots: config.excludeBots,
    bots: config.bots,
  };
}

/** The path of the config key a choice came from, to point a problem found after the analysis at it. */
export function configPathOf(name: ChoiceName, config: TeamConfig, packageName?: string): PropertyKey[] {
  const index = config.packages?.findIndex((p) => p.name === packageName) ?? -1;
  const entry = index >= 0 ? config.packages?.[index] : undefined;
  if ((name === 'tagPattern' || name === 'paths') && entry?.[name] !== undefined) return ['packages', index, name];
  return [name];
}
