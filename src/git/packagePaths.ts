import type { PackageFolders } from '../core/metrics/history';
import type { Manifest } from '../core/releases/packagePaths';
import { isManifestPath, manifestName, packageDirs } from '../core/releases/packagePaths';
import type { GitContext } from './run';
import { gitFailure, runGit } from './run';

/**
 * The folders of a package at a commit, with two git processes however large the repository: one
 * `ls-tree` for the manifests' paths and one `cat-file --batch` for their names.
 */
export async function findPackagePaths(
  context: GitContext,
  commit: string,
  pkg: string,
  given?: readonly string[],
): Promise<PackageFolders> {
  const listing = await runGit(context, ['ls-tree', '-r', '-z', '--name-only', commit]);
  if (listing.code !== 0) throw gitFailure('Listing the files (git ls-tree)', listing);
  const files = listing.stdout.toString('utf8').split('\0').filter(Boolean);
  if (given !== undefined) {
    const normal = given.map((p) => p.replace(/^\.\/|\/+$/g, '') || '.');
    const exists = (p: string) => p === '.' || files.some((f) => f === p || f.startsWith(`${p}/`));
    return { paths: normal, from: 'option', missing: normal.filter((p) => !exists(p)) };
  }
  const paths = files.filter(isManifestPath);
  const input = paths.map((p) => `${commit}:${p}\n`).join('');
  const batch = paths.length === 0 ? null : await runGit(context, ['cat-file', '--batch'], input);
  const manifests: Manifest[] = paths.map((path, i) => ({ path, name: batch ? nameAt(batch.stdout, i, path) : null }));
  return { paths: packageDirs(pkg, manifests), from: 'manifest', missing: [] };
}

/** Reads the i-th object of `cat-file --batch` output ("<sha> <type> <size>\n<content>\n" each). */
function nameAt(output: Buffer, index: number, path: string): string | null {
  let at = 0;
  for (let i = 0; i <= index; i++) {
    const eol = output.indexOf(0x0a, at);
    if (eol < 0) return null;
    const header = output.toString('utf8', at, eol).split(' ');
    const size = header[1] === 'missing' ? -1 : Number(header[2]);
    if (size < 0) {
      at = eol + 1;
      if (i === index) return null;
      continue;
    }
    if (i === index) return manifestName(path, output.toString('utf8', eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return null;
}

/** The commits that touch the paths, in one `git log` over the same starting points as the history. */
export async function commitsTouching(
  context: GitContext,
  starts: readonly string[],
  paths: readonly string[],
): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const input = starts.map((s) => `${s}\n`).join('');
  const output = await runGit(
    context,
    ['log', '--ignore-missing', '--stdin', '--full-history', '--format=%H', '--', ...paths],
    input,
  );
  if (output.code !== 0) throw gitFailure("Reading the package's commits (git log -- <paths>)", output);
  return new Set(output.stdout.toString('latin1').split('\n').filter(Boolean));
}
