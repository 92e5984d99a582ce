import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { loadFramework } from '../core/framework/load';
import type { Framework } from '../core/framework/schema';
import type { LoadResult, Problem } from '../core/problems';
import { readBounded, readBoundedSync, textOf, textOfBytes } from '../store/boundedRead';
import type { BoundedRead } from '../store/boundedRead';
import { listFiles, listFilesSync } from '../store/listFiles';
import { QUICK_CHECK_FRAMEWORK } from '../core/quickcheck/framework';
import { isFrameworkFile } from '../workspace/assessmentFiles';
import { fromSnapshot, readSnapshot } from './snapshot';
import type { Snapshot } from './snapshot';

export interface CatalogEntry {
  readonly file: string;
  readonly source: 'bundled' | 'workspace';
  readonly result: LoadResult<Framework>;
}

/** Framework files are YAML: `*.yaml` or `*.yml`, in any letter case. */

type TextRead = { ok: true; text: string } | { ok: false; problem: Problem };

/**
 * Reads a text file for the command line, bounded (see `readBounded`): a device, a pipe or anything over
 * the limit is refused before it is read into memory.
 */
export function readTextFile(file: string): TextRead {
  return asText(file, readBoundedSync(file));
}

function asText(file: string, read: BoundedRead): TextRead {
  return textOf(read) ?? { ok: false, problem: { severity: 'error', file, message: 'file not found; check the path' } };
}

export function loadFrameworkFile(file: string): LoadResult<Framework> {
  const read = readTextFile(file);
  return read.ok ? loadFramework(read.text, file) : { ok: false, problems: [read.problem] };
}

/** Parses a framework file's bytes: in-process by default, in the assessment worker on the extension host. */
export type ParseFramework = (file: string, bytes: Uint8Array) => Promise<LoadResult<Framework>>;

const parseInProcess: ParseFramework = (file, bytes) => Promise.resolve(loadFramework(textOfBytes(bytes), file));

/** The same, without blocking: for the extension host. */
export async function loadFrameworkFileAsync(
  file: string,
  parse: ParseFramework = parseInProcess,
): Promise<LoadResult<Framework>> {
  const read = await readBounded(file);
  if (read.kind === 'bytes') return parse(file, read.bytes);
  const problem: Problem =
    read.kind === 'error' ? read.problem : { severity: 'error', file, message: 'file not found; check the path' };
  return { ok: false, problems: [problem] };
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

/**
 * Every `*.yaml` / `*.yml` in the given folders, loaded; a folder that does not exist is simply empty. A
 * name that is a device, a pipe or a socket is listed as a framework that does not load, saying why.
 */
export function loadCatalog(dirs: ReadonlyArray<{ dir: string; source: CatalogEntry['source'] }>): CatalogEntry[] {
  return dirs.flatMap(({ dir, source }) => {
    const { files, skipped } = listFilesSync(dir, isFrameworkFile);
    // Bundled frameworks come from the build's snapshot while their text is unchanged (snapshot.ts).
    const snapshot = source === 'bundled' ? readSnapshot(dir) : null;
    return [
      ...[...files].sort(doraFirst).map((file) => ({ file, source, result: loadWithSnapshot(file, snapshot) })),
      ...skippedEntries(skipped, source),
    ];
  });
}

function loadWithSnapshot(file: string, snapshot: Snapshot | null): LoadResult<Framework> {
  if (!snapshot) return loadFrameworkFile(file);
  const read = readTextFile(file);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  return fromSnapshot(snapshot, file, read.text) ?? loadFramework(read.text, file);
}

/** The same, without blocking: for the extension host. */
export async function loadCatalogAsync(
  dirs: ReadonlyArray<{ dir: string; source: CatalogEntry['source'] }>,
  parse: ParseFramework = parseInProcess,
): Promise<CatalogEntry[]> {
  const perDir = await Promise.all(
    dirs.map(async ({ dir, source }) => {
      const { files, skipped } = await listFiles(dir, isFrameworkFile);
      const loaded = await Promise.all(
        [...files]
          .sort(doraFirst)
          .map(async (file) => ({ file, source, result: await loadFrameworkFileAsync(file, parse) })),
      );
      return [...loaded, ...skippedEntries(skipped, source)];
    }),
  );
  return perDir.flat();
}

function skippedEntries(skipped: readonly Problem[], source: CatalogEntry['source']): CatalogEntry[] {
  return skipped.map((problem) => ({ file: problem.file ?? '', source, result: { ok: false, problems: [problem] } }));
}

/** DORA is what most people come for, so it leads every list (and Enter in a pick creates a DORA assessment). */
function doraFirst(a: string, b: string): number {
  const rank = (file: string) => (/^dora\.ya?ml$/i.test(path.basename(file)) ? 0 : 1);
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
