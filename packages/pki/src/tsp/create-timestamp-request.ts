import { DIGEST_LENGTH, type DigestAlgorithm } from '@openseal/crypto';
import { bytesToBigInt, InvalidArgumentError, type RandomSource } from '@openseal/kernel';
import { digestAlgorithmDer } from '../cms/finish-signed-data.js';
import { derBoolean, derOctetString, derOid, derSequence, derUnsignedInteger } from '../x509/der-writer.js';

export interface TimestampRequestOptions {
  /** The digest of the data to timestamp (the data itself never leaves the caller). */
  readonly digest: Uint8Array;
  readonly digestAlgorithm: DigestAlgorithm;
  /** RFC 3161 §2.4.1: a large random number; see randomNonce. */
  readonly nonce?: bigint;
  /** Ask the TSA to include its certificate in the token; default true. */
  readonly certReq?: boolean;
  readonly policy?: string;
}

/**
 * RFC 3161 §2.4.1 TimeStampReq ::= SEQUENCE { version INTEGER { v1(1) }, messageImprint MessageImprint,
 *   reqPolicy TSAPolicyId OPTIONAL, nonce INTEGER OPTIONAL, certReq BOOLEAN DEFAULT FALSE,
 *   extensions [0] IMPLICIT Extensions OPTIONAL }
 */
export function createTimestampRequest(options: TimestampRequestOptions): Uint8Array {
  const { digest, digestAlgorithm, nonce, policy } = options;
  if (digest.length !== DIGEST_LENGTH[digestAlgorithm]) {
    throw new InvalidArgumentError('digest length does not match the digest algorithm', { digestAlgorithm, length: digest.length });
  }
  if (nonce !== undefined && nonce < 0n) throw new InvalidArgumentError('nonce must not be negative');
  return derSequence(
    derUnsignedInteger(1n),
    derSequence(digestAlgorithmDer(digestAlgorithm), derOctetString(digest)),
    ...(policy ? [derOid(policy)] : []),
    ...(nonce !== undefined ? [derUnsignedInteger(nonce)] : []),
    ...(options.certReq !== false ? [derBoolean(true)] : []),
  );
}

/** A positive 64-bit nonce from the injected randomness. */
export function randomNonce(random: RandomSource): bigint {
  const bytes = random.bytes(8);
  bytes[0] = (bytes[0] as number) & 0x7f;
  return bytesToBigInt(bytes) || 1n;
}
