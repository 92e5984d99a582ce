import { RE2JS } from 're2js';
import { plural } from '../vocabulary/format';

/** Release tags: `1.2.3` or `v1.2.3`. Pre-releases such as `v1.2.0-rc1` are not deployments. */
export const DEFAULT_TAG_PATTERN = String.raw`^v?\d+\.\d+\.\d+$`;

/**
 * A suggestion for teams that name their hotfixes: shown in messages, never applied by default. With no
 * hotfix pattern configured, only the cadence rule (see failures.ts) finds hotfixes, so a project that
 * ships a patch release every week is not charged a failure for each.
 */
export const EXAMPLE_HOTFIX_PATTERN = 'hotfix';
/** No hotfix pattern: the cadence rule alone decides. An empty pattern means the same everywhere. */
export const DEFAULT_HOTFIX_PATTERN = '';

/** How long after a deployment a revert or hotfix still counts as fixing it. */
export const DEFAULT_FAILURE_DAYS = 7;
export const DEFAULT_WINDOW_DAYS = 90;

/** What a user pattern is used for: a RegExp satisfies it, and so does a pattern run by the linear-time engine. */
export interface Matcher {
  readonly source: string;
  test(text: string): boolean;
}

export type CompiledPattern =
  | { readonly ok: true; readonly regex: Matcher; readonly notice: string | null }
  | { readonly ok: false; readonly message: string };

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
    const native = new RegExp(source, flags);
    if (!mayBacktrack(source)) return { ok: true, regex: native, notice: null };
    const linear = linearMatcher(source, flags);
    if (linear) {
      const notice = `${option} "${source}" repeats a group that itself repeats or has alternatives, which can make ordinary regular expressions take exponential time; it was matched with a linear-time engine instead.`;
      return { ok: true, regex: linear, notice };
    }
    return { ok: true, regex: new BudgetedMatcher(native, option), notice: null };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `${option} "${source}" is not a valid regular expression (${detail}); fix it or leave it out to use the default ${fallback}`,
    };
  }
}

/** Tests a user pattern against a name; resets `lastIndex` so a pattern compiled with "g" or "y" never skips a match. */
export function testPattern(regex: Matcher, text: string): boolean {
  if (regex instanceof RegExp) regex.lastIndex = 0;
  return regex.test(text);
}

/** How long a pattern the linear-time engine cannot run may spend, over all the names it is tested against. */
export const PATTERN_BUDGET_MS = 250;

/**
 * A pattern only JavaScript's backtracking engine can run (it uses lookaround or backreferences) and that
 * may backtrack catastrophically: it gets a time budget over all the names it is tested against. Once the
 * budget is spent it matches nothing more and says so, rather than hang the analysis.
 */
export class BudgetedMatcher implements Matcher {
  private spent = 0;
  private tested = 0;
  private stoppedAt: number | null = null;

  constructor(
    private readonly regex: RegExp,
    private readonly option: string,
    private readonly budgetMs = PATTERN_BUDGET_MS,
  ) {}

  get source(): string {
    return this.regex.source;
  }

  test(text: string): boolean {
    if (this.stoppedAt !== null) return false;
    const start = Date.now();
    this.regex.lastIndex = 0;
    const matched = this.regex.test(text);
    this.spent += Date.now() - start;
    this.tested++;
    if (this.spent >= this.budgetMs) this.stoppedAt = this.tested;
    return matched;
  }

  /** Null while the pattern kept within its budget; otherwise which pattern was too slow, and what to do. */
  get tooSlow(): string | null {
    if (this.stoppedAt === null) return null;
    return `${this.option} "${this.regex.source}" was too slow (it used its ${this.budgetMs} ms in ${plural(this.stoppedAt, 'name')}) and was stopped, so later names did not match it. Simplify it: avoid a repeated group that itself repeats, such as (a+)+.`;
  }
}

/** Which of these patterns ran out of time, in sentences for the result's warnings. */
export function slowPatternWarnings(patterns: ReadonlyArray<Matcher | undefined>): string[] {
  return patterns.flatMap((p) => (p instanceof BudgetedMatcher && p.tooSlow !== null ? [p.tooSlow] : []));
}

/** The pattern run by RE2's linear-time engine, or null when it uses syntax RE2 does not have. */
function linearMatcher(source: string, flags: string): Matcher | null {
  try {
    const compiled = RE2JS.compile(source, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
    return { source, test: (text) => compiled.matcher(text).find() };
  } catch {
    return null;
  }
}

/**
 * Whether a pattern has the shape that makes a backtracking engine take exponential time: a group that is
 * repeated (*, +, ?, {n,}) and holds a repetition or alternatives itself, as in (a+)+ or (a|ab)*; or a
 * backreference. A cheap scan of the source, erring towards "yes": such patterns only run on the slower
 * linear-time engine, while every other pattern keeps the native one.
 */
export function mayBacktrack(source: string): boolean {
  const groups: Array<{ repeats: boolean }> = [{ repeats: false }];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const top = groups[groups.length - 1]!;
    if (c === '\\') {
      if (/[1-9k]/.test(source[i + 1] ?? '')) return true;
      i++;
    } else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '(') {
      groups.push({ repeats: false });
      if (source[i + 1] === '?') i += source[i + 2] === '<' && /[=!]/.test(source[i + 3] ?? '') ? 3 : 2;
    } else if (c === ')') {
      const inner = groups.length > 1 ? groups.pop()! : top;
      const repeated = isQuantifier(source, i + 1);
      if (repeated && inner.repeats) return true;
      groups[groups.length - 1]!.repeats ||= repeated || inner.repeats;
    } else if (c === '|' || isQuantifier(source, i)) {
      top.repeats = true;
    }
  }
  return false;
}

function isQuantifier(source: string, at: number): boolean {
  const c = source[at];
  return c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+,\d*\}/.test(source.slice(at)));
}

/**
 * The release line of a version-like name: "1.4" for "v1.4.2". A hotfix fixes the latest earlier
 * deployment of its own line, so a 1.4.x patch shipped after 2.0.0 is matched to 1.4, not to 2.0.
 */
export function releaseLine(name: string): string | null {
  const match = /(\d+)\.(\d+)\.\d+/.exec(name);
  return match ? `${match[1]}.${match[2]}` : null;
}
