// `npm run bench [-- options]`: runs every bench/*.bench.{ts,mjs} in name order, each printing its own figures.
// A section is a module exporting `title` (string) and `run(args: string[]): Promise<void>`. Add one by adding
// a file; nothing here needs to change. Runs under `node --import tsx`, so sections may be TypeScript.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';

const dir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const files = readdirSync(dir)
  .filter((name) => /\.bench\.(ts|mjs)$/.test(name))
  .filter((name) => !only || name.includes(only))
  .sort();

if (files.length === 0) {
  console.error(only ? `No benchmark matches --only=${only}.` : 'No benchmarks found in bench/.');
  process.exitCode = 1;
}
for (const file of files) {
  const section = await import(pathToFileURL(path.join(dir, file)).href);
  console.log(`\n== ${section.title ?? file} ==`);
  await section.run(args);
}
