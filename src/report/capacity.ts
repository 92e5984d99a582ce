import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../core/config/schema';
import { formatProblem } from '../core/problems';
import { readTeamConfig } from '../config/read';

export interface ConfiguredCapacity {
  /** The `capacity:` of the team configuration, when there is a valid one. */
  readonly capacity: number | undefined;
  /** Why the configuration was not used, to show the user; the report still goes out with the default. */
  readonly problem: string | undefined;
}

/**
 * How many improvements the team works on at once, from `config.yaml` in the assessment's folder (the
 * `.dora/` folder the team configuration lives in). A broken file does not stop the report: it falls
 * back to the default and says why, with the file's line and column.
 */
export async function configuredCapacity(assessmentFile: string): Promise<ConfiguredCapacity> {
  const read = await readTeamConfig(path.join(path.dirname(path.resolve(assessmentFile)), CONFIG_FILE_NAME));
  if (read.kind === 'ok') return { capacity: read.loaded.config.capacity, problem: undefined };
  if (read.kind === 'none') return { capacity: undefined, problem: undefined };
  return {
    capacity: undefined,
    problem: `${read.problems.map(formatProblem).join('; ')}. The roadmap uses the default capacity until the file is fixed.`,
  };
}
