/**
 * Where a package lives in a monorepo, from its manifest: a package's lead time counts only commits
 * that touch these folders, so a commit is never credited to a package it did not change.
 */

export const MANIFEST_FILES = ['package.json', 'pyproject.toml', 'Cargo.toml', 'go.mod'] as const;

export interface Manifest {
  /** Repository-relative path of the manifest file. */
  readonly path: string;
  /** The name it declares (package.json "name", [package]/[project] name, go.mod module), if read. */
  readonly name: string | null;
}

/** A manifest of the repository's own, not one vendored under node_modules, vendor or a test fixture. */
export function isManifestPath(path: string): boolean {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  if (!MANIFEST_FILES.some((file) => file === base)) return false;
  return !/(^|\/)(node_modules|vendor|third_party|testdata|fixtures?|__fixtures__)\//.test(path);
}

/** The declared name in a manifest's text; null when it declares none or cannot be read. */
export function manifestName(path: string, text: string): string | null {
  if (path.endsWith('package.json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string')
        return parsed.name;
    } catch {
      return null;
    }
    return null;
  }
  if (path.endsWith('go.mod')) return /^module\s+"?([^\s"]+)/m.exec(text)?.[1] ?? null;
  return /^name\s*=\s*["']([^"']+)["']/m.exec(text)?.[1] ?? null;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

/**
 * The folders of a package named by its tags: the manifest that declares the name (astro, @astrojs/node,
 * a crate, a Python project), else the folder the tag prefix names (Go's gopls/v0.16.0 lives in gopls/),
 * else folders with the package's last name segment (release-please's storage-v1.2.3 in packages/storage).
 */
export function packageDirs(pkg: string, manifests: readonly Manifest[]): string[] {
  const last = pkg.slice(pkg.lastIndexOf('/') + 1);
  const rules: Array<(m: Manifest) => boolean> = [
    (m) => m.name === pkg,
    (m) => dirOf(m.path) === pkg,
    (m) => dirOf(m.path).split('/').pop() === last,
  ];
  for (const rule of rules) {
    const dirs = [...new Set(manifests.filter(rule).map((m) => dirOf(m.path)))].sort();
    if (dirs.length > 0) return dirs;
  }
  return [];
}
