import { constants, createPublicKey, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { bigIntToBytes, toBase64 } from '@openseal/kernel';
import type { DigestAlgorithm, SignatureAlgorithm } from '../algorithms.js';
import { signatureScalarsToRaw } from '../ecdsa/signature-encoding.js';
import { ecdsaCurve } from '../ecdsa/nist-curves.js';
import { CryptoUnsupportedError } from '../errors.js';
import type { Hasher } from '../hasher.js';
import type { CryptoProvider } from '../provider.js';
import { rsaPkcs1v15VerifyDigest, type RsaPublicNumbers } from '../rsa/rsa-verify.js';
import { PublicKeyCache } from '../verification/public-key-cache.js';
import { verifySignature, type VerificationPrimitives } from '../verification/verify-signature.js';
import { NODE_DIGEST_NAME, NodeHasher, nodeDigest } from './node-hash.js';
import { NODE_SM2 } from './node-sm2.js';

/** node:crypto (OpenSSL) for digests, RSA and ECDSA; SM2 on OpenSSL's native curve arithmetic. */
export class NodeCryptoProvider implements CryptoProvider {
  readonly name = 'node';
  readonly #keys = new PublicKeyCache();

  createHash(algorithm: DigestAlgorithm): Hasher {
    return new NodeHasher(checkDigest(algorithm));
  }

  digest(algorithm: DigestAlgorithm, data: Uint8Array): Uint8Array {
    return nodeDigest(checkDigest(algorithm), data);
  }

  verify(algorithm: SignatureAlgorithm, publicKeySpki: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
    return verifySignature(NODE_PRIMITIVES, this.#keys, algorithm, publicKeySpki, data, signature);
  }
}

const NODE_PRIMITIVES: VerificationPrimitives = {
  sm2: (point, data, signature, userId) => NODE_SM2.verify(point, data, signature, userId === undefined ? {} : { userId }),

  async rsa(key, algorithm, data, signature) {
    if (algorithm.hash === 'SM3') {
      // OpenSSL 3.0 refuses SM3 with RSA keys: SM3withRSA (GM/T 0015 OID …1.504) in BigInt.
      return rsaPkcs1v15VerifyDigest(key, 'SM3', nodeDigest('SM3', data), signature);
    }
    const keyObject = cachedKey(key.platformKeys, 'rsa', () => rsaKeyObject(key));
    const hash = NODE_DIGEST_NAME[algorithm.hash];
    if (algorithm.name === 'RSASSA-PKCS1-v1_5') {
      return nodeVerify(hash, data, { key: keyObject, padding: constants.RSA_PKCS1_PADDING }, signature);
    }
    return nodeVerify(hash, data, { key: keyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: algorithm.saltLength }, signature);
  },

  async ecdsa(key, hash, data, signature) {
    const raw = signatureScalarsToRaw(signature, ecdsaCurve(key.keyType).byteLength);
    const keyObject = cachedKey(key.platformKeys, 'ec', () => ecKeyObject(key.keyType, key.point));
    return nodeVerify(NODE_DIGEST_NAME[hash], data, { key: keyObject, dsaEncoding: 'ieee-p1363' }, raw);
  },
};

function cachedKey(slot: Map<string, unknown>, usage: string, make: () => KeyObject): KeyObject {
  let key = slot.get(usage) as KeyObject | undefined;
  if (!key) {
    key = make();
    slot.set(usage, key);
  }
  return key;
}

// From the numbers rather than the SPKI, so an id-RSASSA-PSS key behaves like in every provider.
function rsaKeyObject(key: RsaPublicNumbers): KeyObject {
  const b64url = (v: bigint): string => toBase64(bigIntToBytes(v)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return createPublicKey({ key: { kty: 'RSA', n: b64url(key.modulus), e: b64url(key.publicExponent) }, format: 'jwk' });
}

// From the point rather than the SPKI: OpenSSL rejects oddly encoded SPKIs (e.g. BIT STRING padding)
// with raw errors, and the point is all that verification needs.
function ecKeyObject(keyType: 'EC-P256' | 'EC-P384', point: Uint8Array): KeyObject {
  const half = (point.length - 1) / 2;
  const b64url = (b: Uint8Array): string => toBase64(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return createPublicKey({
    key: { kty: 'EC', crv: keyType === 'EC-P256' ? 'P-256' : 'P-384', x: b64url(point.subarray(1, 1 + half)), y: b64url(point.subarray(1 + half)) },
    format: 'jwk',
  });
}

function checkDigest(algorithm: DigestAlgorithm): DigestAlgorithm {
  if (!Object.hasOwn(NODE_DIGEST_NAME, algorithm)) throw new CryptoUnsupportedError(`digest ${String(algorithm)}`);
  return algorithm;
}
