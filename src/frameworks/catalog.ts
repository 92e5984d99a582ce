import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { loadFramework } from '../core/framework/load';
import type { Framework } from '../core/framework/schema';
import type { LoadResult, Problem } from '../core/problems';
import { MAX_INPUT_CHARS, tooLarge } from '../core/problems';
import { QUICK_CHECK_FRAMEWORK } from '../core/quickcheck/framework';

export interface CatalogEntry {
  readonly file: string;
  readonly source: 'bundled' | 'workspace';
  readonly result: LoadResult<Framework>;
}

/** Framework files are YAML: `*.yaml` or `*.yml`, in any letter case. */
export function isFrameworkFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Reads a text file, refusing anything over the input limit before it is read into memory. */
export function readTextFile(file: string): { ok: true; text: string } | { ok: false; problem: Problem } {
  try {
    const size = statSync(file).size;
    if (size > MAX_INPUT_CHARS * 4) return { ok: false, problem: tooLarge(file, size) };
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'file not found; check the path'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : `could not read the file (${code ?? String(error)})`;
    return { ok: false, problem: { severity: 'error', file, message } };
  }
}

export function loadFrameworkFile(file: string): LoadResult<Framework> {
  const read = readTextFile(file);
  return read.ok ? loadFramework(read.text, file) : { ok: false, problems: [read.problem] };
}

/** The frameworks shipped in the package: `frameworks/` beside `dist/`, found from the running bundle. */
export function bundledFrameworksDir(start: string = __dirname): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'frameworks');
    if (existsSync(path.join(candidate, 'dora.yaml'))) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve(start, '..', 'frameworks');
}

/** Every `*.yaml` / `*.yml` in the given folders, loaded; a folder that does not exist is simply empty. */
export function loadCatalog(dirs: ReadonlyArray<{ dir: string; source: CatalogEntry['source'] }>): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const { dir, source } of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).filter(isFrameworkFile).sort(doraFirst);
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      entries.push({ file, source, result: loadFrameworkFile(file) });
    }
  }
  return entries;
}

/** DORA is what most people come for, so it leads every list (and Enter in a pick creates a DORA assessment). */
function doraFirst(a: string, b: string): number {
  const rank = (name: string) => (/^dora\.ya?ml$/i.test(name) ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The first framework with this id; workspace frameworks may not shadow a bundled one of the same id. The
 * Quick Check is built in (its questions are DORA's key metrics, not YAML a team edits) and found first.
 */
export function findInCatalog(entries: readonly CatalogEntry[], id: string): Framework | undefined {
  if (id === QUICK_CHECK_FRAMEWORK.id) return QUICK_CHECK_FRAMEWORK;
  for (const entry of entries) if (entry.result.ok && entry.result.value.id === id) return entry.result.value;
  return undefined;
}
