import { BrowserCryptoProvider } from '../src/browser/index.js';
import { NodeCryptoProvider } from '../src/node/index.js';
import { describeCryptoProviderContract } from './provider-contract.js';

describeCryptoProviderContract('NodeCryptoProvider', () => new NodeCryptoProvider());
// Node 20 has WebCrypto as globalThis.crypto.subtle, so the browser provider runs here unchanged.
describeCryptoProviderContract('BrowserCryptoProvider', () => new BrowserCryptoProvider());
