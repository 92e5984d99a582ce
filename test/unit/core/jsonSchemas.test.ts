import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SCHEMA_FILES, schemaText } from '../../../src/core/jsonSchemas';

const ROOT = path.resolve(__dirname, '../../..');

describe('generated JSON Schemas', () => {
  for (const [file, build] of Object.entries(SCHEMA_FILES)) {
    it(`${file} matches the zod schema (run "npm run schemas" after changing it)`, () => {
      assert.equal(readFileSync(path.join(ROOT, file), 'utf8'), schemaText(build()));
    });
  }

  it('describes the assessment file shape editors validate', () => {
    const schema = SCHEMA_FILES['schemas/assessment.schema.json']() as {
      required: string[];
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    assert.deepEqual([...schema.required].sort(), [
      'answers',
      'createdAt',
      'framework',
      'title',
      'updatedAt',
      'version',
    ]);
    assert.ok(schema.properties['answers']);
  });

  it('marks fields with defaults as optional for authors of frameworks', () => {
    const schema = SCHEMA_FILES['schemas/framework.schema.json']() as { required: string[] };
    assert.ok(!schema.required.includes('risks'));
    assert.ok(schema.required.includes('domains'));
  });
});
