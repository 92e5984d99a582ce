import { readdirSync, statSync } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { Problem } from '../core/problems';

export interface Listing {
  /** Regular files (directly, or through a link), sorted by name. */
  readonly files: readonly string[];
  /** Devices, pipes and sockets with a matching name: skipped, and said so. */
  readonly skipped: readonly Problem[];
}

/**
 * The files in `dir` whose names pass `accept`, for every scan of a workspace folder (assessments,
 * frameworks, previous assessments). A name that is a device, a FIFO or a socket, directly or through a
 * link, is never opened: it comes back as a warning instead. A missing folder is empty.
 */
export async function listFiles(dir: string, accept: (name: string) => boolean): Promise<Listing> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return { files: [], skipped: [] };
  }
  const wanted = entries.filter((entry) => accept(entry.name));
  const kinds = await Promise.all(
    wanted.map(async (entry) => {
      if (entry.isFile()) return 'file';
      if (!entry.isSymbolicLink()) return kindOf(entry);
      return stat(path.join(dir, entry.name)).then(kindOf, () => 'gone' as const);
    }),
  );
  return sortOut(dir, wanted, kinds);
}

/** The same, for the command line. */
export function listFilesSync(dir: string, accept: (name: string) => boolean): Listing {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return { files: [], skipped: [] };
  }
  const wanted = entries.filter((entry) => accept(entry.name));
  const kinds = wanted.map((entry) => {
    if (entry.isFile()) return 'file';
    if (!entry.isSymbolicLink()) return kindOf(entry);
    try {
      return kindOf(statSync(path.join(dir, entry.name)));
    } catch {
      return 'gone';
    }
  });
  return sortOut(dir, wanted, kinds);
}

type Kind = 'file' | 'folder' | 'special' | 'gone';

function kindOf(entry: Dirent | Stats): Kind {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'folder';
  return 'special';
}

function sortOut(dir: string, entries: readonly Dirent[], kinds: readonly Kind[]): Listing {
  const files: string[] = [];
  const skipped: Problem[] = [];
  entries.forEach((entry, i) => {
    const file = path.join(dir, entry.name);
    if (kinds[i] === 'file') files.push(file);
    else if (kinds[i] === 'special')
      skipped.push({
        severity: 'warning',
        file,
        message: 'skipped: not a regular file (a device, a pipe or a socket, perhaps through a link)',
      });
  });
  files.sort();
  return { files, skipped };
}
