import * as z from 'zod';
import { ASSESSMENT_SCHEMA_URL, assessmentSchema } from './assessment/schema';
import { CONFIG_SCHEMA_URL, teamConfigSchema } from './config/schema';
import { frameworkSchema } from './framework/schema';

/**
 * JSON Schemas for editors, generated from the zod schemas so the two can never drift. `io: 'input'`
 * describes what a person may write (fields with defaults are optional), not what the loader returns.
 */
export function assessmentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(assessmentSchema, { io: 'input', target: 'draft-7' }),
    $id: ASSESSMENT_SCHEMA_URL,
    title: 'DORA Assessment file',
    description:
      'Answers to one framework assessment, written by the DORA Assessment extension and meant to be committed.',
  };
}

export function frameworkJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(frameworkSchema, { io: 'input', target: 'draft-7' }),
    $id: ASSESSMENT_SCHEMA_URL.replace('assessment.schema.json', 'framework.schema.json'),
    title: 'DORA Assessment framework',
    description:
      'A questionnaire framework: weighted domains of questions scored 0 to 5, with guidance for every score.',
  };
}

export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(teamConfigSchema, { io: 'input', target: 'draft-7' }),
    $id: CONFIG_SCHEMA_URL,
    title: 'DORA Assessment team configuration',
    description:
      'How git delivery metrics are measured for this repository (.dora/config.yaml). Read by the extension and the dora-assess CLI alike.',
  };
}

export const SCHEMA_FILES = {
  'schemas/assessment.schema.json': assessmentJsonSchema,
  'schemas/framework.schema.json': frameworkJsonSchema,
  'schemas/config.schema.json': configJsonSchema,
} as const;

export function schemaText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
