// Browser entry: runs the crypto provider contract and the verification suite in Chromium with the
// BrowserCryptoProvider (WebCrypto + JS SM2/SM3), reporting results on window.__RESULTS__.
import { BrowserCryptoProvider } from '@openseal/crypto/browser';
import { describeCryptoProviderContract } from '../../packages/crypto/test/provider-contract.js';
import { runAll } from './mini-vitest.js';
import { describeVerificationSuite } from './verification-suite.js';
import type { VerificationFixtures } from './verification-fixtures.js';

const w = window as unknown as { __FIXTURES__: VerificationFixtures; __RESULTS__?: unknown; __ERROR__?: string };
try {
  describeCryptoProviderContract('BrowserCryptoProvider in Chromium', () => new BrowserCryptoProvider());
  describeVerificationSuite('Chromium', w.__FIXTURES__, () => new BrowserCryptoProvider());
  w.__RESULTS__ = await runAll();
} catch (e) {
  w.__ERROR__ = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
