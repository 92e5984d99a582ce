import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { MAX_INPUT_CHARS, tooLarge } from '../core/problems';
import type { Problem } from '../core/problems';

export type ReadOutcome =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'error'; readonly problem: Problem };

/** The file operations the store needs; real Node fs by default, wrapped by tests to count writes. */
export interface FileIo {
  read(file: string): Promise<ReadOutcome>;
  writeAtomic(file: string, text: string): Promise<void>;
}

export const nodeFileIo: FileIo = {
  async read(file) {
    try {
      const { size } = await fs.stat(file);
      if (size > MAX_INPUT_CHARS * 4) return { kind: 'error', problem: tooLarge(file, size) };
      return { kind: 'text', text: await fs.readFile(file, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { kind: 'missing' };
      return {
        kind: 'error',
        problem: {
          severity: 'error',
          file,
          message: `could not read the file (${code ?? String(error)}); check its permissions`,
        },
      };
    }
  },
  writeAtomic,
};

/**
 * Writes through a temporary file in the same folder, flushed to disk, then renamed over the target:
 * a crash or a full disk leaves either the old file or the new one, never half of each. The temporary
 * name ends in `.tmp`, so watchers and globs for `*.json` never see it.
 */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
