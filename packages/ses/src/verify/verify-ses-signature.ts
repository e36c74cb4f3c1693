import { algorithmFitsKey, isDerEcSignature, type CryptoProvider, type SignatureAlgorithm } from '@openseal/crypto';
import { equalBytes, OpenSealError, toHex } from '@openseal/kernel';
import { Certificate, verifyTimestampToken, type CheckResult, type TimestampVerification, type Verdict } from '@openseal/pki';
import type { SesSignature } from '../model/ses-signature-model.js';
import { certificateListed } from '../signature/prepare-ses-signature.js';
import { parseSesSignature } from '../signature/parse-ses-signature.js';
import { dataHashAlgorithm, sealSignatureAlgorithm } from '../signature-algorithm.js';
import { pathCheck, type SesTrustOptions } from './path-check.js';
import { fail, pass, skip, summarise, type SesCheckCode } from './ses-checks.js';
import { safeVerify, verifySeal, type SealVerification } from './verify-seal.js';

export interface VerifySesSignatureOptions extends SesTrustOptions {
  readonly provider: CryptoProvider;
  /** The protected original (OFD: Signature.xml bytes); hashed with the signature algorithm's hash. */
  readonly data?: Uint8Array;
  /** Or its expected hash. Without either, SES_DATA_HASH is skipped. */
  readonly dataHash?: Uint8Array;
  /** Judge certificates and the seal at this time instead of the signing time. */
  readonly at?: Date;
}

export interface SesSignatureVerification extends Verdict {
  readonly checks: readonly CheckResult<SesCheckCode | string>[];
  readonly signature?: SesSignature;
  readonly signerCertificate?: Certificate;
  readonly signatureAlgorithm?: SignatureAlgorithm;
  readonly seal?: SealVerification;
  /** The time certificates and the seal were judged at, and where it came from. */
  readonly signingTime?: Date;
  readonly signingTimeSource?: 'timestamp' | 'timeInfo' | 'caller';
  readonly timestamp?: TimestampVerification;
  /** DER SEQUENCE{r,s} as GB/T 35276 requires, or raw r‖s (accepted, noted). */
  readonly signatureEncoding?: 'der' | 'raw';
  /** Format, data hash and signature value passed. */
  readonly intact: boolean;
  /** Every check except trust passed (GB/T 38540 §7.3 a–h without chains). */
  readonly valid: boolean;
  /** Signer, seal maker (and TSA) paths reached trust anchors. */
  readonly trusted: boolean;
}

/**
 * Verifies an SES_Signature (GB/T 38540 §7.3; GM/T 0031-2014 §6.2.3 for v1): signature over the stored
 * TBS_Sign with the standard SM2 ID, data hash, time-stamp over the signature value, signer certificate
 * valid at the signing time and listed in the seal, the seal itself at the signing time, and paths.
 * Never throws for bad input.
 */
export async function verifySesSignature(der: Uint8Array, options: VerifySesSignatureOptions): Promise<SesSignatureVerification> {
  let sig: SesSignature;
  try {
    sig = parseSesSignature(der);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    const checks = [fail('SES_FORMAT' as const, 'FORMAT_FAILURE', { error: e.code, message: e.message })];
    return { ...summarise(checks), checks, intact: false };
  }
  const checks: CheckResult<SesCheckCode | string>[] = [pass('SES_FORMAT', { version: sig.version, tbsVersion: sig.tbsVersion })];
  let cert: Certificate | undefined;
  try {
    cert = Certificate.fromDer(sig.signerCertificate);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    checks.push(fail('SES_SIGNATURE_VALUE', 'NO_SIGNING_CERTIFICATE_FOUND', { reason: 'signer certificate unreadable', error: e.code }));
  }
  let alg: SignatureAlgorithm | undefined;
  try {
    alg = sealSignatureAlgorithm(sig.signatureAlgorithmOid);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    checks.push(fail('SES_SIGNATURE_VALUE', 'CRYPTO_CONSTRAINTS_FAILURE', { oid: sig.signatureAlgorithmOid }));
  }
  const encoding = isDerEcSignature(sig.signature) ? 'der' : 'raw';
  let signatureOk = false;
  if (cert && alg) {
    if (!cert.keyType || !algorithmFitsKey(alg, cert.keyType)) {
      checks.push(fail('SES_SIGNATURE_VALUE', 'SIG_CRYPTO_FAILURE', { reason: 'the algorithm does not fit the signer key', algorithm: alg.name, keyType: cert.keyType ?? 'unknown' }));
    } else {
      signatureOk = await safeVerify(options.provider, alg, cert.publicKey, sig.toSignDer, sig.signature);
      const details = { algorithm: alg.name, encoding: alg.name === 'RSASSA-PKCS1-v1_5' ? 'pkcs1' : encoding };
      checks.push(signatureOk ? pass('SES_SIGNATURE_VALUE', details) : fail('SES_SIGNATURE_VALUE', 'SIG_CRYPTO_FAILURE', details));
    }
  }
  const hashCheck = dataHashCheck(sig, alg, options);
  checks.push(hashCheck);

  let timestamp: TimestampVerification | undefined;
  if (sig.timeStamp) {
    timestamp = await verifyTimestampToken(sig.timeStamp, {
      provider: options.provider,
      expectedImprint: { data: sig.signature },
      ...(options.trustAnchors ? { trustAnchors: options.trustAnchors } : {}),
      ...(options.intermediates ? { intermediates: options.intermediates } : {}),
      ...(options.revocation ? { revocation: options.revocation } : {}),
    });
    const info = timestamp.info;
    const details = { genTime: info?.genTime.toISOString(), hashAlgorithm: info?.messageImprint.hashAlgorithm, tsa: timestamp.tsaCertificate?.subject.toString() };
    checks.push(timestamp.intact ? pass('SES_TIMESTAMP', details) : fail('SES_TIMESTAMP', timestamp.subIndication ?? 'SIG_CRYPTO_FAILURE', { ...details, failed: timestamp.checks.filter((c) => c.status === 'failed').map((c) => c.code) }));
    const tsaPath = timestamp.checks.find((c) => c.code === 'TSA_CERT_PATH');
    if (tsaPath) checks.push({ ...tsaPath, code: 'SES_TIMESTAMP_CERT_PATH' });
  }
  const stamped = timestamp?.intact === true && timestamp.info !== undefined;
  const signingTime = options.at ?? (stamped ? timestamp?.info?.genTime : undefined) ?? sig.timeInfo.date;
  const signingTimeSource = options.at ? 'caller' : stamped ? 'timestamp' : 'timeInfo';

  if (cert) {
    const details = { signingTime: signingTime.toISOString(), notBefore: cert.notBefore.toISOString(), notAfter: cert.notAfter.toISOString() };
    if (signingTime < cert.notBefore) checks.push(fail('SES_SIGNER_CERT_VALIDITY', 'NOT_YET_VALID', details));
    else if (signingTime > cert.notAfter) checks.push(fail('SES_SIGNER_CERT_VALIDITY', 'EXPIRED', details));
    else checks.push(pass('SES_SIGNER_CERT_VALIDITY', details));
    const ku = cert.keyUsage;
    if (ku && !ku.includes('digitalSignature') && !ku.includes('nonRepudiation')) checks.push(fail('SES_SIGNER_KEY_USAGE', 'CHAIN_CONSTRAINTS_FAILURE', { keyUsage: ku }));
    else checks.push(pass('SES_SIGNER_KEY_USAGE', ku ? { keyUsage: ku } : { keyUsage: 'absent' }));
  }
  const seal = await verifySeal(sig.seal, { ...options, at: signingTime });
  checks.push(...seal.checks);
  if (cert) {
    const listed = certificateListed(sig.seal, cert, options.provider);
    checks.push(listed ? pass('SES_SIGNER_IN_SEAL_CERT_LIST', { certListType: sig.seal.certListType }) : fail('SES_SIGNER_IN_SEAL_CERT_LIST', 'SIG_CONSTRAINTS_FAILURE', { certListType: sig.seal.certListType, kind: sig.seal.certList.kind }));
    checks.push(await pathCheck('SES_SIGNER_CERT_PATH', cert, signingTime, options, options.provider));
  } else checks.push({ code: 'SES_SIGNER_CERT_PATH', status: 'skipped', indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND' });

  return {
    ...summarise(checks),
    checks,
    signature: sig,
    ...(cert ? { signerCertificate: cert } : {}),
    ...(alg ? { signatureAlgorithm: alg } : {}),
    seal,
    signingTime,
    signingTimeSource,
    ...(timestamp ? { timestamp } : {}),
    ...(alg && alg.name !== 'RSASSA-PKCS1-v1_5' ? { signatureEncoding: encoding } : {}),
    intact: signatureOk && hashCheck.status !== 'failed',
  };
}

function dataHashCheck(sig: SesSignature, alg: SignatureAlgorithm | undefined, options: VerifySesSignatureOptions): CheckResult<SesCheckCode> {
  let expected = options.dataHash;
  if (expected === undefined && options.data !== undefined) {
    if (!alg) return fail('SES_DATA_HASH', 'CRYPTO_CONSTRAINTS_FAILURE', { reason: 'unknown signature algorithm, so unknown hash' });
    expected = options.provider.digest(dataHashAlgorithm(alg), options.data);
  }
  if (expected === undefined) return skip('SES_DATA_HASH', { reason: 'no original given' });
  if (!equalBytes(expected, sig.dataHash)) return fail('SES_DATA_HASH', 'HASH_FAILURE', { expected: toHex(expected), actual: toHex(sig.dataHash) });
  return pass('SES_DATA_HASH');
}
