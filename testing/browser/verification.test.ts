// Runs the verification suite in Node (both providers) and, bundled, in headless Chromium.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BrowserCryptoProvider } from '@openseal/crypto/browser';
import { NodeCryptoProvider } from '@openseal/crypto/node';
import { bundleForBrowser, runInChromium } from './run-in-chromium.js';
import { makeVerificationFixtures } from './verification-fixtures.js';
import { describeVerificationSuite } from './verification-suite.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = await makeVerificationFixtures();

describeVerificationSuite('Node, NodeCryptoProvider', fixtures, () => new NodeCryptoProvider());
describeVerificationSuite('Node, BrowserCryptoProvider', fixtures, () => new BrowserCryptoProvider());

describe('in headless Chromium', () => {
  it('passes the crypto contract and the verification suite with the browser provider', async () => {
    const bundle = await bundleForBrowser(resolve(here, 'entry.ts'));
    expect(bundle).not.toMatch(/from\s*["']node:/);
    const results = await runInChromium(bundle, fixtures);
    const failed = results.filter((r) => !r.ok);
    expect(failed).toEqual([]);
    // the contract alone has dozens of cases; the suite five per chain
    expect(results.length).toBeGreaterThan(40 + 5 * fixtures.chains.length);
  }, 180_000);
});
