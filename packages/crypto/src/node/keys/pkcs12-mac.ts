import { createHmac, timingSafeEqual } from 'node:crypto';
import { MacData } from '@peculiar/asn1-pfx';
import { DigestInfo } from '@peculiar/asn1-rsa';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { OctetString } from '@peculiar/asn1-schema';
import { OID } from '@openseal/asn1';
import { CryptoUnsupportedError, KeyFormatError } from '../../errors.js';
import { checkIterations, type KdfLimits } from './pbes2.js';
import { PKCS12_KDF_MAC, pkcs12Kdf, pkcs12Password } from './pkcs12-kdf.js';

const MAC_HASHES: Readonly<Record<string, { node: string; length: number }>> = {
  [OID.sha1]: { node: 'sha1', length: 20 },
  [OID.sha256]: { node: 'sha256', length: 32 },
  [OID.sha384]: { node: 'sha384', length: 48 },
  [OID.sha512]: { node: 'sha512', length: 64 },
  [OID.sm3]: { node: 'sm3', length: 32 },
};

/** RFC 7292 §5.1 step 3: HMAC over the AuthenticatedSafe octets with a key from the PKCS#12 KDF (ID 3). */
export function computePkcs12Mac(hashOid: string, password: Uint8Array, salt: Uint8Array, iterations: number, data: Uint8Array): Uint8Array {
  const h = MAC_HASHES[hashOid];
  if (!h) throw new CryptoUnsupportedError(`PKCS#12 MAC digest ${hashOid}`);
  const key = pkcs12Kdf(h.node, password, salt, PKCS12_KDF_MAC, iterations, h.length);
  return new Uint8Array(createHmac(h.node, key).update(data).digest());
}

/**
 * Checks a PFX MacData. An empty passphrase is tried both as the BMPString "" (two zero octets)
 * and as no password at all, because writers differ (OpenSSL tries both too).
 */
export function verifyPkcs12Mac(mac: MacData, data: Uint8Array, passphrase: string, limits: KdfLimits): boolean {
  const iterations = macIterations(mac.iterations);
  checkIterations(iterations, limits);
  const expected = new Uint8Array(mac.mac.digest.buffer);
  const salt = new Uint8Array(mac.macSalt.buffer);
  const candidates = passphrase === '' ? [pkcs12Password(''), new Uint8Array(0)] : [pkcs12Password(passphrase)];
  for (const password of candidates) {
    const actual = computePkcs12Mac(mac.mac.digestAlgorithm.algorithm, password, salt, iterations, data);
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return true;
  }
  return false;
}

/** Builds MacData for writing (SHA-256 as OpenSSL 3 does by default). */
export function createPkcs12Mac(data: Uint8Array, passphrase: string, salt: Uint8Array, iterations: number): MacData {
  const digest = computePkcs12Mac(OID.sha256, pkcs12Password(passphrase), salt, iterations, data);
  return new MacData({
    mac: new DigestInfo({ digestAlgorithm: new AlgorithmIdentifier({ algorithm: OID.sha256, parameters: null }), digest: new OctetString(digest) }),
    macSalt: new OctetString(salt),
    iterations,
  });
}

// asn1-pfx reads `iterations` as a number for short values and as a decimal string for long ones.
function macIterations(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new KeyFormatError('PKCS#12 MAC iteration count is not a positive integer');
  return n;
}
