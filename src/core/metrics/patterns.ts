/** Release tags: `1.2.3` or `v1.2.3`. Pre-releases such as `v1.2.0-rc1` are not deployments. */
export const DEFAULT_TAG_PATTERN = String.raw`^v?\d+\.\d+\.\d+$`;

/**
 * What marks a deployment as an unplanned fix: a patch release (last number above zero) or "hotfix" in
 * the tag name, or in the merge subject when deployments are merges. Matched case-insensitively.
 */
export const DEFAULT_HOTFIX_PATTERN = String.raw`^v?\d+\.\d+\.[1-9]\d*$|hotfix`;

/** How long after a deployment a revert or hotfix still counts as fixing it. */
export const DEFAULT_FAILURE_DAYS = 7;
export const DEFAULT_WINDOW_DAYS = 90;

export type CompiledPattern =
  { readonly ok: true; readonly regex: RegExp } | { readonly ok: false; readonly message: string };

/** Compiles a user-supplied pattern, turning a syntax error into a sentence that names the option. */
export function compilePattern(
  source: string,
  option: string,
  flags = '',
  fallback = DEFAULT_TAG_PATTERN,
): CompiledPattern {
  if (source.length === 0)
    return { ok: false, message: `${option} is empty; give a regular expression such as ${fallback}` };
  try {
    return { ok: true, regex: new RegExp(source, flags) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `${option} "${source}" is not a valid regular expression (${detail}); fix it or leave it out to use the default ${fallback}`,
    };
  }
}

/** Tests a user pattern against a name; resets `lastIndex` so a pattern compiled with "g" or "y" never skips a match. */
export function testPattern(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  return regex.test(text);
}

/**
 * The release line of a version-like name: "1.4" for "v1.4.2". A hotfix fixes the latest earlier
 * deployment of its own line, so a 1.4.x patch shipped after 2.0.0 is matched to 1.4, not to 2.0.
 */
export function releaseLine(name: string): string | null {
  const match = /(\d+)\.(\d+)\.\d+/.exec(name);
  return match ? `${match[1]}.${match[2]}` : null;
}
