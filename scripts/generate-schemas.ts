// Writes the editor JSON Schemas from the zod schemas. A unit test fails when they are stale.
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILES, schemaText } from '../src/core/jsonSchemas';

for (const [file, build] of Object.entries(SCHEMA_FILES)) {
  writeFileSync(file, schemaText(build()));
  console.log(`wrote ${file}`);
}
