import * as path from 'node:path';
import type { Problem } from '../core/problems';
import { writeFileAtomic } from './atomicWrite';
import { readBounded } from './boundedRead';

export type ReadOutcome =
  | {
      readonly kind: 'text';
      readonly text: string;
      /** The exact bytes: a save edits these, so what it does not change stays byte for byte. */
      readonly bytes: Buffer;
    }
  | { readonly kind: 'missing' }
  | { readonly kind: 'error'; readonly problem: Problem };

/** The file operations the store needs; real Node fs by default, wrapped by tests to count writes. */
export interface FileIo {
  read(file: string): Promise<ReadOutcome>;
  /** Replaces `file` atomically; refuses to write outside `root` (the workspace folder) or through a link. */
  writeAtomic(file: string, data: Uint8Array | string, root?: string): Promise<void>;
}

export const nodeFileIo: FileIo = {
  async read(file) {
    const read = await readBounded(file);
    if (read.kind !== 'bytes') return read;
    return { kind: 'text', text: read.bytes.toString('utf8'), bytes: read.bytes };
  },
  writeAtomic: (file, data, root) => writeFileAtomic(file, data, { root: root ?? path.dirname(file) }),
};
