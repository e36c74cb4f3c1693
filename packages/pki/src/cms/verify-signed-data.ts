import { OID } from '@openseal/asn1';
import type { CryptoProvider, DigestAlgorithm, SignatureAlgorithm } from '@openseal/crypto';
import { OpenSealError, type Clock } from '@openseal/kernel';
import { verifyTimestampToken, type TimestampCheckCode, type TimestampVerification } from '../tsp/verify-timestamp-token.js';
import type { Certificate } from '../x509/certificate.js';
import { certificatePathCheck, type TrustOptions, type ValidationTimeSource } from './certificate-path-check.js';
import { embeddedCertificates } from './embedded-certificates.js';
import { parseSignedData, type ParsedSignedData, type ParsedSignerInfo } from './parse-signed-data.js';
import { failed, passed, summarizeChecks, worstVerdict, type CheckResult, type Verdict } from './verification-report.js';
import { verifySignerInfo, type DetachedInput, type SignerCheck } from './verify-signer-info.js';

export type CmsCheckCode = 'CMS_MALFORMED' | 'CMS_NO_SIGNER' | `CMS_${SignerCheck}` | 'CMS_CERT_PATH' | TimestampCheckCode;

export interface VerifySignedDataOptions extends TrustOptions {
  readonly provider: CryptoProvider;
  /** The signed data (or its digest) for a detached signature. */
  readonly detachedContent?: DetachedInput;
  /** Certificates to look for the signer in, besides the embedded ones. */
  readonly certificates?: readonly Certificate[];
  /** Validation time; when absent: the signature timestamp, else clock.now(), else the claimed signing-time. */
  readonly at?: Date;
  readonly clock?: Clock;
}

export interface CmsSignerVerification extends Verdict {
  readonly index: number;
  readonly checks: readonly CheckResult<CmsCheckCode>[];
  readonly signerCertificate?: Certificate;
  readonly digestAlgorithm?: DigestAlgorithm;
  readonly signatureAlgorithm?: SignatureAlgorithm;
  /** The claimed signing-time attribute (not a proof of time). */
  readonly signingTime?: Date;
  /** Signature timestamps (id-aa-signatureTimeStampToken), each verified over this signature value. */
  readonly timestamps: readonly TimestampVerification[];
  readonly validationTime?: Date;
  readonly validationTimeSource?: ValidationTimeSource;
  /** Digest, signature and certificate binding passed (trust aside). */
  readonly intact: boolean;
}

export interface CmsVerification extends Verdict {
  /** Checks about the whole structure (CMS_MALFORMED, CMS_NO_SIGNER). */
  readonly checks: readonly CheckResult<CmsCheckCode>[];
  readonly signers: readonly CmsSignerVerification[];
  readonly contentType?: string;
  readonly gm?: boolean;
  readonly encapsulatedContent?: Uint8Array;
}

/**
 * Verifies a DER CMS SignedData (RFC 5652, GB/T 35275) and reports per SignerInfo; never throws for
 * bad input (malformed DER gives CMS_MALFORMED). The overall verdict is the worst signer's.
 */
export async function verifySignedData(der: Uint8Array, options: VerifySignedDataOptions): Promise<CmsVerification> {
  let sd: ParsedSignedData;
  try {
    sd = parseSignedData(der);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    const checks = [failed('CMS_MALFORMED' as const, 'TOTAL_FAILED', 'FORMAT_FAILURE', { error: e.code, message: e.message })];
    return { ...summarizeChecks(checks), checks, signers: [] };
  }
  const checks: CheckResult<CmsCheckCode>[] = [passed('CMS_MALFORMED')];
  if (sd.signerInfos.length === 0) checks.push(failed('CMS_NO_SIGNER', 'TOTAL_FAILED', 'FORMAT_FAILURE', { reason: 'no SignerInfo' }));
  else checks.push(passed('CMS_NO_SIGNER', { signers: sd.signerInfos.length }));
  const embedded = embeddedCertificates(sd.certificates).certificates;
  const signers: CmsSignerVerification[] = [];
  for (const [index, si] of sd.signerInfos.entries()) signers.push(await verifySigner(index, si, sd, embedded, options));
  return {
    ...worstVerdict([summarizeChecks(checks), ...signers]),
    checks,
    signers,
    contentType: sd.eContentType,
    gm: sd.gm,
    ...(sd.eContent ? { encapsulatedContent: sd.eContent } : {}),
  };
}

async function verifySigner(
  index: number,
  si: ParsedSignerInfo,
  sd: ParsedSignedData,
  embedded: readonly Certificate[],
  options: VerifySignedDataOptions,
): Promise<CmsSignerVerification> {
  const content = sd.eContent ?? options.detachedContent;
  const core = await verifySignerInfo(si, {
    prefix: 'CMS',
    provider: options.provider,
    eContentType: sd.eContentType,
    ...(content ? { content } : {}),
    certificates: [...embedded, ...(options.certificates ?? [])],
  });
  const checks: CheckResult<CmsCheckCode>[] = [...core.checks];
  // RFC 3161 Appendix A: the token's imprint is the hash of this SignerInfo's signature value.
  const timestamps: TimestampVerification[] = [];
  for (const attr of si.unsignedAttributes.filter((a) => a.type === OID.signatureTimeStampToken)) {
    for (const token of attr.values) {
      const ts = await verifyTimestampToken(token, { ...options, expectedImprint: { data: si.signature } });
      timestamps.push(ts);
      checks.push(...ts.checks);
    }
  }
  const trusted = (options.trustAnchors?.length ?? 0) > 0;
  const proof = timestamps
    .filter((t) => t.intact && (!trusted || t.indication === 'TOTAL_PASSED') && t.info)
    .map((t) => t.info?.genTime as Date)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  const [validationTime, validationTimeSource] = pickTime(options, proof, core.signingTime);
  if (core.signerCertificate) {
    checks.push(
      await certificatePathCheck('CMS_CERT_PATH', {
        ...options,
        certificate: core.signerCertificate,
        embedded,
        at: validationTime,
        timeSource: validationTimeSource,
      }),
    );
  }
  return {
    index,
    ...summarizeChecks(checks),
    checks,
    ...(core.signerCertificate ? { signerCertificate: core.signerCertificate } : {}),
    ...(core.digestAlgorithm ? { digestAlgorithm: core.digestAlgorithm } : {}),
    ...(core.signatureAlgorithm ? { signatureAlgorithm: core.signatureAlgorithm } : {}),
    ...(core.signingTime ? { signingTime: core.signingTime } : {}),
    timestamps,
    ...(validationTime ? { validationTime } : {}),
    ...(validationTimeSource ? { validationTimeSource } : {}),
    intact: core.intact && timestamps.every((t) => t.intact),
  };
}

function pickTime(options: VerifySignedDataOptions, proof: Date | undefined, signingTime: Date | undefined): [Date | undefined, ValidationTimeSource | undefined] {
  if (options.at) return [options.at, 'caller'];
  if (proof) return [proof, 'timestamp'];
  // signing-time is the signer's unauthenticated claim: without a proof of existence, validate now
  // (ETSI EN 319 102-1 best-signature-time); the claim is used only when no clock was given.
  if (options.clock) return [options.clock.now(), 'clock'];
  if (signingTime) return [signingTime, 'signing-time'];
  return [undefined, undefined];
}
