import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { OID, parseDer } from '@openseal/asn1';
import { OpenSealError, toHex } from '@openseal/kernel';
import { parsePublicKey, type PublicKeyInfo } from '../public-key.js';

/** A parsed SubjectPublicKeyInfo, with room for the platform's own key objects (KeyObject, CryptoKey). */
export interface CachedPublicKey {
  /** null when the SPKI cannot be read or its key type is not supported. */
  readonly info: PublicKeyInfo | null;
  /** RFC 4055 §1.2: an RSA key published as id-RSASSA-PSS is for PSS only. */
  readonly pssOnly: boolean;
  /** Platform key objects by usage, e.g. 'RSASSA-PKCS1-v1_5/SHA-256' → CryptoKey. */
  readonly platformKeys: Map<string, unknown>;
}

/**
 * Parsing an SPKI costs more than verifying an ECDSA signature, and documents are verified against
 * few keys: a small LRU of parsed keys per provider instance, keyed by the full DER.
 */
export class PublicKeyCache {
  readonly #capacity: number;
  readonly #entries = new Map<string, CachedPublicKey>();

  constructor(capacity = 64) {
    this.#capacity = capacity;
  }

  get(spki: Uint8Array): CachedPublicKey {
    const id = toHex(spki);
    const hit = this.#entries.get(id);
    if (hit) {
      this.#entries.delete(id);
      this.#entries.set(id, hit);
      return hit;
    }
    const entry = readKey(spki);
    this.#entries.set(id, entry);
    if (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value as string);
    return entry;
  }
}

// A key that cannot be read or is of an unknown type simply does not verify anything.
function readKey(spki: Uint8Array): CachedPublicKey {
  let info: PublicKeyInfo | null;
  try {
    info = parsePublicKey(spki);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    info = null;
  }
  const pssOnly = info?.keyType === 'RSA' && parseDer(spki, SubjectPublicKeyInfo).algorithm.algorithm === OID.rsassaPss;
  return { info, pssOnly, platformKeys: new Map() };
}
