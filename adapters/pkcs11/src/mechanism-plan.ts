import { createHash } from 'node:crypto';
import {
  DIGEST_LENGTH,
  SM2_DEFAULT_USER_ID,
  parsePublicKey,
  sm2Za,
  type DigestAlgorithm,
  type KeyType,
  type SignatureAlgorithm,
} from '@openseal/crypto';
import { concatBytes, equalBytes } from '@openseal/kernel';
import { CKG, CKM, ckmName } from './constants.js';
import { Pkcs11Error } from './errors.js';
import { algorithmKey, type MechanismCandidate, type MechanismProfile } from './mechanism-profile.js';
import type { Pkcs11Mechanism } from './pkcs11-values.js';
import { checkDerSignature, digestInfo, rawSignatureToDer } from './signature-encoding.js';

const NODE_HASH: Readonly<Record<DigestAlgorithm, string>> = {
  SM3: 'sm3',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

// CK_RSA_PKCS_PSS_PARAMS.hashAlg / .mgf for each hash (PKCS#11 v2.40 Current Mechanisms §2.1.3).
const PSS_HASH: Readonly<Partial<Record<DigestAlgorithm, { hashMechanism: number; mgf: number }>>> = {
  'SHA-1': { hashMechanism: CKM.SHA_1, mgf: CKG.MGF1_SHA1 },
  'SHA-256': { hashMechanism: CKM.SHA256, mgf: CKG.MGF1_SHA256 },
  'SHA-384': { hashMechanism: CKM.SHA384, mgf: CKG.MGF1_SHA384 },
  'SHA-512': { hashMechanism: CKM.SHA512, mgf: CKG.MGF1_SHA512 },
};

const R_S_LENGTH: Readonly<Record<KeyType, number | undefined>> = { SM2: 64, 'EC-P256': 64, 'EC-P384': 96, RSA: undefined };

export function digest(hash: DigestAlgorithm, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(NODE_HASH[hash]).update(data).digest());
}

function sm2UserId(algorithm: SignatureAlgorithm): Uint8Array {
  return (algorithm.name === 'SM2' ? algorithm.userId : undefined) ?? SM2_DEFAULT_USER_ID;
}

/**
 * The first candidate of the profile's list for `algorithm` that the token offers for signing.
 * Throws PKCS11_MECHANISM_UNSUPPORTED naming what was tried.
 */
export function selectMechanism(profile: MechanismProfile, algorithm: SignatureAlgorithm, offers: (mechanism: number) => boolean): MechanismCandidate {
  const key = algorithmKey(algorithm);
  const candidates = profile.mechanisms[key] ?? [];
  const idIsDefault = equalBytes(sm2UserId(algorithm), SM2_DEFAULT_USER_ID);
  for (const c of candidates) {
    if (c.defaultUserIdOnly && !idIsDefault) continue;
    if (c.parameter === 'rsa-pss' && !PSS_HASH[algorithm.hash]) continue;
    if (c.input === 'digest-info' && algorithm.hash !== 'SHA-256' && algorithm.hash !== 'SHA-384' && algorithm.hash !== 'SHA-512') continue;
    if (offers(c.mechanism)) return c;
  }
  throw new Pkcs11Error('PKCS11_MECHANISM_UNSUPPORTED', {
    algorithm: key,
    profile: profile.name,
    tried: candidates.map((c) => ckmName(c.mechanism)),
  });
}

/** The bytes and CK_MECHANISM to hand to C_SignInit/C_Sign for `data`. */
export function prepareSignInput(
  candidate: MechanismCandidate,
  algorithm: SignatureAlgorithm,
  publicKey: Uint8Array,
  data: Uint8Array,
): { readonly input: Uint8Array; readonly mechanism: Pkcs11Mechanism } {
  let input: Uint8Array;
  switch (candidate.input) {
    case 'message':
      input = data;
      break;
    case 'digest':
      input = digest(algorithm.hash, data);
      break;
    case 'digest-info':
      input = digestInfo(algorithm.hash, digest(algorithm.hash, data));
      break;
    case 'sm2-e': {
      // GB/T 32918.2 §6.1 A1–A2: M̄ = Z‖M, e = SM3(M̄); Z binds the signer ID and public key.
      const info = parsePublicKey(publicKey);
      if (info.keyType !== 'SM2') throw new Pkcs11Error('PKCS11_MECHANISM_UNSUPPORTED', { keyType: info.keyType }, { reason: 'SM2 input for a non-SM2 key' });
      input = digest('SM3', concatBytes(sm2Za(info.point, sm2UserId(algorithm)), data));
      break;
    }
  }
  if (candidate.parameter === 'rsa-pss') {
    const pss = PSS_HASH[algorithm.hash];
    if (!pss) throw new Pkcs11Error('PKCS11_MECHANISM_UNSUPPORTED', { algorithm: algorithmKey(algorithm) });
    const saltLength = (algorithm.name === 'RSA-PSS' ? algorithm.saltLength : undefined) ?? DIGEST_LENGTH[algorithm.hash];
    return { input, mechanism: { mechanism: candidate.mechanism, parameter: { kind: 'rsa-pss', ...pss, saltLength } } };
  }
  if (candidate.parameter === 'sm2-user-id') {
    return { input, mechanism: { mechanism: candidate.mechanism, parameter: sm2UserId(algorithm) } };
  }
  return { input, mechanism: { mechanism: candidate.mechanism } };
}

/** The token's output in OpenSeal's standard encoding (DER for ECDSA/SM2, the raw block for RSA). */
export function finishSignature(candidate: MechanismCandidate, keyType: KeyType, output: Uint8Array): Uint8Array {
  switch (candidate.output) {
    case 'rsa':
      return output;
    case 'der':
      return checkDerSignature(output);
    case 'r-s': {
      const length = R_S_LENGTH[keyType];
      if (length === undefined) throw new Pkcs11Error('PKCS11_MECHANISM_UNSUPPORTED', { keyType }, { reason: 'r‖s output for an RSA key' });
      return rawSignatureToDer(output, length);
    }
  }
}
