import { OID } from '@openseal/asn1';
import type { CryptoProvider, DigestAlgorithm } from '@openseal/crypto';
import { OpenSealError, equalBytes, toHex } from '@openseal/kernel';
import { certificatePathCheck, type TrustOptions } from '../cms/certificate-path-check.js';
import { embeddedCertificates } from '../cms/embedded-certificates.js';
import { failed, passed, skipped, summarizeChecks, type CheckResult, type Verdict } from '../cms/verification-report.js';
import { verifySignerInfo, type SignerCheck } from '../cms/verify-signer-info.js';
import type { Certificate } from '../x509/certificate.js';
import { parseTimestampToken, type ParsedTimestampToken, type TimestampInfo } from './parse-timestamp-token.js';

export type TimestampCheckCode =
  | 'TSA_MALFORMED'
  | `TSA_${SignerCheck}`
  | 'TSA_CERT_EKU'
  | 'TSA_IMPRINT_MISMATCH'
  | 'TSA_NONCE_MISMATCH'
  | 'TSA_CERT_PATH';

/** What the token must be a timestamp of: the data, or its digest. */
export type ExpectedImprint = { readonly data: Uint8Array } | { readonly digest: Uint8Array; readonly digestAlgorithm?: DigestAlgorithm };

export interface VerifyTimestampTokenOptions extends TrustOptions {
  readonly provider: CryptoProvider;
  readonly expectedImprint?: ExpectedImprint;
  readonly expectedNonce?: bigint;
  /** Where to look for the TSA certificate when the token does not embed it. */
  readonly certificates?: readonly Certificate[];
  /** Validation time of the TSA certificate chain; default the token's genTime. */
  readonly at?: Date;
}

export interface TimestampVerification extends Verdict {
  readonly checks: readonly CheckResult<TimestampCheckCode>[];
  readonly info?: TimestampInfo;
  readonly tsaCertificate?: Certificate;
  /** Signature, content digest, ESS binding, EKU, imprint and nonce all passed (trust aside). */
  readonly intact: boolean;
}

/** Verifies an RFC 3161 TimeStampToken; returns a report and never throws for bad input. */
export async function verifyTimestampToken(tokenDer: Uint8Array, options: VerifyTimestampTokenOptions): Promise<TimestampVerification> {
  let token: ParsedTimestampToken;
  try {
    token = parseTimestampToken(tokenDer);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return report([failed('TSA_MALFORMED', 'TOTAL_FAILED', 'FORMAT_FAILURE', { error: e.code, message: e.message })], false);
  }
  const { signedData, info } = token;
  const [signerInfo, ...others] = signedData.signerInfos;
  if (!signerInfo || others.length > 0) {
    return report([failed('TSA_MALFORMED', 'TOTAL_FAILED', 'FORMAT_FAILURE', { reason: 'a token has exactly one SignerInfo', signerInfos: signedData.signerInfos.length })], false, info);
  }
  const checks: CheckResult<TimestampCheckCode>[] = [passed('TSA_MALFORMED')];
  const embedded = embeddedCertificates(signedData.certificates).certificates;
  const signer = await verifySignerInfo(signerInfo, {
    prefix: 'TSA',
    provider: options.provider,
    eContentType: OID.tstInfo,
    ...(signedData.eContent ? { content: signedData.eContent } : {}),
    certificates: [...embedded, ...(options.certificates ?? [])],
    requireSigningCertificate: true,
  });
  checks.push(...signer.checks);
  const tsaCert = signer.signerCertificate;
  let intact = signer.intact;
  if (tsaCert) {
    const eku = tsaCert.extensions.extKeyUsage;
    // RFC 3161 §2.3: exactly one extended key usage, id-kp-timeStamping, and the extension is critical.
    if (eku && eku.critical && eku.purposes.length === 1 && eku.purposes[0] === OID.kpTimeStamping) checks.push(passed('TSA_CERT_EKU'));
    else {
      checks.push(failed('TSA_CERT_EKU', 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', { purposes: eku?.purposes ?? [], critical: eku?.critical ?? false }));
      intact = false;
    }
  }
  const imprint = imprintCheck(info, options);
  checks.push(imprint);
  const nonce = nonceCheck(info, options.expectedNonce);
  checks.push(nonce);
  intact &&= imprint.status !== 'failed' && nonce.status !== 'failed';
  if (tsaCert) {
    const explicit = options.at;
    checks.push(
      await certificatePathCheck('TSA_CERT_PATH', {
        ...options,
        certificate: tsaCert,
        embedded,
        at: explicit ?? info.genTime,
        timeSource: explicit ? 'caller' : 'token-time',
        requiredExtKeyUsage: [OID.kpTimeStamping],
      }),
    );
  }
  return report(checks, intact, info, tsaCert);
}

function imprintCheck(info: TimestampInfo, options: VerifyTimestampTokenOptions): CheckResult<'TSA_IMPRINT_MISMATCH'> {
  const expected = options.expectedImprint;
  if (!expected) return skipped('TSA_IMPRINT_MISMATCH', { reason: 'no expected imprint given' });
  const alg = info.messageImprint.hashAlgorithm;
  if (!alg) {
    return failed('TSA_IMPRINT_MISMATCH', 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE', { hashAlgorithm: info.messageImprint.hashAlgorithmOid });
  }
  let digest: Uint8Array;
  if ('data' in expected) digest = options.provider.digest(alg, expected.data);
  else if (expected.digestAlgorithm === undefined || expected.digestAlgorithm === alg) digest = expected.digest;
  else return failed('TSA_IMPRINT_MISMATCH', 'TOTAL_FAILED', 'HASH_FAILURE', { expectedAlgorithm: expected.digestAlgorithm, actualAlgorithm: alg });
  if (!equalBytes(digest, info.messageImprint.digest)) {
    return failed('TSA_IMPRINT_MISMATCH', 'TOTAL_FAILED', 'HASH_FAILURE', { hashAlgorithm: alg, expected: toHex(digest), actual: toHex(info.messageImprint.digest) });
  }
  return passed('TSA_IMPRINT_MISMATCH', { hashAlgorithm: alg });
}

function nonceCheck(info: TimestampInfo, expected: bigint | undefined): CheckResult<'TSA_NONCE_MISMATCH'> {
  if (expected === undefined) return skipped('TSA_NONCE_MISMATCH');
  if (info.nonce !== expected) {
    return failed('TSA_NONCE_MISMATCH', 'TOTAL_FAILED', 'FORMAT_FAILURE', { expected: expected.toString(16), actual: info.nonce?.toString(16) ?? null });
  }
  return passed('TSA_NONCE_MISMATCH');
}

function report(checks: CheckResult<TimestampCheckCode>[], intact: boolean, info?: TimestampInfo, tsaCertificate?: Certificate): TimestampVerification {
  return { ...summarizeChecks(checks), checks, intact, ...(info ? { info } : {}), ...(tsaCertificate ? { tsaCertificate } : {}) };
}
