import type { YAMLError } from 'yaml';
import type { Problem } from '../problems';
import type { PositionedDocument } from './positions';

/** A YAML parser error or warning as a positioned problem; the offset is mapped through our own line counter. */
export function yamlProblem(
  positions: PositionedDocument,
  error: YAMLError,
  severity: Problem['severity'],
  file: string | undefined,
): Problem {
  const { line, column } = positions.at(error.pos[0]);
  return { severity, file, line, column, message: error.message.split('\n')[0] ?? error.message };
}

/**
 * A tag outside the YAML core schema (`!foo`, `!!js/function`, `!!timestamp`) is refused, never read
 * as a plain string: whoever wrote it expected something else of it. Both YAML paths say the same.
 */
export function unknownTagMessage(tag: string): string {
  return `unknown tag ${tag}; this file takes plain YAML values (text, numbers, true or false, lists and mappings) only, so remove the tag`;
}
