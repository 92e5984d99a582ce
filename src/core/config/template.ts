import type { SettingsProvenance } from './provenance';
import { CONFIG_SCHEMA_URL, DEFAULT_CAPACITY } from './schema';

export interface TemplateInput {
  /** The measuring choices of an analysis run without a config file, with what it detected. */
  readonly settings: SettingsProvenance;
  /** Release tags in the whole history that matched, to say how much the detected pattern rests on. */
  readonly tagCount: number;
  /** YYYY-MM-DD, for the header. */
  readonly date: string;
}

/**
 * The first `.dora/config.yaml` of a team, from what detection found: every choice written out with a
 * comment saying what it does, so the team can review it and commit it. Patterns are single-quoted, the
 * one YAML style in which a backslash is just a backslash.
 */
export function configTemplate(input: TemplateInput): string {
  const choice = (name: string) => input.settings.choices[name]?.value;
  const source = choice('source');
  const tagPattern = choice('tagPattern');
  const branch = choice('defaultBranch');
  const lines = [
    `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}`,
    "# How DORA Assessment measures delivery from this repository's git history.",
    `# Written on ${input.date} from what the analysis detected. Review it, then commit it: the extension`,
    '# and the dora-assess CLI both read it, so the editor and CI give the same figures for the same commit.',
    '# Precedence: a dora-assess flag > this file > a VS Code setting > detection and defaults.',
    '',
  ];
  if (source === 'tags' && typeof tagPattern === 'string') {
    lines.push(
      `# Release tags that count as deployments (${input.tagCount} in the history match).`,
      `# A list of patterns is allowed; leave the key out to detect them again on every run.`,
      `tagPattern: ${quote(tagPattern)}`,
    );
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
    '# For a monorepo: its packages, and the one to measure (the whole repository when left out).',
    '# packages:',
    '#   - name: web',
    "#     tagPattern: '^web@\\d+\\.\\d+\\.\\d+$'",
    '#     paths: [apps/web]',
    '# package: web',
    '',
    '# How many roadmap items the team works on at the same time.',
    `capacity: ${DEFAULT_CAPACITY}`,
    '',
  );
  return lines.join('\n');
}

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
