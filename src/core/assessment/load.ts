import { QUICK_CHECK_FRAMEWORK_ID, quickCheckSchema } from '../quickcheck/schema';
import { assessmentSchema } from './schema';
import type { Assessment } from './schema';
import { MAX_INPUT_CHARS, tooLarge } from '../problems';
import type { LoadResult, Problem } from '../problems';
import { parseJsonDocument } from '../text/jsonDocument';
import type { JsonDocument } from '../text/jsonDocument';
import { zodProblems } from '../text/zodProblems';

/**
 * Parses and checks an assessment JSON file in linear time. Never throws. Syntax errors, nesting deeper
 * than any assessment needs and schema violations come back with line and column, so the panel and the
 * CLI can point at the exact spot of a bad hand edit.
 */
export function loadAssessment(text: string, file?: string): LoadResult<Assessment> {
  if (text.length > MAX_INPUT_CHARS) return { ok: false, problems: [tooLarge(file, text.length)] };
  const parsed = parseJsonDocument(text);
  if (!parsed.ok)
    return {
      ok: false,
      problems: [{ severity: 'error', file, ...parsed.lines.at(parsed.offset), message: parsed.message }],
    };
  const { document } = parsed;
  const warnings = duplicateKeyWarnings(document, file);
  const unsafe = protoAnswer(document, file);
  if (unsafe) return { ok: false, problems: [unsafe] };
  // A Quick Check answers with bands and percentages; its own schema says where one is out of range.
  const schema = isQuickCheckData(document.value) ? quickCheckSchema : assessmentSchema;
  const checked = schema.safeParse(document.value);
  if (!checked.success) return { ok: false, problems: [...zodProblems(checked.error, file, document), ...warnings] };
  return { ok: true, value: checked.data, warnings };
}

/**
 * An answer keyed "__proto__" would become the prototype of the answers object in any code that copies
 * it, and no question id can have that shape, so the file is refused with a pointer instead. (A
 * hand-added "__proto__" anywhere else is kept: saves edit the text, they do not rebuild it.)
 */
function isQuickCheckData(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const framework: unknown = (value as Record<string, unknown>)['framework'];
  return (
    typeof framework === 'object' &&
    framework !== null &&
    (framework as Record<string, unknown>)['id'] === QUICK_CHECK_FRAMEWORK_ID
  );
}

function protoAnswer(document: JsonDocument, file: string | undefined): Problem | undefined {
  const data = document.value;
  if (typeof data !== 'object' || data === null) return undefined;
  const answers = (data as { answers?: unknown }).answers;
  if (typeof answers !== 'object' || answers === null || !Object.prototype.hasOwnProperty.call(answers, '__proto__'))
    return undefined;
  return {
    severity: 'error',
    file,
    ...document.locate(['answers', '__proto__']),
    path: 'answers.__proto__',
    message: '"__proto__" cannot be a question id; rename or remove this answer',
  };
}

/** JSON.parse silently keeps the last of two equal keys; a hand edit that duplicates an answer deserves a word. */
function duplicateKeyWarnings(document: JsonDocument, file: string | undefined): Problem[] {
  return document.duplicates.map(({ key, offset }) => ({
    severity: 'warning',
    file,
    ...document.lines.at(offset),
    message: `the key ${JSON.stringify(key)} appears twice in one object; only the last one counts`,
  }));
}
