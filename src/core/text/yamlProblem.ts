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
