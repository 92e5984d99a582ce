import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, mkdir, open, readdir, realpath, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { isInside } from '../workspace/paths';

/** A write the product refuses to make, with a message that names the path and says what to do. */
export class WriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteRefused';
  }
}

export interface AtomicWriteOptions {
  /** The folder every write must stay inside after links are followed: the workspace folder. */
  readonly root: string;
  /** Permission bits for a new file; an existing file keeps its own. */
  readonly mode?: number;
  /** Create missing folders between `root` and the file (each checked as it is made). */
  readonly createFolders?: boolean;
}

/** `.<name>.<24 hex>.dora-tmp`: unpredictable, hidden, and recognisably ours for the clean-up. */
const TEMP_PATTERN = /^\..+\.[0-9a-f]{24}\.dora-tmp$/;
/** Temp files this old belong to a write that died (kill -9, power loss); a live write takes milliseconds. */
export const STALE_TEMP_MS = 60_000;

/**
 * The one way the product writes a file (assessments, reports, charts, caches): into an exclusively
 * created temp file with an unpredictable name in the same folder, flushed to disk, then renamed over the
 * target, so a crash leaves the old file or the new one, never half of each.
 *
 * - The real path of the target's folder must lie inside the real path of `root`: a linked `.dora` or
 *   `reports` folder cannot carry a write outside the workspace.
 * - The target itself is never a link (the rename would replace the link, not write through it, but a
 *   link in the workspace is the workspace author's, so it is refused with a message instead).
 * - A read-only file is not replaced: rename would succeed in a writable folder, silently.
 * - The file's permission bits are kept.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions,
): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  if (options.createFolders) await makeFoldersInside(options.root, dir);
  await checkFolderInside(options.root, dir);
  const mode = await existingMode(target);
  await cleanStaleTemps(dir);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(12).toString('hex')}.dora-tmp`);
  let handle: FileHandle | undefined;
  try {
    // "wx" is O_CREAT|O_EXCL: it fails on any existing name, a planted link included, and never follows one.
    handle = await open(temp, 'wx', mode ?? options.mode ?? 0o666);
    await handle.writeFile(data);
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The mode of the file being replaced, after refusing a link, a non-file or a read-only file. */
async function existingMode(target: string): Promise<number | undefined> {
  let stat;
  try {
    stat = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (stat.isSymbolicLink())
    throw new WriteRefused(
      `Not writing ${target}: it is a symbolic link, and writes never follow links. Replace the link with a file.`,
    );
  if (!stat.isFile()) throw new WriteRefused(`Not writing ${target}: it is not a regular file.`);
  // No write bit at all is the user's "read-only", which even root (for whom access() says yes) respects.
  const writable =
    (stat.mode & 0o222) !== 0 &&
    (await access(target, constants.W_OK).then(
      () => true,
      () => false,
    ));
  if (!writable) {
    throw new WriteRefused(
      `Not writing ${target}: the file is read-only. Make it writable to save changes; nothing was lost.`,
    );
  }
  return stat.mode & 0o7777;
}

/** Refuses `dir` unless its real path lies inside the real path of `root`. */
export async function checkFolderInside(root: string, dir: string): Promise<void> {
  const [realRoot, realDir] = await Promise.all([realpath(root), realpath(dir)]);
  if (!isInside(realRoot, realDir)) {
    const via = realDir === path.resolve(dir) ? '' : ` (through a link, it is ${realDir})`;
    throw new WriteRefused(`Not writing into ${dir}${via}: it leads outside ${root}, where this write must stay.`);
  }
}

/**
 * Creates the missing folders of `dir` one at a time, each under a parent already checked to be inside
 * `root`, so `mkdir -p` can never build folders on the far side of a link.
 */
export async function makeFoldersInside(root: string, dir: string): Promise<void> {
  const current = await existingAncestor(dir);
  await checkFolderInside(root, current);
  const missing: string[] = [];
  for (let folder = path.resolve(dir); folder !== current; folder = path.dirname(folder)) missing.unshift(folder);
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST')
        throw new WriteRefused(`Could not create the folder ${folder} (${code ?? String(error)}).`);
    }
    await checkFolderInside(root, folder);
  }
}

/** `dir` itself, or its nearest ancestor that exists. */
export async function existingAncestor(dir: string): Promise<string> {
  let current = path.resolve(dir);
  for (;;) {
    try {
      await lstat(current);
      return current;
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

/** Removes this product's temp files older than a minute from `dir`: what a killed write leaves behind. */
export async function cleanStaleTemps(dir: string, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => TEMP_PATTERN.test(name));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const stat = await lstat(file);
      if (!stat.isFile() || now - stat.mtimeMs < STALE_TEMP_MS) continue;
      await rm(file);
      removed++;
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
  return removed;
}
