import { AlgorithmIdentifier, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { RSAPrivateKey, RSAPublicKey } from '@peculiar/asn1-rsa';
import { OID, encodeDer, parseDer } from '@openseal/asn1';
import { bytesToBigInt } from '@openseal/kernel';
import { CryptoUnsupportedError, KeyFormatError } from '../errors.js';
import { createRsaPrivateKey, type RsaPrivateKey } from './private-key.js';

/** Modulus sizes accepted when reading keys (bounds the work a hostile key file can cause). */
export const RSA_MIN_BITS = 1024;
export const RSA_MAX_BITS = 16384;

/**
 * Parses PKCS#1 RSAPrivateKey (RFC 8017 A.1.2; OpenSSL's `RSA PRIVATE KEY`). Two-prime keys only;
 * checks n = p·q and the exponents so a damaged file is refused before it signs anything.
 */
export function parsePkcs1PrivateKey(der: Uint8Array): RsaPrivateKey {
  const rsa = parseDer(der, RSAPrivateKey, 'RSAPrivateKey');
  if (rsa.version !== 0) throw new CryptoUnsupportedError('multi-prime RSA private keys', { version: rsa.version });
  const parts = [rsa.modulus, rsa.publicExponent, rsa.privateExponent, rsa.prime1, rsa.prime2, rsa.exponent1, rsa.exponent2, rsa.coefficient];
  const values = parts.map((buf) => unsignedInteger(new Uint8Array(buf)));
  const [n, e, d, p, q, dP, dQ, qInv] = values as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
  const bits = n.toString(2).length;
  if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS) throw new CryptoUnsupportedError(`RSA modulus of ${bits} bits`, { bits });
  if (!consistent(n, e, d, p, q, dP, dQ, qInv)) throw new KeyFormatError('RSA private key is inconsistent (n, exponents or CRT values)');
  const publicKey = encodeDer(
    new SubjectPublicKeyInfo({
      algorithm: new AlgorithmIdentifier({ algorithm: OID.rsaEncryption, parameters: null }),
      subjectPublicKey: encodeDer(new RSAPublicKey({ modulus: rsa.modulus, publicExponent: rsa.publicExponent })).buffer as ArrayBuffer,
    }),
  );
  return createRsaPrivateKey(der, bits, publicKey);
}

// RFC 8017 §3.2: n = p·q, e·d ≡ 1 mod (p-1) and (q-1), dP = d mod (p-1), dQ = d mod (q-1), qInv·q ≡ 1 mod p.
// Wrong CRT values would make faulty signatures, which can reveal a factor of n.
function consistent(n: bigint, e: bigint, d: bigint, p: bigint, q: bigint, dP: bigint, dQ: bigint, qInv: bigint): boolean {
  if (e < 3n || e % 2n === 0n || e >= n || d < 1n || d >= n || p < 3n || q < 3n || p * q !== n) return false;
  const p1 = p - 1n;
  const q1 = q - 1n;
  return (e * d) % p1 === 1n && (e * d) % q1 === 1n && dP === d % p1 && dQ === d % q1 && (qInv * q) % p === 1n;
}

function unsignedInteger(bytes: Uint8Array): bigint {
  if (bytes.length === 0 || ((bytes[0] as number) & 0x80) !== 0) throw new KeyFormatError('RSA key contains a negative or empty integer');
  return bytesToBigInt(bytes);
}
