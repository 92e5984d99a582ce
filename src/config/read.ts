import * as path from 'node:path';
import { loadTeamConfig } from '../core/config/load';
import type { LoadedConfig } from '../core/config/load';
import { CONFIG_FILE_NAME } from '../core/config/schema';
import { readBounded } from '../store/boundedRead';
import type { Problem } from '../core/problems';

export type ConfigRead =
  | { readonly kind: 'none'; readonly file: string }
  | { readonly kind: 'ok'; readonly file: string; readonly loaded: LoadedConfig }
  | { readonly kind: 'invalid'; readonly file: string; readonly problems: readonly Problem[] };

/** `<repo>/<assessmentsFolder>/config.yaml`. */
export function configFileIn(repo: string, assessmentsFolder = '.dora'): string {
  return path.join(repo, assessmentsFolder, CONFIG_FILE_NAME);
}

/**
 * Reads and checks a team configuration through the bounded reader: a link to a device or a FIFO is
 * refused on open, and no more than the limit is read. A missing file is not an error (the team has not
 * written one); an unreadable or invalid one is, with its position.
 */
export async function readTeamConfig(file: string): Promise<ConfigRead> {
  const read = await readBounded(file);
  if (read.kind === 'missing') return { kind: 'none', file };
  if (read.kind === 'error') return { kind: 'invalid', file, problems: [read.problem] };
  const loaded = loadTeamConfig(read.bytes.toString('utf8'), file);
  return loaded.ok ? { kind: 'ok', file, loaded: loaded.value } : { kind: 'invalid', file, problems: loaded.problems };
}
