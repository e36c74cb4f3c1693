import { encodePem } from './pem.js';
import { exportPrivateKeyPkcs8 } from './pkcs8.js';
import type { PrivateKey } from './private-key.js';

/** DER SubjectPublicKeyInfo of a private key's public half. */
export function exportPublicKeySpki(key: PrivateKey): Uint8Array {
  return key.publicKey.slice();
}

/** Unencrypted PKCS#8 as PEM (`PRIVATE KEY`). Store such files only where the disk itself is protected. */
export function privateKeyToPem(key: PrivateKey): string {
  return encodePem('PRIVATE KEY', exportPrivateKeyPkcs8(key));
}

/** SubjectPublicKeyInfo as PEM (`PUBLIC KEY`, RFC 7468 §13). */
export function publicKeyToPem(spki: Uint8Array): string {
  return encodePem('PUBLIC KEY', spki);
}
