import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';

/**
 * Writes a synthetic repository with `git fast-import`: feature branches merged with --no-ff, direct
 * commits, reverts ("This reverts commit <sha>"), squash-style "(#n)" subjects, multi-line bodies, and
 * release tags (annotated and lightweight, some release candidates and patch releases).
 *
 * Commit hashes are computed here exactly as git computes them (every commit has the empty tree), so a
 * revert can name the full hash of the commit it reverts; the final hash of main is checked against git's.
 */
export interface SyntheticOptions {
  readonly commits: number;
  readonly tags: number;
}

export interface SyntheticRepo {
  readonly dir: string;
  readonly commits: number;
  readonly merges: number;
  readonly reverts: number;
  readonly tags: number;
  readonly annotated: number;
  /** Committer time of the last commit, epoch seconds. */
  readonly lastTime: number;
}

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const START = Date.UTC(2023, 0, 1) / 1000;
const IDENT = 'Bench <bench@example.com>';

/** A small deterministic random generator, so every run builds the same repository. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeSyntheticRepo(dir: string, options: SyntheticOptions): Promise<SyntheticRepo> {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const exited = once(child, 'close');
  const rand = random(42);
  let buffered: string[] = [];
  let bufferedLength = 0;
  const write = async (text: string) => {
    buffered.push(text);
    bufferedLength += text.length;
    if (bufferedLength < 1 << 20) return;
    const chunk = buffered.join('');
    buffered = [];
    bufferedLength = 0;
    if (!child.stdin.write(chunk)) await once(child.stdin, 'drain');
  };

  let mark = 0;
  const hashes: string[] = [''];
  let time = START;
  let mainTip = 0;
  let merges = 0;
  let reverts = 0;
  let pr = 1;
  const recent: number[] = [];

  const commit = async (ref: string, parents: number[], subject: string, body = ''): Promise<number> => {
    time += 60 + Math.floor(rand() * 900);
    const authored = time - Math.floor(rand() * rand() * 3 * 86_400);
    const message = body ? `${subject}\n\n${body}\n` : `${subject}\n`;
    const object =
      `tree ${EMPTY_TREE}\n` +
      parents.map((p) => `parent ${hashes[p]}\n`).join('') +
      `author ${IDENT} ${authored} +0000\ncommitter ${IDENT} ${time} +0000\n\n${message}`;
    const bytes = Buffer.byteLength(object);
    const hash = createHash('sha1').update(`commit ${bytes}\0`).update(object).digest('hex');
    hashes.push(hash);
    mark++;
    const from = parents.length > 0 ? `from :${parents[0]}\n` : '';
    const merge = parents
      .slice(1)
      .map((p) => `merge :${p}\n`)
      .join('');
    await write(
      `commit ${ref}\nmark :${mark}\nauthor ${IDENT} ${authored} +0000\ncommitter ${IDENT} ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}${from}${merge}\n`,
    );
    return mark;
  };
  const body = () =>
    rand() < 0.4
      ? Array.from(
          { length: 1 + Math.floor(rand() * 3) },
          () => 'Explains why the change was made, wrapped at seventy-two columns.',
        ).join('\n')
      : '';

  const tagEvery = Math.max(1, Math.floor(options.commits / options.tags));
  let nextTag = tagEvery;
  let tags = 0;
  let annotated = 0;
  let minor = 0;
  let patch = 0;
  let candidateFor = -1;
  const tag = async (name: string, target: number) => {
    tags++;
    if (tags % 2 === 0) {
      annotated++;
      const message = `Release ${name}\n`;
      await write(
        `tag ${name}\nfrom :${target}\ntagger ${IDENT} ${time + 600} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`,
      );
    } else {
      await write(`reset refs/tags/${name}\nfrom :${target}\n\n`);
    }
  };

  while (mark < options.commits) {
    const roll = rand();
    if (roll < 0.6) {
      // A feature branch of 1–4 commits, merged with a merge commit.
      let tip = mainTip;
      const size = 1 + Math.floor(rand() * 4);
      for (let i = 0; i < size && mark < options.commits - 1; i++)
        tip = await commit('refs/heads/feature', tip ? [tip] : [], `feat: change ${mark + 1}`, body());
      recent.push(tip);
      mainTip = await commit(
        'refs/heads/main',
        mainTip ? [mainTip, tip] : [tip],
        `Merge pull request #${pr++} from team/feature-${mark}`,
      );
      merges++;
    } else if (roll < 0.97 || recent.length === 0) {
      const subject = rand() < 0.5 ? `fix: small change (#${pr++})` : `chore: direct change ${mark + 1}`;
      mainTip = await commit('refs/heads/main', mainTip ? [mainTip] : [], subject, body());
      recent.push(mainTip);
    } else {
      const target = recent[Math.floor(rand() * recent.length)]!;
      mainTip = await commit(
        'refs/heads/main',
        [mainTip],
        `Revert "change ${target}"`,
        `This reverts commit ${hashes[target]}.`,
      );
      reverts++;
    }
    if (recent.length > 50) recent.splice(0, recent.length - 50);
    if (mark >= nextTag && tags < options.tags) {
      nextTag += tagEvery;
      const kind = rand();
      if (kind < 0.1 && candidateFor !== minor + 1) {
        candidateFor = minor + 1;
        await tag(`v1.${minor + 1}.0-rc1`, mainTip);
      } else if (kind < 0.35 && minor > 0) {
        await tag(`v1.${minor}.${++patch}`, mainTip);
      } else {
        patch = 0;
        await tag(`v1.${++minor}.0`, mainTip);
      }
    }
  }
  await write('done\n');
  child.stdin.end(buffered.join(''));
  const [code] = (await exited) as [number | null];
  if (code !== 0) throw new Error(`git fast-import failed with exit code ${code}`);
  const main = execFileSync('git', ['rev-parse', 'main'], { cwd: dir, encoding: 'utf8' }).trim();
  if (main !== hashes[mainTip])
    throw new Error(
      `computed hash of main ${hashes[mainTip]} differs from git's ${main}; reverts would name unknown commits`,
    );
  return { dir, commits: mark, merges, reverts, tags, annotated, lastTime: time };
}
