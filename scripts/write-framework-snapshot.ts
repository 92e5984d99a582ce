// Run by esbuild.mjs after the CLI is built: writes the loaded bundled frameworks beside their YAML
// (src/frameworks/snapshot.ts), so the CLI starts without parsing them. Usage: <script> <frameworks dir>.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isFrameworkFile } from '../src/workspace/assessmentFiles';
import { SNAPSHOT_FILE, snapshotText } from '../src/frameworks/snapshot';

const dir = process.argv[process.argv.length - 1] ?? '';
const files = readdirSync(dir)
  .filter(isFrameworkFile)
  .map((name) => ({ file: path.join(dir, name), text: readFileSync(path.join(dir, name), 'utf8') }));
writeFileSync(path.join(dir, SNAPSHOT_FILE), snapshotText(files));
