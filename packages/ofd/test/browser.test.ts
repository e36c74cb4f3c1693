import { toBase64 } from '@openseal/kernel';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleForBrowser, CHROMIUM_PATH, runInChromium } from '../../../testing/browser/run-in-chromium.js';
import { ofdSample } from './support/samples.js';

const entry = fileURLToPath(new URL('./browser/ofd-in-browser.ts', import.meta.url));

describe('@openseal/ofd in a browser', () => {
  it('bundles for the browser platform (no Node built-ins reachable)', async () => {
    const bundle = await bundleForBrowser(entry);
    expect(bundle.length).toBeGreaterThan(10_000);
  });

  it.skipIf(CHROMIUM_PATH === undefined)('builds, reads and updates OFD packages in Chromium', async () => {
    const results = await runInChromium(await bundleForBrowser(entry), { helloworld: toBase64(ofdSample('ofdrw-sign__helloworld.ofd')) });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(2);
  });
});
