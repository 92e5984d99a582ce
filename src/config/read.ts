import { open } from 'node:fs/promises';
import * as path from 'node:path';
import { loadTeamConfig } from '../core/config/load';
import type { LoadedConfig } from '../core/config/load';
import { CONFIG_FILE_NAME } from '../core/config/schema';
import { MAX_INPUT_CHARS, tooLarge } from '../core/problems';
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
 * Reads and checks a team configuration, asynchronously and bounded: the size is taken from the opened
 * handle, so a file swapped after the check cannot make us read more than the limit. A missing file is
 * not an error (the team has not written one); an unreadable or invalid one is, with its position.
 */
export async function readTeamConfig(file: string): Promise<ConfigRead> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'none', file };
    return { kind: 'invalid', file, problems: [unreadable(file, code ?? String(error))] };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      return { kind: 'invalid', file, problems: [{ severity: 'error', file, message: 'is not a regular file' }] };
    if (stat.size > MAX_INPUT_CHARS) return { kind: 'invalid', file, problems: [tooLarge(file, stat.size)] };
    const buffer = Buffer.alloc(stat.size);
    const { bytesRead } = await handle.read(buffer, 0, stat.size, 0);
    const loaded = loadTeamConfig(buffer.subarray(0, bytesRead).toString('utf8'), file);
    return loaded.ok
      ? { kind: 'ok', file, loaded: loaded.value }
      : { kind: 'invalid', file, problems: loaded.problems };
  } catch (error) {
    return {
      kind: 'invalid',
      file,
      problems: [unreadable(file, (error as NodeJS.ErrnoException).code ?? String(error))],
    };
  } finally {
    await handle.close();
  }
}

function unreadable(file: string, code: string): Problem {
  return { severity: 'error', file, message: `could not read the file (${code}); check its permissions` };
}
