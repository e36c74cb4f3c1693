import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Tests run against the TypeScript sources of the workspace packages, never against stale dist/.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@openseal\/crypto\/(node|browser)$/, replacement: `${root}packages/crypto/src/$1/index.ts` },
      { find: /^@openseal\/(kernel|asn1|crypto|pki|pdf|ofd|fonts|images|pades|ofd-render|ses|ofd-seal|layout|geometry)$/, replacement: `${root}packages/$1/src/index.ts` },
      { find: /^@openseal\/(pkcs11|raster|libreoffice)$/, replacement: `${root}adapters/$1/src/index.ts` },
      { find: /^@openseal\/http-transport$/, replacement: `${root}adapters/http/src/index.ts` },
      { find: /^@openseal\/(cli)$/, replacement: `${root}apps/$1/src/index.ts` },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'adapters/*/src/**/*.test.ts', 'adapters/*/test/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'testing/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
