import { pbkdf2Sync } from 'node:crypto';
import { OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { OID, encodeDer, parseDer } from '@openseal/asn1';
import { LimitExceededError, type RandomSource } from '@openseal/kernel';
import { CryptoUnsupportedError, KeyFormatError } from '../../errors.js';
import { positiveInteger } from '../../keys/der-integer.js';
import { PBES2_params, PBKDF2_params } from '../../keys/pbe-params.js';
import { cbcCipherByOid, cbcDecrypt, cbcEncrypt, type CbcCipher } from './cbc-cipher.js';

/** PRFs for PBKDF2 (RFC 8018 §B.1; HMAC-SM3 per GB/T 35276 / GM/T 0091). */
export type Pbkdf2Prf = 'HMAC-SHA1' | 'HMAC-SHA256' | 'HMAC-SHA384' | 'HMAC-SHA512' | 'HMAC-SM3';

const PRFS: readonly { name: Pbkdf2Prf; oid: string; nodeHash: string }[] = [
  { name: 'HMAC-SHA1', oid: OID.hmacWithSHA1, nodeHash: 'sha1' },
  { name: 'HMAC-SHA256', oid: OID.hmacWithSHA256, nodeHash: 'sha256' },
  { name: 'HMAC-SHA384', oid: OID.hmacWithSHA384, nodeHash: 'sha384' },
  { name: 'HMAC-SHA512', oid: OID.hmacWithSHA512, nodeHash: 'sha512' },
  { name: 'HMAC-SM3', oid: OID.hmacWithSM3, nodeHash: 'sm3' },
  // GM/T 0091-2020 Appendix A.2 names id-hmacWithSM3 1.2.156.10197.1.401.3.1 (read only; 401.2 is what is written).
  { name: 'HMAC-SM3', oid: '1.2.156.10197.1.401.3.1', nodeHash: 'sm3' },
];

/** Upper bound on KDF iteration counts read from files: a hostile count must not stall the process. */
export const DEFAULT_MAX_KDF_ITERATIONS = 5_000_000;

export interface KdfLimits {
  maxIterations?: number;
}

export function checkIterations(iterations: number, limits: KdfLimits): void {
  const max = limits.maxIterations ?? DEFAULT_MAX_KDF_ITERATIONS;
  if (iterations > max) throw new LimitExceededError('KDF iteration count', max, iterations);
}

/** Decrypts PBES2 (RFC 8018 §6.2.2) with PBKDF2; `password` is the passphrase's UTF-8 bytes, as OpenSSL uses it. */
export function pbes2Decrypt(params: Uint8Array, data: Uint8Array, password: Uint8Array, limits: KdfLimits = {}): Uint8Array {
  const pbes2 = parseDer(params, PBES2_params, 'PBES2-params');
  if (pbes2.keyDerivationFunc.algorithm !== OID.pbkdf2) {
    throw new CryptoUnsupportedError(`PBES2 key derivation ${pbes2.keyDerivationFunc.algorithm}`);
  }
  const cipher = cbcCipherByOid(pbes2.encryptionScheme.algorithm);
  if (!cipher) throw new CryptoUnsupportedError(`PBES2 encryption scheme ${pbes2.encryptionScheme.algorithm}`);
  const ivParams = pbes2.encryptionScheme.parameters;
  if (!ivParams) throw new KeyFormatError('PBES2 encryption scheme has no IV');
  const iv = new Uint8Array(parseDer(new Uint8Array(ivParams), OctetString, 'IV').buffer);

  const kdfParams = pbes2.keyDerivationFunc.parameters;
  if (!kdfParams) throw new KeyFormatError('PBKDF2 parameters are missing');
  const kdf = parseDer(new Uint8Array(kdfParams), PBKDF2_params, 'PBKDF2-params');
  const iterations = positiveInteger(kdf.iterationCount, 'PBKDF2 iteration count');
  checkIterations(iterations, limits);
  if (kdf.keyLength !== undefined && positiveInteger(kdf.keyLength, 'PBKDF2 key length') !== cipher.keyLength) {
    throw new KeyFormatError('PBKDF2 key length does not fit the cipher', { cipher: cipher.name });
  }
  const prfOid = kdf.prf?.algorithm ?? OID.hmacWithSHA1;
  const prf = PRFS.find((p) => p.oid === prfOid);
  if (!prf) throw new CryptoUnsupportedError(`PBKDF2 PRF ${prfOid}`);
  const key = pbkdf2Sync(password, new Uint8Array(kdf.salt.buffer), iterations, cipher.keyLength, prf.nodeHash);
  return cbcDecrypt(cipher, key, iv, data);
}

export interface Pbes2EncryptOptions {
  cipher: CbcCipher;
  prf: Pbkdf2Prf;
  iterations: number;
  random: RandomSource;
}

/** Encrypts with PBES2 + PBKDF2 (16-byte salt, fresh IV) and returns the AlgorithmIdentifier and ciphertext. */
export function pbes2Encrypt(data: Uint8Array, password: Uint8Array, options: Pbes2EncryptOptions): { algorithm: AlgorithmIdentifier; ciphertext: Uint8Array } {
  const prf = PRFS.find((p) => p.name === options.prf);
  if (!prf) throw new CryptoUnsupportedError(`PBKDF2 PRF ${options.prf}`);
  if (!Number.isSafeInteger(options.iterations) || options.iterations < 1) {
    throw new KeyFormatError('PBKDF2 iteration count must be a positive integer', { iterations: options.iterations });
  }
  const salt = options.random.bytes(16);
  const iv = options.random.bytes(options.cipher.blockSize);
  const key = pbkdf2Sync(password, salt, options.iterations, options.cipher.keyLength, prf.nodeHash);
  const kdf = new PBKDF2_params({
    salt: new OctetString(salt),
    iterationCount: integerContent(options.iterations),
    // RFC 8018 §A.2: omitting prf means HMAC-SHA1, so it is always written for the others.
    ...(prf.name === 'HMAC-SHA1' ? {} : { prf: new AlgorithmIdentifier({ algorithm: prf.oid, parameters: null }) }),
  });
  const params = new PBES2_params({
    keyDerivationFunc: new AlgorithmIdentifier({ algorithm: OID.pbkdf2, parameters: encodeDer(kdf).buffer as ArrayBuffer }),
    encryptionScheme: new AlgorithmIdentifier({ algorithm: options.cipher.oid, parameters: encodeDer(new OctetString(iv)).buffer as ArrayBuffer }),
  });
  return {
    algorithm: new AlgorithmIdentifier({ algorithm: OID.pbes2, parameters: encodeDer(params).buffer as ArrayBuffer }),
    ciphertext: cbcEncrypt(options.cipher, key, iv, data),
  };
}

/** Minimal two's-complement content octets of a non-negative integer (for INTEGER fields kept as bytes). */
export function integerContent(value: number): ArrayBuffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = '00' + hex;
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)).buffer;
}
