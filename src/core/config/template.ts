import type { MetricsResult } from '../metrics/result';
import { CONFIG_SCHEMA_URL, DEFAULT_CAPACITY } from './schema';

/** More tag shapes than this (a monorepo's packages) are left to detection rather than listed. */
const MAX_PINNED_PATTERNS = 5;

export interface TemplateInput {
  /** An analysis run without a config file: its choices with what it detected, and its release detection. */
  readonly result: Pick<MetricsResult, 'settings' | 'deployments'>;
  /** YYYY-MM-DD, for the header. */
  readonly date: string;
}

/**
 * The first `.dora/config.yaml` of a team, from what detection found: every choice written out with a
 * comment saying what it does, so the team can review it and commit it. Patterns are single-quoted, the
 * one YAML style in which a backslash is just a backslash.
 */
export function configTemplate(input: TemplateInput): string {
  const choice = (name: string) => input.result.settings?.choices[name]?.value;
  const { deployments } = input.result;
  const source = choice('source');
  const branch = choice('defaultBranch');
  const lines = [
    `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}`,
    "# How DORA Assessment measures delivery from this repository's git history.",
    `# Written on ${input.date} from what the analysis detected. Review it, then commit it: the extension`,
    '# and the dora-assess CLI both read it, so the editor and CI give the same figures for the same commit.',
    '# Precedence: a dora-assess flag > this file > a VS Code setting > detection and defaults.',
    '',
  ];
  if (deployments.source === 'tags') {
    lines.push(...tagLines(deployments, choice('tagPattern')));
  } else {
    lines.push(
      '# No release tag was found, so deployments are changes landing on the default branch.',
      "# When you start tagging releases, name the pattern here, e.g. tagPattern: '^v\\d+\\.\\d+\\.\\d+$'.",
    );
  }
  lines.push(
    '',
    '# What a deployment is: tags, commits (every change landing on the default branch), merges',
    '# (merge commits only) or auto (tags, else commits).',
    `source: ${typeof source === 'string' ? source : 'auto'}`,
  );
  if (typeof branch === 'string') {
    lines.push('', '# The branch changes land on.', `defaultBranch: ${quote(branch.replace(/^origin\//, ''))}`);
  }
  lines.push(
    '',
    '# How many days up to today the figures cover.',
    `windowDays: ${String(choice('windowDays') ?? 90)}`,
    '# Lead time starts at the author time or the committer time of each commit.',
    `leadTimeClock: ${String(choice('leadTimeClock') ?? 'author')}`,
    '',
    '# How soon after a deployment, in days, a revert or hotfix marks it failed.',
    `failureDays: ${String(choice('failureDays') ?? 7)}`,
    '# Tag names (or merge subjects) that are hotfixes, matched case-insensitively.',
    `# hotfixPattern: ${quote(String(choice('hotfixPattern') ?? 'hotfix'))}`,
    '',
    '# Leave commits by bots ([bot], dependabot, renovate, github-actions) out of lead time.',
    `excludeBots: ${String(choice('excludeBots') ?? false)}`,
    '# bots: [my-release-bot]',
    '',
    ...packageLines(deployments.packages?.map((p) => p.name) ?? []),
    '',
    '# How many roadmap items the team works on at the same time.',
    `capacity: ${DEFAULT_CAPACITY}`,
    '',
  );
  return lines.join('\n');
}

function tagLines(deployments: TemplateInput['result']['deployments'], configured: unknown): string[] {
  const pattern = typeof configured === 'string' ? configured : deployments.pattern;
  const release = deployments.release;
  const head = release ? [`# ${release.summary}`] : [];
  if (release?.how !== 'detected')
    return [...head, '# Release tags that count as deployments.', `tagPattern: ${quote(pattern)}`];
  const patterns = release.patterns ?? [];
  if (patterns.length === 0 || patterns.length > MAX_PINNED_PATTERNS)
    return [
      ...head,
      `# The release tags have ${patterns.length} shapes, so the convention is left to detection on every run.`,
      '# To pin it, list the patterns of your release tags: tagPattern: [...]',
    ];
  // Left commented: a pinned pattern turns detection off, and with it the grouping of tags on one
  // commit into one release event, so writing it would change the figures the team just reviewed.
  return [
    ...head,
    '# The release tags are detected on every run. To pin them (detection off), uncomment the patterns',
    '# found, one per shape of tag:',
    '# tagPattern:',
    ...patterns.map((pattern) => `#   - ${quote(pattern)}`),
  ];
}

function packageLines(names: readonly string[]): string[] {
  if (names.length === 0)
    return [
      '# For a monorepo: its packages, and the one to measure (the whole repository when left out).',
      '# packages:',
      '#   - name: web',
      "#     tagPattern: '^web@\\d+\\.\\d+\\.\\d+$'",
      '#     paths: [apps/web]',
      '# package: web',
    ];
  return [
    '# The packages found in the release tags. Give one a tagPattern or paths (the folders whose',
    '# commits count towards its lead time; by default where its manifest lives) if detection is wrong.',
    'packages:',
    ...names.map((name) => `  - name: ${quote(name)}`),
    '# The package to measure; the whole repository when left out.',
    `# package: ${quote(names[0] ?? '')}`,
  ];
}

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
