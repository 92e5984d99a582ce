import * as z from 'zod';

export { CONFIG_FILE_NAME } from './fileName';
export const CONFIG_SCHEMA_URL =
  'https://raw.githubusercontent.com/dora-assessment/vscode-dora-assessment/main/schemas/config.schema.json';

export const DEPLOYMENT_SOURCES = ['auto', 'tags', 'commits', 'merges'] as const;
export const LEAD_TIME_CLOCKS = ['author', 'committer'] as const;
export const DEFAULT_CAPACITY = 2;

const pattern = z.string().min(1, 'must not be empty; leave the key out to use the default');
const name = z.string().trim().min(1, 'must not be empty');

const packageSchema = z.strictObject({
  name: name.describe('The package name as its release tags spell it, e.g. "astro" or "@scope/pkg".'),
  tagPattern: pattern
    .optional()
    .describe("Regular expression for this package's release tags; detected from the tags when left out."),
  paths: z
    .array(name)
    .min(1, 'list at least one path, or leave the key out to use where the manifest lives')
    .optional()
    .describe("Folders whose commits count towards this package's lead time; by default where its manifest lives."),
});

/**
 * `.dora/config.yaml`: the measuring choices a team commits, so the editor and CI compute the same
 * figures from the same commit. Every key is optional; what is left out falls back to the VS Code
 * setting, then to what the analysis detects or its default.
 */
export const teamConfigSchema = z.strictObject({
  tagPattern: z
    .union([pattern, z.array(pattern).min(1, 'list at least one pattern, or leave the key out to detect them')])
    .optional()
    .describe(
      'Regular expression(s) a release tag matches to count as a deployment. Leave it out to detect the convention from the tags.',
    ),
  packages: z
    .array(packageSchema)
    .optional()
    .describe('The packages of a monorepo, each with its tag pattern and paths.'),
  package: name.optional().describe('The package to measure; the whole repository when left out.'),
  source: z
    .enum(DEPLOYMENT_SOURCES)
    .optional()
    .describe(
      'What a deployment is: release tags, every first-parent commit on the default branch, merge commits only, or auto (tags, else commits).',
    ),
  defaultBranch: name
    .optional()
    .describe("The branch changes land on; detected from the remote's default when left out."),
  windowDays: z.int().min(1).max(3650).optional().describe('How many days up to today the figures cover (default 90).'),
  leadTimeClock: z
    .enum(LEAD_TIME_CLOCKS)
    .optional()
    .describe('Start lead time at the author time (default) or the committer time of each commit.'),
  failureDays: z
    .int()
    .min(0)
    .max(365)
    .optional()
    .describe('How soon after a deployment a revert or hotfix marks it failed (default 7).'),
  hotfixPattern: pattern
    .optional()
    .describe('Regular expression for tag names (or merge subjects) that are hotfixes, matched case-insensitively.'),
  excludeBots: z.boolean().optional().describe('Leave commits by bots out of lead time (default false).'),
  bots: z
    .array(name)
    .optional()
    .describe('Author names or emails that mark a bot; by default [bot], dependabot, renovate and github-actions.'),
  capacity: z
    .int()
    .min(1)
    .max(50)
    .default(DEFAULT_CAPACITY)
    .describe('How many roadmap items the team works on at the same time (default 2).'),
});

export type TeamConfig = z.output<typeof teamConfigSchema>;
export type TeamPackage = z.output<typeof packageSchema>;
