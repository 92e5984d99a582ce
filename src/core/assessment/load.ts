import { assessmentSchema } from './schema';
import type { Assessment } from './schema';
import { MAX_INPUT_CHARS, tooLarge } from '../problems';
import type { LoadResult, Problem } from '../problems';
import { parsePositioned } from '../text/positions';
import type { PositionedDocument } from '../text/positions';
import { yamlProblem } from '../text/yamlProblem';
import { jsonErrorOffset } from '../text/jsonErrorOffset';
import { zodProblems } from '../text/zodProblems';

/**
 * Parses and checks an assessment JSON file. Never throws. Syntax errors and schema violations come
 * back with line and column, so the panel and the CLI can point at the exact spot of a bad hand edit.
 */
export function loadAssessment(text: string, file?: string): LoadResult<Assessment> {
  if (text.length > MAX_INPUT_CHARS) return { ok: false, problems: [tooLarge(file, text.length)] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(text, error, file)] };
  }
  const positions = safePositions(text);
  const warnings = duplicateKeyWarnings(positions, file);
  const unsafe = protoAnswer(data, file, positions);
  if (unsafe) return { ok: false, problems: [unsafe] };
  const parsed = assessmentSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: [...zodProblems(parsed.error, file, positions), ...warnings] };
  return { ok: true, value: parsed.data, warnings };
}

/**
 * zod (rightly) skips a "__proto__" key, which would silently drop that answer on the next save.
 * No question id can have that shape, so the file is refused with a pointer instead.
 */
function protoAnswer(
  data: unknown,
  file: string | undefined,
  positions: PositionedDocument | undefined,
): Problem | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const answers = (data as { answers?: unknown }).answers;
  if (typeof answers !== 'object' || answers === null || !Object.prototype.hasOwnProperty.call(answers, '__proto__'))
    return undefined;
  const position = positions?.locate(['answers', '__proto__']);
  return {
    severity: 'error',
    file,
    line: position?.line,
    column: position?.column,
    path: 'answers.__proto__',
    message: '"__proto__" cannot be a question id; rename or remove this answer',
  };
}

function syntaxProblem(text: string, error: unknown, file: string | undefined): Problem {
  const found = jsonErrorOffset(text);
  if (found) {
    const near = text.slice(found.offset, found.offset + 12).split('\n')[0];
    const what = found.offset >= text.length ? 'the file ends too early' : `found ${JSON.stringify(near)}`;
    return {
      severity: 'error',
      file,
      ...lineColumn(text, found.offset),
      message: `not valid JSON: expected ${found.expected}, ${what}`,
    };
  }
  // The scanner and the engine disagree (should not happen); keep the engine's own words.
  const raw = error instanceof Error ? error.message : String(error);
  return { severity: 'error', file, message: `not valid JSON: ${raw}` };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

/** Positions are a convenience: JSON that YAML reads differently still loads, just without line numbers. */
function safePositions(text: string): PositionedDocument | undefined {
  try {
    return parsePositioned(text);
  } catch {
    return undefined;
  }
}

/** JSON.parse silently keeps the last of two equal keys; a hand edit that duplicates an answer deserves a word. */
function duplicateKeyWarnings(positions: PositionedDocument | undefined, file: string | undefined): Problem[] {
  if (!positions) return [];
  return positions.document.errors
    .filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => ({
      ...yamlProblem(positions, e, 'warning', file),
      message: 'a key appears twice in one object; only the last one counts',
    }));
}
