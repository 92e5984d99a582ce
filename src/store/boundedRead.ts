import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { MAX_INPUT_CHARS, tooLarge } from '../core/problems';
import type { Problem } from '../core/problems';

/**
 * The byte limit for any file the product reads from a workspace. UTF-8 takes at most 3 bytes for a
 * character of the 1 MB character limit that JSON or YAML text can usefully hold (4 for a surrogate pair,
 * which counts as 2 characters), so 3 MB of bytes never refuses a file the parsers would accept.
 */
export const MAX_INPUT_BYTES = MAX_INPUT_CHARS * 3;

export type BoundedRead =
  | {
      readonly kind: 'bytes';
      readonly bytes: Buffer;
      /** The file's permission bits, so a save can keep them. */
      readonly mode: number;
      readonly mtimeMs: number;
      readonly size: number;
    }
  | { readonly kind: 'missing' }
  | { readonly kind: 'error'; readonly problem: Problem; readonly special?: boolean };

/**
 * O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. It has no effect on
 * regular files, and anything that is not one is refused right after the open.
 */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/**
 * Reads a workspace file, bounded: it opens the file (following links), checks with `fstat` on the opened
 * descriptor that it is a regular file (a link to /dev/zero or a FIFO is refused; a size from `stat` is 0
 * for a device), and reads at most `limit + 1` bytes, refusing a larger file. Never throws.
 */
export async function readBounded(file: string, limit = MAX_INPUT_BYTES): Promise<BoundedRead> {
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    return failure(file, error);
  }
  try {
    const stat = await handle.stat();
    const refused = refuse(file, stat, limit);
    if (refused) return refused;
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return bytesOf(file, buffer, length, stat, limit);
  } catch (error) {
    return failure(file, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The same, for the command line, which runs one job at a time and has no host thread to keep free. */
export function readBoundedSync(file: string, limit = MAX_INPUT_BYTES): BoundedRead {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    return failure(file, error);
  }
  try {
    const stat = fstatSync(fd);
    const refused = refuse(file, stat, limit);
    if (refused) return refused;
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
    let length = 0;
    while (length < buffer.length) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return bytesOf(file, buffer, length, stat, limit);
  } catch (error) {
    return failure(file, error);
  } finally {
    closeSync(fd);
  }
}

/** Bytes as the parsers take them: UTF-8, an invalid byte read as U+FFFD. */
export function textOfBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Text as the parsers take it, or the problem that stopped the read. */
export function textOf(read: BoundedRead): { ok: true; text: string } | { ok: false; problem: Problem } | undefined {
  if (read.kind === 'missing') return undefined;
  if (read.kind === 'error') return { ok: false, problem: read.problem };
  return { ok: true, text: textOfBytes(read.bytes) };
}

function refuse(file: string, stat: Stats, limit: number): BoundedRead | undefined {
  if (stat.isDirectory()) return { kind: 'error', problem: problem(file, 'is a folder, not a file') };
  if (!stat.isFile())
    return {
      kind: 'error',
      special: true,
      problem: problem(
        file,
        'is not a regular file (a device, a pipe or a socket, perhaps through a link), so it was not read',
      ),
    };
  if (stat.size > limit) return { kind: 'error', problem: tooLarge(file, stat.size) };
  return undefined;
}

function bytesOf(file: string, buffer: Buffer, length: number, stat: Stats, limit: number): BoundedRead {
  // The file grew after fstat: the extra byte says so, and the file is refused like any other too large.
  if (length > limit) return { kind: 'error', problem: tooLarge(file, length) };
  return {
    kind: 'bytes',
    bytes: buffer.subarray(0, length),
    mode: stat.mode & 0o7777,
    mtimeMs: stat.mtimeMs,
    size: length,
  };
}

function failure(file: string, error: unknown): BoundedRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  if (code === 'EISDIR') return { kind: 'error', problem: problem(file, 'is a folder, not a file') };
  if (code === 'ELOOP') return { kind: 'error', problem: problem(file, 'is a link that leads round in a circle') };
  return {
    kind: 'error',
    problem: problem(file, `could not read the file (${code ?? String(error)}); check its permissions`),
  };
}

function problem(file: string, message: string): Problem {
  return { severity: 'error', file, message };
}
