import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The layering of the three runtimes is enforced by ESLint's no-restricted-imports (eslint.config.mjs). These
 * specifications run the project's own config on small snippets, so the rule cannot silently vanish or loosen.
 * Type information is switched off: the import rules do not need it, and the snippets are not on disk.
 */
const eslint = new ESLint({
  cwd: path.resolve(__dirname, '../../..'),
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function importProblems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\n`, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layers may import only what their runtime has', () => {
  describe('src/core, bundled into the host, the webview and the CLI', () => {
    it('refuses Node built-ins, with or without the node: prefix', async () => {
      assert.match(
        (await importProblems('src/core/x.ts', "import { readFileSync } from 'node:fs';"))[0] ?? '',
        /no Node built-ins/,
      );
      assert.match(
        (await importProblems('src/core/x.ts', "import * as path from 'path';"))[0] ?? '',
        /no Node built-ins/,
      );
    });

    it('refuses vscode', async () => {
      assert.match(
        (await importProblems('src/core/scoring/x.ts', "import * as vscode from 'vscode';"))[0] ?? '',
        /pure/,
      );
    });

    it('refuses npm packages that are not known to be pure', async () => {
      const problems = await importProblems('src/core/x.ts', "import { simpleGit } from 'simple-git';");
      assert.match(problems[0] ?? '', /only its own modules and pure packages/);
    });

    it('refuses a relative import that climbs out of src/core', async () => {
      const problems = await importProblems('src/core/report/x.ts', "import { x } from '../../workspace/paths';");
      assert.match(problems[0] ?? '', /outside src\/core/);
    });

    it('accepts its own modules and the pure packages', async () => {
      const source =
        "import { z } from 'zod';\nimport { parse } from 'yaml';\nimport { plural } from '../text/words';\nexport { z, parse, plural };";
      assert.deepEqual(await importProblems('src/core/report/x.ts', source), []);
    });
  });

  describe('webview/, which runs in a browser and talks to the host only through the protocol', () => {
    it('refuses vscode and Node built-ins', async () => {
      assert.match(
        (await importProblems('webview/x.ts', "import * as vscode from 'vscode';"))[0] ?? '',
        /protocol messages/,
      );
      assert.match((await importProblems('webview/x.ts', "import { readFile } from 'node:fs';"))[0] ?? '', /browser/);
    });

    it('refuses host code outside src/core', async () => {
      const problems = await importProblems('webview/x.ts', "import { x } from '../src/store/fileIo';");
      assert.match(problems[0] ?? '', /only src\/core and its UI libraries/);
    });

    it('accepts core and its UI libraries', async () => {
      const source =
        "import { html } from 'lit';\nimport '@vscode-elements/elements/dist/vscode-button/index.js';\nimport { plural } from '../src/core/text/words';\nexport { html, plural };";
      assert.deepEqual(await importProblems('webview/x.ts', source), []);
    });
  });
  describe('src/host, the composition root', () => {
    it('is imported by no other part of the host', async () => {
      const problems = await importProblems('src/panel/x.ts', "import { panelBridge } from '../host/panelBridge';");
      assert.match(problems[0] ?? '', /composition root/);
      const nested = await importProblems(
        'src/cli/commands/x.ts',
        "import { createHost } from '../../host/createHost';",
      );
      assert.match(nested[0] ?? '', /composition root/);
    });

    it('is loaded by the activation stubs', async () => {
      const source = "import type { Host } from './host/createHost';\nexport type { Host };";
      assert.deepEqual(await importProblems('src/extension.ts', source), []);
    });
  });

  describe("src/contracts, the seams between the host's parts", () => {
    it('refuses implementations from other folders', async () => {
      const problems = await importProblems(
        'src/contracts/x.ts',
        "import { DocumentRegistry } from '../store/documentRegistry';",
      );
      assert.match(problems[0] ?? '', /only src\/core and vscode types/);
    });

    it('accepts core types and vscode types', async () => {
      const source =
        "import type * as vscode from 'vscode';\nimport type { Problem } from '../core/problems';\nexport type { vscode, Problem };";
      assert.deepEqual(await importProblems('src/contracts/x.ts', source), []);
    });
  });
});
