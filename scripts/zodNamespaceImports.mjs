// An esbuild plugin shared by the bundles that carry zod (the webview and the host).
import { readFile } from 'node:fs/promises';

/**
 * `import { z } from 'zod'` makes esbuild keep zod's whole namespace (every locale, JSON Schema conversion):
 * 450 KB in the webview. The namespace form `import * as z` is the same binding and lets it tree-shake to
 * what is used, so the bundles read core and webview sources with that form.
 */
export const zodNamespaceImports = {
  name: 'zod-namespace-imports',
  setup(build) {
    build.onLoad({ filter: /[\\/](src[\\/]core|webview)[\\/].*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      return { contents: source.replace(/import\s*\{\s*z\s*\}\s*from\s*'zod';/g, "import * as z from 'zod';"), loader: 'ts' };
    });
  },
};
