import type { DigestAlgorithm, SignatureAlgorithm } from '@openseal/crypto';
import { CKM } from './constants.js';

/**
 * What the token is given: the message (it hashes), our digest, a DigestInfo around our digest
 * (CKM_RSA_PKCS), or SM2's e = SM3(Z‖M) that we compute (GB/T 32918.2 §6.1 steps A1–A2).
 */
export type MechanismInput = 'message' | 'digest' | 'digest-info' | 'sm2-e';
/** What the token returns: an RSA block, r‖s (converted to DER), or an already-DER signature. */
export type MechanismOutput = 'rsa' | 'r-s' | 'der';
/** CK_RSA_PKCS_PSS_PARAMS built from the algorithm, or the SM2 signer ID as raw parameter bytes. */
export type MechanismParameter = 'rsa-pss' | 'sm2-user-id';

/** One way to produce a signature on a token; a profile lists them in order of preference. */
export interface MechanismCandidate {
  readonly mechanism: number;
  readonly input: MechanismInput;
  readonly output: MechanismOutput;
  readonly parameter?: MechanismParameter;
  /** The token applies the default SM2 ID 1234567812345678 itself: skip this entry for any other ID. */
  readonly defaultUserIdOnly?: boolean;
}

/** `RSASSA-PKCS1-v1_5/SHA-256`, `ECDSA/SHA-384`, `SM2/SM3`, … */
export type AlgorithmKey = `${SignatureAlgorithm['name']}/${DigestAlgorithm}`;

/**
 * The mechanism table for one kind of token. Supporting a new token is a new profile (usually the
 * default one plus its vendor SM2 entries), not new code.
 */
export interface MechanismProfile {
  readonly name: string;
  readonly mechanisms: Readonly<Partial<Record<AlgorithmKey, readonly MechanismCandidate[]>>>;
  /** Vendor CKK_* values that denote an SM2 key (for tokens that do not use CKK_EC + the SM2 curve). */
  readonly sm2KeyTypes?: readonly number[];
}

export function algorithmKey(algorithm: SignatureAlgorithm): AlgorithmKey {
  return `${algorithm.name}/${algorithm.hash}`;
}

const rsaPkcs1 = (combined: number): readonly MechanismCandidate[] => [
  { mechanism: combined, input: 'message', output: 'rsa' },
  { mechanism: CKM.RSA_PKCS, input: 'digest-info', output: 'rsa' },
];
const rsaPss = (combined: number): readonly MechanismCandidate[] => [
  { mechanism: combined, input: 'message', output: 'rsa', parameter: 'rsa-pss' },
  { mechanism: CKM.RSA_PKCS_PSS, input: 'digest', output: 'rsa', parameter: 'rsa-pss' },
];
// CKM_ECDSA over our own hash first: every token has it, few have every CKM_ECDSA_SHA*.
const ecdsa = (combined: number): readonly MechanismCandidate[] => [
  { mechanism: CKM.ECDSA, input: 'digest', output: 'r-s' },
  { mechanism: combined, input: 'message', output: 'r-s' },
];

/**
 * Standard PKCS#11 mechanisms (v2.40 Current Mechanisms §2.1, §2.3). SM2 has no standard
 * mechanism, so SM2 tokens need a profile with their vendor entries (see `sm2Mechanisms`).
 */
export const DEFAULT_MECHANISM_PROFILE: MechanismProfile = {
  name: 'pkcs11-standard',
  mechanisms: {
    'RSASSA-PKCS1-v1_5/SHA-256': rsaPkcs1(CKM.SHA256_RSA_PKCS),
    'RSASSA-PKCS1-v1_5/SHA-384': rsaPkcs1(CKM.SHA384_RSA_PKCS),
    'RSASSA-PKCS1-v1_5/SHA-512': rsaPkcs1(CKM.SHA512_RSA_PKCS),
    'RSA-PSS/SHA-256': rsaPss(CKM.SHA256_RSA_PKCS_PSS),
    'RSA-PSS/SHA-384': rsaPss(CKM.SHA384_RSA_PKCS_PSS),
    'RSA-PSS/SHA-512': rsaPss(CKM.SHA512_RSA_PKCS_PSS),
    'ECDSA/SHA-256': ecdsa(CKM.ECDSA_SHA256),
    'ECDSA/SHA-384': ecdsa(CKM.ECDSA_SHA384),
    'ECDSA/SHA-512': ecdsa(CKM.ECDSA_SHA512),
  },
};

/** A profile derived from `base`: each algorithm listed in `changes.mechanisms` gets the new list. */
export function defineMechanismProfile(
  base: MechanismProfile,
  changes: { readonly name: string; readonly mechanisms?: MechanismProfile['mechanisms']; readonly sm2KeyTypes?: readonly number[] },
): MechanismProfile {
  const sm2KeyTypes = changes.sm2KeyTypes ?? base.sm2KeyTypes;
  return {
    name: changes.name,
    mechanisms: { ...base.mechanisms, ...changes.mechanisms },
    ...(sm2KeyTypes === undefined ? {} : { sm2KeyTypes }),
  };
}

/**
 * The `SM2/SM3` entries for a token's vendor mechanisms (values from the vendor's pkcs11 header,
 * usually CKM_VENDOR_DEFINED + n). `overE`: the token signs a 32-byte e that we compute;
 * `withSm3`: the token hashes Z‖M itself, taking the signer ID as parameter when `idParameter`
 * is set and otherwise applying the default ID.
 */
export function sm2Mechanisms(options: {
  readonly overE?: number;
  readonly withSm3?: number;
  readonly idParameter?: boolean;
  readonly output?: 'r-s' | 'der';
}): readonly MechanismCandidate[] {
  const output = options.output ?? 'r-s';
  const out: MechanismCandidate[] = [];
  if (options.overE !== undefined) out.push({ mechanism: options.overE, input: 'sm2-e', output });
  if (options.withSm3 !== undefined) {
    out.push(
      options.idParameter
        ? { mechanism: options.withSm3, input: 'message', output, parameter: 'sm2-user-id' }
        : { mechanism: options.withSm3, input: 'message', output, defaultUserIdOnly: true },
    );
  }
  return out;
}
