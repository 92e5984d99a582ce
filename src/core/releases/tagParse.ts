/**
 * Reads a tag name as a release: which package it belongs to (monorepos), its version, and whether it
 * is a pre-release. Pure and total: any string gives a ParsedTag or null, never an exception, and a tag
 * is read one way only (the first rule below that fits), so no tag ever counts in two families.
 */

export type VersionScheme = 'semver' | 'calver' | 'date';

export interface ParsedTag {
  readonly name: string;
  /** "@astrojs/node", "astro", "gopls"; null for a repository-wide tag such as v1.2.3 or release/1.2.3. */
  readonly package: string | null;
  /** The tag's shape, the key it is grouped by: "vx.y.z", "astro@x.y.z", "gopls/vx.y.z", "YYYY.MM.DD". */
  readonly family: string;
  readonly version: readonly number[];
  /** "rc.1", "beta", "dev0"…; null for a release. */
  readonly prerelease: string | null;
  readonly scheme: VersionScheme;
}

/**
 * prefix · optional "v" · 2 to 4 dot-separated numbers · optional suffix starting with a letter or "+".
 * The prefix is lazy, so the version is the first run of numbers that reaches the end of the name.
 */
const TAG = /^(.*?)([vV]?)(\d{1,9}(?:\.\d{1,9}){1,3})((?:[-._+~]?[A-Za-z+][0-9A-Za-z.\-+_~]*)?)$/;

/** Prefixes that name the release process, not a package: release-1.2.3, release/1.2.3, version-2.0. */
const PROCESS_PREFIX = /^(release|releases|rel|version|ver|tag|stable)[-/_]$/i;

/** Suffixes that still mean a final release (Java's 5.4.0.Final, 2.0.0.RELEASE, 1.0-GA) or build metadata. */
const FINAL_SUFFIX = /^(?:[-._]?(?:final|release|ga|stable|lts)|\+.*)$/i;

/**
 * Tag names repeat from one analysis to the next (a moved window, a refresh), and 12,000 tags take a
 * noticeable time to parse: results are kept, up to a bound, for the life of the process.
 */
const parsedNames = new Map<string, ParsedTag | null>();
const KEEP = 200_000;

export function parseTag(name: string): ParsedTag | null {
  const known = parsedNames.get(name);
  if (known !== undefined) return known;
  const parsed = parseUncached(name);
  if (parsedNames.size >= KEEP) parsedNames.clear();
  parsedNames.set(name, parsed);
  return parsed;
}

function parseUncached(name: string): ParsedTag | null {
  const match = TAG.exec(name);
  if (!match) return null;
  const [, prefix = '', v = '', core = '', suffix = ''] = match;
  const version = numbersOf(core);
  const separator = prefix.slice(-1);
  const named = prefix.length > 1 && '@/-_'.includes(separator) && !PROCESS_PREFIX.test(prefix);
  const pkg = named ? prefix.slice(0, -1) : null;
  const scheme = schemeOf(version, v);
  const prerelease = suffix === '' || FINAL_SUFFIX.test(suffix) ? null : suffix.replace(/^[-._~]/, '');
  return { name, package: pkg, family: `${prefix}${v}${shapeOf(version, scheme)}`, version, prerelease, scheme };
}

/** 2026.08.19 is a date; 2026.1 or 2026.8.1 CalVer; 26.2 stays a plain version (it cannot be told apart). */
function schemeOf(version: readonly number[], v: string): VersionScheme {
  const [year = 0, month = 0, day = 0] = version;
  if (v !== '' || year < 2000 || year > 2100) return 'semver';
  if (version.length === 3 && month >= 1 && month <= 12 && day >= 1 && day <= 31) return 'date';
  return 'calver';
}

/** "1.20.3" → [1, 20, 3]: the regular expression has checked it is 2 to 4 runs of at most 9 digits. */
function numbersOf(core: string): number[] {
  const numbers: number[] = [];
  let value = 0;
  for (let i = 0; i < core.length; i++) {
    const c = core.charCodeAt(i);
    if (c === 46) {
      numbers.push(value);
      value = 0;
    } else value = value * 10 + (c - 48);
  }
  numbers.push(value);
  return numbers;
}

/** The shapes by number count (2 to 4), written out once: every tag of 12,000 gets one. */
const SEMVER_SHAPES = ['', 'x', 'x.y', 'x.y.z', 'x.y.z.w'];
const CALVER_SHAPES = ['', 'YYYY', 'YYYY.x', 'YYYY.x.y', 'YYYY.x.y.z'];

function shapeOf(version: readonly number[], scheme: VersionScheme): string {
  if (scheme === 'date') return 'YYYY.MM.DD';
  return (scheme === 'calver' ? CALVER_SHAPES : SEMVER_SHAPES)[version.length] ?? '';
}

/** "@astrojs/node" → "@astrojs"; null for an unscoped package. */
export function scopeOf(pkg: string | null): string | null {
  return pkg?.startsWith('@') && pkg.includes('/') ? pkg.slice(0, pkg.indexOf('/')) : null;
}
