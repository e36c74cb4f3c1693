import type { CryptoProvider, SignatureAlgorithm } from '@openseal/crypto';
import { OpenSealError } from '@openseal/kernel';
import { Certificate, type CheckResult, type Verdict } from '@openseal/pki';
import type { Seal } from '../model/seal.js';
import { parseSeal } from '../seal/parse-seal.js';
import { sealSignatureAlgorithm } from '../signature-algorithm.js';
import { pathCheck, type SesTrustOptions } from './path-check.js';
import { fail, pass, summarise, type SealCheckCode } from './ses-checks.js';

export interface VerifySealOptions extends SesTrustOptions {
  readonly provider: CryptoProvider;
  /** The time the seal must be valid at: the signing time for a signature, now for a bare seal. */
  readonly at: Date;
}

/** What the maker signature was found to cover (ses digest §6). */
export type MakerSignedOver = 'SES_SealInfo' | 'SEQUENCE{SealInfo,cert,alg}';

export interface SealVerification extends Verdict {
  readonly checks: readonly CheckResult<SealCheckCode>[];
  readonly seal?: Seal;
  readonly makerCertificate?: Certificate;
  readonly makerSignedOver?: MakerSignedOver;
  /** Format, maker signature and validity period passed. */
  readonly valid: boolean;
  /** The maker certificate path reached a trust anchor. */
  readonly trusted: boolean;
}

/**
 * Verifies a seal (GB/T 38540 §6.3, GM/T 0031-2014 §6.1.2): format, maker signature (v4/v5 over
 * SES_SealInfo, v1 over SEQUENCE{SealInfo, cert, alg}; the other rule is tried too and reported),
 * validity window at `at`, maker certificate path. Never throws for bad input.
 */
export async function verifySeal(input: Uint8Array | Seal, options: VerifySealOptions): Promise<SealVerification> {
  let seal: Seal;
  try {
    seal = input instanceof Uint8Array ? parseSeal(input) : input;
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    const checks = [fail('SEAL_FORMAT' as const, 'FORMAT_FAILURE', { error: e.code, message: e.message })];
    return { ...summarise(checks), checks };
  }
  const checks: CheckResult<SealCheckCode>[] = [pass('SEAL_FORMAT', { version: seal.version, esId: seal.esId })];
  const maker = await makerSignature(seal, options.provider);
  checks.push(maker.check);
  checks.push(validityCheck(seal, options.at));
  if (maker.certificate) checks.push(await pathCheck('SEAL_MAKER_CERT_PATH', maker.certificate, options.at, options, options.provider));
  else checks.push({ code: 'SEAL_MAKER_CERT_PATH', status: 'skipped', indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND' });
  return {
    ...summarise(checks),
    checks,
    seal,
    ...(maker.certificate ? { makerCertificate: maker.certificate } : {}),
    ...(maker.over ? { makerSignedOver: maker.over } : {}),
  };
}

async function makerSignature(seal: Seal, provider: CryptoProvider): Promise<{ check: CheckResult<SealCheckCode>; certificate?: Certificate; over?: MakerSignedOver }> {
  let certificate: Certificate;
  try {
    certificate = Certificate.fromDer(seal.maker.certificate);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return { check: fail('SEAL_MAKER_SIGNATURE', 'FORMAT_FAILURE', { reason: 'maker certificate unreadable', error: e.code }) };
  }
  let alg: SignatureAlgorithm;
  try {
    alg = sealSignatureAlgorithm(seal.maker.signatureAlgorithmOid);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return { check: fail('SEAL_MAKER_SIGNATURE', 'CRYPTO_CONSTRAINTS_FAILURE', { oid: seal.maker.signatureAlgorithmOid }), certificate };
  }
  // v4/v5 makers sign SES_SealInfo alone, v1 makers SEQUENCE{SealInfo, cert, alg}; try the version's rule first.
  const rules: Array<[MakerSignedOver, Uint8Array]> = [
    ['SES_SealInfo', seal.sealInfoDer],
    ['SEQUENCE{SealInfo,cert,alg}', seal.v1SignedData],
  ];
  if (seal.version === 1) rules.reverse();
  for (const [over, data] of rules) {
    if (await safeVerify(provider, alg, certificate.publicKey, data, seal.maker.signature)) {
      return { check: pass('SEAL_MAKER_SIGNATURE', { signedOver: over, maker: certificate.subject.toString() }), certificate, over };
    }
  }
  return { check: fail('SEAL_MAKER_SIGNATURE', 'SIG_CRYPTO_FAILURE', { reason: 'the maker signature verifies under neither rule', maker: certificate.subject.toString() }), certificate };
}

function validityCheck(seal: Seal, at: Date): CheckResult<SealCheckCode> {
  const details = { at: at.toISOString(), validStart: seal.validStart.date.toISOString(), validEnd: seal.validEnd.date.toISOString() };
  if (at.getTime() < seal.validStart.date.getTime()) return fail('SEAL_VALIDITY', 'NOT_YET_VALID', details);
  if (at.getTime() > seal.validEnd.date.getTime()) return fail('SEAL_VALIDITY', 'EXPIRED', details);
  return pass('SEAL_VALIDITY', details);
}

/** provider.verify that reports unsupported algorithms and bad keys as a failed verification. */
export async function safeVerify(provider: CryptoProvider, alg: SignatureAlgorithm, spki: Uint8Array, data: Uint8Array, sig: Uint8Array): Promise<boolean> {
  try {
    return await provider.verify(alg, spki, data, sig);
  } catch (e) {
    if (e instanceof OpenSealError) return false;
    throw e;
  }
}
