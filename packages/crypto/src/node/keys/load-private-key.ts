import { certificateMatchesKey } from '../../keys/certificate-matches-key.js';
import { readKeyMaterial, type KeySource } from '../../keys/key-source.js';
import { parseKeySource } from '../../keys/parse-private-key.js';
import type { PrivateKey } from '../../keys/private-key.js';
import { decryptPrivateKey } from './encrypted-private-key.js';
import { decryptLegacyPem } from './legacy-pem.js';
import type { KdfLimits } from './pbes2.js';
import { readPkcs12 } from './pkcs12-read.js';

export interface LoadPrivateKeyOptions {
  /** For encrypted PKCS#8, legacy encrypted PEM and PKCS#12. Ignored for unencrypted keys. */
  passphrase?: string;
  limits?: KdfLimits;
}

/** A key with the certificates stored beside it (PKCS#12 bags or PEM `CERTIFICATE` blocks). */
export interface KeyAndCertificates {
  readonly key: PrivateKey;
  /** DER; the certificate of `key` first when present, then the others in file order. */
  readonly certificates: Uint8Array[];
  readonly friendlyName?: string;
}

/**
 * Loads a private key from any usual file: PEM or DER; PKCS#8 (plain or PBES2-encrypted), SEC 1
 * (`EC PRIVATE KEY`, `SM2 PRIVATE KEY`), PKCS#1, OpenSSL legacy encrypted PEM, or PKCS#12.
 * Wrong or missing passphrase → KEY_PASSPHRASE_INVALID; unreadable input → KEY_FORMAT_INVALID / ASN1_*.
 */
export function loadPrivateKey(input: Uint8Array | string, options: LoadPrivateKeyOptions = {}): PrivateKey {
  const { key } = readKeyMaterial(input);
  if (key.container === 'pkcs12') return readPkcs12(key.der, { ...pkcs12Options(options), keyOnly: true }).key;
  return loadKeySource(key, options);
}

/** Like loadPrivateKey, and also returns the certificates bundled with the key (for the CLI). */
export function loadKeyAndCertificates(input: Uint8Array | string, options: LoadPrivateKeyOptions = {}): KeyAndCertificates {
  const material = readKeyMaterial(input);
  if (material.key.container === 'pkcs12') return readPkcs12(material.key.der, pkcs12Options(options));
  const key = loadKeySource(material.key, options);
  return { key, certificates: keyCertificateFirst(key, material.certificates) };
}

function loadKeySource(source: KeySource, options: LoadPrivateKeyOptions): PrivateKey {
  if (source.pemEncryption) {
    const der = decryptLegacyPem(source.der, source.pemEncryption.dekInfo, options.passphrase);
    return parseKeySource({ container: source.container, der });
  }
  if (source.container === 'encrypted-pkcs8') return decryptPrivateKey(source.der, options.passphrase, options.limits);
  return parseKeySource(source);
}

function pkcs12Options(options: LoadPrivateKeyOptions): { passphrase?: string; limits?: KdfLimits } {
  return {
    ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  };
}

function keyCertificateFirst(key: PrivateKey, certificates: Uint8Array[]): Uint8Array[] {
  const leaf = certificates.find((c) => certificateMatchesKey(c, key.publicKey));
  return leaf ? [leaf, ...certificates.filter((c) => c !== leaf)] : certificates;
}
