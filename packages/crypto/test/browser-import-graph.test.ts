import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('@openseal/crypto/browser import graph', () => {
  it('bundles for the browser without any node:* module', async () => {
    const result = await build({
      entryPoints: [`${root}packages/crypto/src/browser/index.ts`],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      metafile: true,
      logLevel: 'silent',
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true } },
      alias: {
        '@openseal/kernel': `${root}packages/kernel/src/index.ts`,
        '@openseal/asn1': `${root}packages/asn1/src/index.ts`,
      },
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => f.includes('packages/crypto/src/browser/browser-crypto-provider.ts'))).toBe(true);
    expect(inputs.filter((f) => f.startsWith('node:') || f.includes('/src/node/'))).toEqual([]);
    const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
    expect(imports.filter((p) => p.startsWith('node:'))).toEqual([]);
  });
});
