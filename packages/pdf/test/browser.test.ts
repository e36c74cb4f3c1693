// @openseal/pdf must run where verification runs: in a browser.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '@openseal/kernel';
import { bundleForBrowser, CHROMIUM_PATH, runInChromium } from '../../../testing/browser/run-in-chromium.js';
import { sampleBytes } from './support/samples.js';

const entry = fileURLToPath(new URL('./browser/pdf-in-browser.ts', import.meta.url));

describe('@openseal/pdf in a browser', () => {
  it('bundles for the browser platform (no Node built-ins reachable)', async () => {
    const bundle = await bundleForBrowser(entry);
    expect(bundle.length).toBeGreaterThan(10_000);
  });

  it.skipIf(CHROMIUM_PATH === undefined)('reads, decrypts and appends to PDFs in Chromium', async () => {
    const fixtures = {
      aes256: toBase64(sampleBytes('pyHanko__minimal-aes256.pdf')),
      rc4: toBase64(sampleBytes('pyHanko__minimal-rc4.pdf')),
      signed: toBase64(sampleBytes('pyHanko__minimal-two-fields-signed-twice.pdf')),
      objstm: toBase64(sampleBytes('pyHanko__uncompressed-objstream-sample.pdf')),
    };
    const results = await runInChromium(await bundleForBrowser(entry), fixtures);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(3);
  });
});
