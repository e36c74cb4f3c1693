import { bigIntToBytes, toArrayBuffer, toBase64 } from '@openseal/kernel';
import type { DigestAlgorithm, SignatureAlgorithm } from '../algorithms.js';
import { ecdsaVerifyDigest } from '../ecdsa/ecdsa-verify.js';
import { ecdsaCurve } from '../ecdsa/nist-curves.js';
import { signatureScalarsToRaw } from '../ecdsa/signature-encoding.js';
import type { Hasher } from '../hasher.js';
import type { CryptoProvider } from '../provider.js';
import { rsaPkcs1v15VerifyDigest, rsaPssVerifyDigest } from '../rsa/rsa-verify.js';
import { PURE_SM2 } from '../sm2/sm2-functions.js';
import { sm3 } from '../sm3/sm3.js';
import { PublicKeyCache } from '../verification/public-key-cache.js';
import { verifySignature, type VerificationPrimitives } from '../verification/verify-signature.js';
import { createJsHasher, jsDigest } from './browser-hash.js';

/**
 * Browser provider: WebCrypto for RSA and ECDSA with SHA-1/SHA-2; JavaScript for SM2, SM3, streaming
 * digests (@noble/hashes) and RSA/ECDSA over SM3 (which WebCrypto lacks). No node:* imports.
 */
export class BrowserCryptoProvider implements CryptoProvider {
  readonly name = 'browser';
  readonly #primitives: VerificationPrimitives;
  readonly #keys = new PublicKeyCache();

  constructor(subtle: SubtleCrypto = globalThis.crypto.subtle) {
    this.#primitives = webPrimitives(subtle);
  }

  createHash(algorithm: DigestAlgorithm): Hasher {
    return createJsHasher(algorithm);
  }

  digest(algorithm: DigestAlgorithm, data: Uint8Array): Uint8Array {
    return jsDigest(algorithm, data);
  }

  verify(algorithm: SignatureAlgorithm, publicKeySpki: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
    return verifySignature(this.#primitives, this.#keys, algorithm, publicKeySpki, data, signature);
  }
}

function webPrimitives(subtle: SubtleCrypto): VerificationPrimitives {
  return {
    sm2: (point, data, signature, userId) => PURE_SM2.verify(point, data, signature, userId === undefined ? {} : { userId }),

    async rsa(key, algorithm, data, signature) {
      if (algorithm.hash === 'SM3') {
        const digest = sm3(data);
        return algorithm.name === 'RSA-PSS'
          ? rsaPssVerifyDigest(key, (d) => sm3(d), digest, signature, algorithm.saltLength)
          : rsaPkcs1v15VerifyDigest(key, 'SM3', digest, signature);
      }
      const params = algorithm.name === 'RSA-PSS' ? { name: 'RSA-PSS', saltLength: algorithm.saltLength } : { name: algorithm.name };
      const cryptoKey = await cachedKey(key.platformKeys, `${algorithm.name}/${algorithm.hash}`, () => {
        const jwk: JsonWebKey = { kty: 'RSA', n: base64Url(bigIntToBytes(key.modulus)), e: base64Url(bigIntToBytes(key.publicExponent)), ext: true };
        return subtle.importKey('jwk', jwk, { name: algorithm.name, hash: algorithm.hash }, false, ['verify']);
      });
      return subtle.verify(params, cryptoKey, toArrayBuffer(signature), toArrayBuffer(data));
    },

    async ecdsa(key, hash, data, signature) {
      const curve = ecdsaCurve(key.keyType);
      if (hash === 'SM3') return ecdsaVerifyDigest(curve, key.affine, sm3(data), signature);
      const namedCurve = key.keyType === 'EC-P256' ? 'P-256' : 'P-384';
      const cryptoKey = await cachedKey(key.platformKeys, 'ECDSA', () =>
        subtle.importKey('raw', toArrayBuffer(key.point), { name: 'ECDSA', namedCurve }, false, ['verify']),
      );
      const raw = signatureScalarsToRaw(signature, curve.byteLength);
      return subtle.verify({ name: 'ECDSA', hash }, cryptoKey, toArrayBuffer(raw), toArrayBuffer(data));
    },
  };
}

// The promise is cached, so concurrent verifications with one key import it once.
function cachedKey(slot: Map<string, unknown>, usage: string, make: () => Promise<CryptoKey>): Promise<CryptoKey> {
  let key = slot.get(usage) as Promise<CryptoKey> | undefined;
  if (!key) {
    key = make();
    slot.set(usage, key);
    key.catch(() => slot.delete(usage)); // the caller still sees the rejection; only the cache forgets it
  }
  return key;
}

function base64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
