import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const CORE = path.resolve(__dirname, '../../../src/core');
const FORBIDDEN = new Set(['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier in a file: static imports, re-exports, dynamic imports and require calls. */
export function importsOf(source: string): string[] {
  const pattern =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...source.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('src/core stays pure (it is bundled into the webview and the CLI)', () => {
  it('finds the imports the scan relies on', () => {
    const sample = `import * as fs from 'node:fs';\nimport type { X } from "vscode";\nexport { y } from './y';\nconst p = require('path');\nawait import('child_process');`;
    assert.deepEqual(importsOf(sample), ['node:fs', 'vscode', './y', 'path', 'child_process']);
  });

  it('imports neither vscode nor any Node built-in', () => {
    const files = tsFiles(CORE);
    assert.ok(files.length > 5, 'expected to scan the core sources');
    const leaks = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((specifier) => FORBIDDEN.has(specifier) || FORBIDDEN.has(specifier.split('/')[0] ?? ''))
        .map((specifier) => `${path.relative(CORE, file)} imports ${specifier}`),
    );
    assert.deepEqual(leaks, []);
  });

  it('imports nothing from outside src/core but npm packages', () => {
    const escapes = tsFiles(CORE).flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((s) => s.startsWith('.') && !path.resolve(path.dirname(file), s).startsWith(CORE))
        .map((s) => `${path.relative(CORE, file)} imports ${s}`),
    );
    assert.deepEqual(escapes, []);
  });
});
