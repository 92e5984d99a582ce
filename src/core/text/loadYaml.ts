import * as z from 'zod/mini';
import { MAX_INPUT_CHARS, tooLarge } from '../problems';
import type { Problem } from '../problems';
import { fastYamlValue } from './fastYaml';
import { fastLocator } from './fastPositions';
import { documentAliasProblem, documentValue } from './documentAliases';
import { lineIndex } from './lineIndex';
import { parsePositioned } from './positions';
import type { PositionedDocument } from './positions';
import type { Locator } from './zodProblems';
import { unknownTagMessage, yamlProblem } from './yamlProblem';
import { zodProblems } from './zodProblems';

/**
 * Above this size a file the fast path stops in is refused at its first problem, without the
 * positioned parser's list of every problem: that list costs about 3 s for 1 MB (issue 10), and a
 * broken file's later "problems" are mostly echoes of the first. Below it, the list takes under 0.3 s.
 */
export const LARGE_YAML_CHARS = 100_000;

/** The first problem of a large file, saying that others may follow once it is fixed. */
export function firstOnly(message: string): string {
  return `${message} (the first problem found; this file is large, so it is not read past it: fix this and check again for others)`;
}

export type YamlLoad<T> =
  | {
      readonly ok: true;
      readonly value: T;
      /** Finds a path's line and column; built on first use, so a valid file never pays for it. */
      readonly positions: Locator;
      readonly warnings: readonly Problem[];
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Parses a YAML file and checks it against a zod schema. Never throws: the size limit, every syntax
 * error and every schema issue come back positioned, all at once. The positions are returned too, so
 * later checks (a cross-reference, a result of the git analysis) can point at the node they concern.
 *
 * A plain file that is valid takes a fast path (`fastYamlValue`, about twenty times quicker); anything
 * the fast path declines or the schema refuses is read again by the positioned parser, so every
 * problem comes from the same place, with the same message and position, as before. The exceptions
 * are refused by the fast path directly, with the message and position the positioned parser would
 * give: aliases that would expand past the bound or into themselves, an alias to no anchor, and a tag
 * outside the core schema. A large file (`LARGE_YAML_CHARS`) is refused without the positioned
 * parser too: at its first syntax error or repeated key, or at every schema issue, placed by js-yaml.
 */
export function loadYamlWith<S extends z.core.$ZodType>(
  schema: S,
  text: string,
  file: string | undefined,
  emptyMessage: string,
): YamlLoad<z.output<S>> {
  if (text.length > MAX_INPUT_CHARS) return { ok: false, problems: [tooLarge(file, text.length)] };
  const fast = fastYamlValue(text);
  if (fast && 'problem' in fast) {
    const { offset, message } = fast.problem;
    return { ok: false, problems: [{ severity: 'error', file, ...lineIndex(text).at(offset), message }] };
  }
  if (fast && 'firstError' in fast) {
    if (text.length > LARGE_YAML_CHARS) {
      const { offset, message } = fast.firstError;
      return {
        ok: false,
        problems: [{ severity: 'error', file, ...lineIndex(text).at(offset), message: firstOnly(message) }],
      };
    }
    return loadPositioned(schema, text, file, emptyMessage, undefined);
  }
  if (fast && fast.value !== null && fast.value !== undefined) {
    const parsed = z.safeParse(schema, fast.value);
    if (parsed.success) return { ok: true, value: parsed.data, positions: lazyLocator(text), warnings: [] };
    // A large file the schema refuses: every issue, placed by a quick second reading (fastPositions.ts).
    const located = text.length > LARGE_YAML_CHARS ? fastLocator(text, lazyLocator(text)) : undefined;
    if (located) return { ok: false, problems: zodProblems(parsed.error, file, located) };
  }
  return loadPositioned(schema, text, file, emptyMessage, fast);
}

/** The value, read by js-yaml, is the positioned parser's too (fastYaml.ts), so positions can wait. */
function lazyLocator(text: string): Locator {
  let positions: PositionedDocument | undefined;
  return {
    locate(path) {
      positions ??= parsePositioned(text);
      return positions.locate(path);
    },
  };
}

function loadPositioned<S extends z.core.$ZodType>(
  schema: S,
  text: string,
  file: string | undefined,
  emptyMessage: string,
  known: { value: unknown } | undefined,
): YamlLoad<z.output<S>> {
  let positions: PositionedDocument;
  try {
    positions = parsePositioned(text);
  } catch (error) {
    return { ok: false, problems: [unreadable(file, error)] };
  }
  const { document } = positions;
  const tags = document.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
  const syntax = [
    ...document.errors.map((e) => yamlProblem(positions, e, 'error', file)),
    ...tags.map((w) => ({ ...yamlProblem(positions, w, 'error', file), message: unknownTag(text, w.pos) })),
    ...positions.structure.map((p) => ({
      severity: 'error' as const,
      file,
      ...positions.at(p.offset),
      message: p.message,
    })),
  ];
  const warnings = document.warnings
    .filter((w) => !tags.includes(w))
    .map((w) => yamlProblem(positions, w, 'warning', file));
  if (syntax.length > 0) return { ok: false, problems: [...syntax, ...warnings] };
  const aliases = documentAliasProblem(document);
  if (aliases) {
    return {
      ok: false,
      problems: [{ severity: 'error', file, ...positions.at(aliases.offset), message: aliases.message }, ...warnings],
    };
  }

  let data: unknown;
  try {
    // The fast path's value, when it read the file, is this document's value (fastYaml.ts).
    data = known ? known.value : documentValue(document);
  } catch (error) {
    return { ok: false, problems: [unreadable(file, error)] };
  }
  if (data === null || data === undefined) {
    return { ok: false, problems: [{ severity: 'error', file, line: 1, column: 1, message: emptyMessage }] };
  }
  const parsed = z.safeParse(schema, data);
  if (!parsed.success) return { ok: false, problems: [...zodProblems(parsed.error, file, positions), ...warnings] };
  return { ok: true, value: parsed.data, positions, warnings };
}

/** The tag a "could not resolve" warning points at, as written. */
function unknownTag(text: string, [start, end]: readonly [number, number]): string {
  return unknownTagMessage(text.slice(start, end).split(/\s/)[0] ?? '');
}

function unreadable(file: string | undefined, error: unknown): Problem {
  return {
    severity: 'error',
    file,
    message: `could not read YAML: ${error instanceof Error ? error.message : String(error)}`,
  };
}
