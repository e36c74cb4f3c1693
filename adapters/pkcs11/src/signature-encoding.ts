import { checkDer, readDerHeader } from '@openseal/asn1';
import { signatureRawToDer, type DigestAlgorithm } from '@openseal/crypto';
import { concatBytes, fromHex } from '@openseal/kernel';
import { Pkcs11Error } from './errors.js';

/**
 * CKM_ECDSA and vendor SM2 mechanisms return r‖s, each as long as the group order (PKCS#11 v2.40
 * Current Mechanisms §2.3.1); OpenSeal's signatures are DER ECDSA-Sig-Value (RFC 5480, GB/T 35276).
 */
export function rawSignatureToDer(raw: Uint8Array, expectedLength: number): Uint8Array {
  if (raw.length !== expectedLength) {
    throw new Pkcs11Error('PKCS11_DEVICE_ERROR', { length: raw.length, expectedLength }, { reason: 'the token returned an r‖s signature of the wrong length' });
  }
  return signatureRawToDer(raw);
}

/** Accepts a token's DER SEQUENCE{INTEGER r, INTEGER s} as is, after checking its shape. */
export function checkDerSignature(der: Uint8Array): Uint8Array {
  try {
    checkDer(der, { maxBytes: 1024, maxDepth: 2, maxNodes: 3 });
    const seq = readDerHeader(der, 0);
    const rAt = seq.headerLength;
    const r = readDerHeader(der, rAt);
    const sAt = rAt + r.headerLength + r.length;
    const s = readDerHeader(der, sAt);
    if (seq.tag !== 0x30 || r.tag !== 0x02 || s.tag !== 0x02 || sAt + s.headerLength + s.length !== der.length) {
      throw new Error('not SEQUENCE { INTEGER, INTEGER }');
    }
  } catch (e) {
    throw new Pkcs11Error('PKCS11_DEVICE_ERROR', { length: der.length }, { reason: 'the token returned a malformed DER signature', cause: e });
  }
  return der;
}

// RFC 8017 §9.2 note 1: DER of DigestInfo up to the digest value, per hash.
const DIGEST_INFO_PREFIX: Readonly<Partial<Record<DigestAlgorithm, Uint8Array>>> = {
  'SHA-256': fromHex('3031300d060960864801650304020105000420'),
  'SHA-384': fromHex('3041300d060960864801650304020205000430'),
  'SHA-512': fromHex('3051300d060960864801650304020305000440'),
};

/** DigestInfo for CKM_RSA_PKCS, which pads but does not hash (EMSA-PKCS1-v1_5 step 2). */
export function digestInfo(hash: DigestAlgorithm, digest: Uint8Array): Uint8Array {
  const prefix = DIGEST_INFO_PREFIX[hash];
  if (!prefix) throw new Pkcs11Error('PKCS11_MECHANISM_UNSUPPORTED', { hash }, { reason: `no DigestInfo for ${hash}` });
  return concatBytes(prefix, digest);
}
