import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadFramework } from '../core/framework/load';
import type { Framework } from '../core/framework/schema';
import type { LoadResult } from '../core/problems';

/**
 * The bundled frameworks, already loaded: written beside them when the CLI is built, so a command does
 * not parse 200 KB of YAML (half a second) on every start. Each entry holds the SHA-1 of the text it was
 * made from, and is used only while the file still has exactly that text: an edited or replaced
 * framework is parsed and checked as usual, with its problems positioned.
 */
export const SNAPSHOT_FILE = 'frameworks.snapshot.json';
const VERSION = 1;

export interface Snapshot {
  readonly version: number;
  readonly frameworks: Record<string, { readonly sha1: string; readonly framework: Framework }>;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The snapshot's text for the given framework files: only those that load cleanly, without warnings. */
export function snapshotText(files: ReadonlyArray<{ readonly file: string; readonly text: string }>): string {
  const frameworks: Record<string, { sha1: string; framework: Framework }> = {};
  for (const { file, text } of files) {
    const result = loadFramework(text, file);
    if (result.ok && result.warnings.length === 0)
      frameworks[path.basename(file)] = { sha1: sha1(text), framework: result.value };
  }
  return JSON.stringify({ version: VERSION, frameworks } satisfies Snapshot);
}

/** The snapshot in `dir`, or none when it is missing, unreadable or from another version. */
export function readSnapshot(dir: string): Snapshot | null {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dir, SNAPSHOT_FILE), 'utf8')) as Snapshot;
    return parsed.version === VERSION && typeof parsed.frameworks === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

/** The framework the snapshot holds for this file's exact text; undefined when it must be parsed. */
export function fromSnapshot(snapshot: Snapshot | null, file: string, text: string): LoadResult<Framework> | undefined {
  const entry = snapshot?.frameworks[path.basename(file)];
  if (!entry || entry.sha1 !== sha1(text)) return undefined;
  return { ok: true, value: entry.framework, warnings: [] };
}
