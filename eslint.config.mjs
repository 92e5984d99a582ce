// Lint: typescript-eslint's strictest type-aware rules, plus the layering of the three runtimes.
// src/core is bundled into the host, the webview and the CLI, so it may import only pure packages;
// the webview may import only core and its UI libraries. Formatting is Prettier's job, not ESLint's.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
/** Packages that run unchanged in a browser and in Node, without I/O. */
const purePackages = ['zod', 'zod/*', 'yaml', 'js-yaml', 'jsonc-parser', 're2js'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.mjs', '**/*.cjs', '**/*.js', '**/*.d.mts'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
      // A leading underscore marks a parameter a signature needs but the body does not (e.g. lit's `render`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // VS Code's Disposable is structural by design: `{ dispose }` literals are how the API is meant to be used.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  // A relative import may not climb out of src/core: one block per depth, since a glob cannot count.
  ...[1, 2, 3, 4].map((depth) => ({
    files: [`src/core/${'*/'.repeat(depth - 1)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is pure: the host passes in what it needs.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core runs in the webview too: no Node built-ins.' })),
          ],
          patterns: [
            {
              regex: '^(?!\\.|zod(/|$)|yaml$|js-yaml$|jsonc-parser$|re2js$)',
              message: `src/core may import only its own modules and pure packages (${purePackages.join(', ')}).`,
            },
            { regex: `^(\\.\\./){${depth},}`, message: 'src/core may not import from outside src/core.' },
          ],
        },
      ],
    },
  })),
  {
    // src/host is the composition root: it builds and wires the parts, and only the activation stubs load it
    // (lazily, as dist/host.js). Anything another part needs belongs in a folder named for what it does.
    files: ['src/**/*.ts'],
    ignores: ['src/core/**', 'src/host/**', 'src/contracts/**', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\./|(\\.\\./)+)host(/|$)',
              message:
                'src/host is the composition root: move what other parts share out of it (src/contracts for seams).',
            },
          ],
        },
      ],
    },
  },
  {
    // The seams between the host's parts: types and ids only, so every part can import them without pulling in another.
    files: ['src/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!core/)',
              message: 'src/contracts holds the seams between the parts: it may import only src/core and vscode types.',
            },
          ],
        },
      ],
    },
  },
  {
    // The metric math and the git log reader walk typed arrays and byte buffers by index in hot loops,
    // where every index is in range by construction.
    files: ['src/core/metrics/**/*.ts', 'src/core/explain/**/*.ts', 'src/git/logStream.ts', 'src/git/readHistory.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['webview/**/*.ts'],
    // The webview has its own tsconfig (DOM, no Node types), which the project service would not find from here.
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './tsconfig.webview.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The webview talks to the host only through protocol messages.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The webview runs in a browser.' })),
          ],
          patterns: [
            {
              regex: '^(?!\\.|\\.\\./src/core/|lit($|/)|@vscode-elements/|zod(/|$))',
              message: 'The webview may import only src/core and its UI libraries (lit, @vscode-elements, zod).',
            },
            {
              regex: '^(\\.\\./)+src/(?!core/)',
              message: 'The webview may import only src/core and its UI libraries (lit, @vscode-elements, zod).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
);
