import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * Repositories shaped like real ones, written with `git fast-import` (empty trees, fixed dates): the
 * release conventions issue 9 names. Each shape is a plan of commits and the tags put on them.
 */
export interface Shape {
  readonly name: string;
  readonly commits: number;
  /** Seconds between commits on main. */
  readonly step: number;
  /** Tags to put on commit i (0-based), or none. */
  readonly tagsAt: (i: number) => readonly string[];
  /** Every commit a squash merge: "(#n)" subject, author time equal to commit time. */
  readonly squash?: boolean;
  /** Every n-th commit a merge of a one-commit branch (0: never). */
  readonly mergeEvery?: number;
}

const IDENT = 'Bench <bench@example.com>';
const START = Date.UTC(2024, 0, 1) / 1000;

export const SHAPES: readonly Shape[] = [
  {
    name: '12,000 tags, several releases a day',
    commits: 36_000,
    step: 1_800,
    mergeEvery: 3,
    tagsAt: (i) => (i % 3 === 2 ? [`v${1 + Math.floor(i / 3000)}.${Math.floor(i / 30) % 100}.${i % 30}`] : []),
  },
  {
    name: 'monorepo, 30 packages tagged together',
    commits: 30_000,
    step: 3_600,
    mergeEvery: 4,
    tagsAt: (i) =>
      i % 150 === 149
        ? Array.from({ length: 30 }, (_, p) => `@acme/pkg-${p}@${1 + Math.floor(i / 15000)}.${Math.floor(i / 150)}.0`)
        : [],
  },
  {
    name: '80,000 commits, 1,000 tags',
    commits: 80_000,
    step: 900,
    mergeEvery: 3,
    tagsAt: (i) => (i % 80 === 79 ? [`v2.${Math.floor(i / 80)}.0`] : []),
  },
  {
    name: 'squash-merge flow, no tags',
    commits: 40_000,
    step: 1_200,
    squash: true,
    tagsAt: () => [],
  },
];

/** Writes the shape into `dir`; returns the time of the last commit (epoch seconds) and the tag count. */
export async function writeShape(dir: string, shape: Shape): Promise<{ lastTime: number; tags: number }> {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const exited = once(child, 'close');
  let pending: string[] = [];
  let size = 0;
  const write = async (text: string) => {
    pending.push(text);
    size += text.length;
    if (size < 1 << 20) return;
    const chunk = pending.join('');
    pending = [];
    size = 0;
    if (!child.stdin.write(chunk)) await once(child.stdin, 'drain');
  };
  const data = (message: string) => `data ${Buffer.byteLength(message)}\n${message}`;
  let mark = 0;
  let time = START;
  let tags = 0;
  let main = 0;
  for (let i = 0; i < shape.commits; i++) {
    time += shape.step;
    const merging = shape.mergeEvery !== undefined && shape.mergeEvery > 0 && i % shape.mergeEvery === 0 && main > 0;
    let side = 0;
    if (merging) {
      const authored = time - 86_400;
      await write(
        `commit refs/heads/topic\nmark :${++mark}\nauthor ${IDENT} ${authored} +0000\ncommitter ${IDENT} ${time - 60} +0000\n${data(`feat: change ${i}\n`)}from :${main}\n\n`,
      );
      side = mark;
    }
    const authored = shape.squash ? time : time - 3_600;
    const subject = shape.squash ? `Change ${i} (#${i + 1})\n` : merging ? `Merge pull request #${i}\n` : `fix: ${i}\n`;
    const from = main > 0 ? `from :${main}\n` : '';
    await write(
      `commit refs/heads/main\nmark :${++mark}\nauthor ${IDENT} ${authored} +0000\ncommitter ${IDENT} ${time} +0000\n${data(subject)}${from}${side ? `merge :${side}\n` : ''}\n`,
    );
    main = mark;
    for (const name of shape.tagsAt(i)) {
      tags++;
      await write(`tag ${name}\nfrom :${main}\ntagger ${IDENT} ${time + 300} +0000\n${data(`Release ${name}\n`)}\n`);
    }
  }
  await write('done\n');
  child.stdin.end(pending.join(''));
  const [code] = (await exited) as [number | null];
  if (code !== 0) throw new Error(`git fast-import failed with exit code ${String(code)}`);
  // fast-import leaves one loose file per ref; a clone (and git's own auto-gc) keeps them in packed-refs.
  // 12,000 loose tag files would make every ref listing, ours and the baseline's, read 12,000 files.
  execFileSync('git', ['pack-refs', '--all'], { cwd: dir });
  return { lastTime: time, tags };
}
