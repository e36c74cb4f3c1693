import { OID } from '@openseal/asn1';
import type { CryptoProvider } from '@openseal/crypto';
import { OpenSealError, equalBytes, toHex, type Clock } from '@openseal/kernel';
import { certificatePathCheck, type TrustOptions } from '../cms/certificate-path-check.js';
import { embeddedCertificates } from '../cms/embedded-certificates.js';
import { signatureAlgorithmOf } from '../cms/signature-algorithm-of.js';
import { failed, passed, skipped, summarizeChecks, type CheckResult, type Verdict } from '../cms/verification-report.js';
import type { Certificate } from '../x509/certificate.js';
import { computeKeyIdentifier } from '../x509/fingerprint.js';
import { samePublicKey } from '../x509/same-public-key.js';
import { verifyCertificateSignature } from '../x509/verify-certificate-signature.js';
import { certIdMatches } from './cert-id.js';
import { parseOcspResponse, type BasicOcspResponse, type OcspResponse, type SingleOcspResponse } from './parse-ocsp-response.js';

export type OcspCheckCode =
  | 'OCSP_MALFORMED'
  | 'OCSP_NOT_SUCCESSFUL'
  | 'OCSP_RESPONDER_CERT_MISSING'
  | 'OCSP_SIGNATURE_INVALID'
  | 'OCSP_RESPONDER_UNAUTHORIZED'
  | 'OCSP_NONCE_MISMATCH'
  | 'OCSP_CERT_NOT_IN_RESPONSE'
  | 'OCSP_NOT_YET_VALID'
  | 'OCSP_EXPIRED'
  | 'OCSP_RESPONDER_CERT_PATH';

export interface VerifyOcspResponseOptions extends Omit<TrustOptions, 'revocation' | 'revocationMode'> {
  readonly provider: CryptoProvider;
  /** The CA that issued the certificate(s) asked about. */
  readonly issuer: Certificate;
  /** The certificate whose status is wanted; its SingleResponse is returned. */
  readonly certificate?: Certificate;
  readonly expectedNonce?: Uint8Array;
  /** Freshness time: thisUpdate ≤ at ≤ nextUpdate (with skew). Without at/clock freshness is not checked. */
  readonly at?: Date;
  readonly clock?: Clock;
  /** When there is no nextUpdate, how old thisUpdate may be (default: any age). */
  readonly maxAgeSeconds?: number;
  /** Default 300 s. */
  readonly clockSkewSeconds?: number;
  /** Where else to look for the responder certificate. */
  readonly certificates?: readonly Certificate[];
}

export interface OcspVerification extends Verdict {
  readonly checks: readonly CheckResult<OcspCheckCode>[];
  readonly response?: OcspResponse;
  readonly singleResponse?: SingleOcspResponse;
  readonly responderCertificate?: Certificate;
  /** Parsed, signed by an authorised responder, nonce matched and the certificate answered for (trust and time aside). */
  readonly intact: boolean;
}

/**
 * Verifies an OCSPResponse (RFC 6960 §3.2): signature, responder authorisation (the CA, a delegated
 * id-kp-OCSPSigning certificate it issued, or a locally trusted responder), nonce, freshness.
 * The certificate status is data in `singleResponse`; a revoked certificate is a valid response.
 */
export async function verifyOcspResponse(der: Uint8Array, options: VerifyOcspResponseOptions): Promise<OcspVerification> {
  let response: OcspResponse;
  try {
    response = parseOcspResponse(der);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return report([failed('OCSP_MALFORMED', 'TOTAL_FAILED', 'FORMAT_FAILURE', { error: e.code, message: e.message })], false);
  }
  const checks: CheckResult<OcspCheckCode>[] = [passed('OCSP_MALFORMED')];
  const basic = response.basic;
  if (!basic) {
    checks.push(failed('OCSP_NOT_SUCCESSFUL', 'INDETERMINATE', 'TRY_LATER', { status: response.status }));
    return report(checks, false, response);
  }
  checks.push(passed('OCSP_NOT_SUCCESSFUL'));
  const { provider, issuer } = options;
  const embedded = embeddedCertificates(basic.certificates).certificates;
  const candidates = [issuer, ...embedded, ...(options.certificates ?? []), ...(options.trustAnchors ?? [])];
  const responder = candidates.find((c) => namesResponder(basic, c, provider));
  if (!responder) {
    checks.push(failed('OCSP_RESPONDER_CERT_MISSING', 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', responderIdDetails(basic)));
    return report(checks, false, response);
  }
  checks.push(passed('OCSP_RESPONDER_CERT_MISSING', { responder: responder.subject.toString() }));
  const signature = await signatureCheck(basic, responder, provider);
  checks.push(signature);
  const authorization = await authorizationCheck(responder, options);
  checks.push(authorization.check);
  const nonce = nonceCheck(basic, options.expectedNonce);
  checks.push(nonce);
  const single = options.certificate ? basic.responses.find((r) => certIdMatches(r.certId, options.certificate as Certificate, issuer, provider)) : undefined;
  if (!options.certificate) checks.push(skipped('OCSP_CERT_NOT_IN_RESPONSE', { reason: 'no certificate asked about' }));
  else if (!single) checks.push(failed('OCSP_CERT_NOT_IN_RESPONSE', 'INDETERMINATE', 'TRY_LATER', { serialNumber: options.certificate.serialNumber }));
  else checks.push(passed('OCSP_CERT_NOT_IN_RESPONSE', { status: single.status }));
  checks.push(...freshnessChecks(single ?? basic.responses[0], options));
  if (options.trustAnchors && options.trustAnchors.length > 0) {
    checks.push(
      await certificatePathCheck('OCSP_RESPONDER_CERT_PATH', {
        trustAnchors: options.trustAnchors,
        intermediates: [issuer, ...(options.intermediates ?? [])],
        certificate: authorization.delegated ? responder : issuer,
        embedded,
        at: options.at ?? basic.producedAt,
        timeSource: options.at ? 'caller' : 'token-time',
        provider,
        ...(authorization.delegated ? { requiredExtKeyUsage: [OID.kpOCSPSigning] } : {}),
      }),
    );
  } else {
    checks.push({ ...skipped('OCSP_RESPONDER_CERT_PATH', { reason: 'no trust anchors given' }), indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
  }
  const intact =
    signature.status === 'passed' &&
    authorization.check.status === 'passed' &&
    nonce.status !== 'failed' &&
    (options.certificate === undefined || single !== undefined);
  return report(checks, intact, response, single, responder);
}

function namesResponder(basic: BasicOcspResponse, cert: Certificate, provider: CryptoProvider): boolean {
  const id = basic.responderId;
  if ('byName' in id) return id.byName.equals(cert.subject);
  return equalBytes(id.byKey, computeKeyIdentifier(cert.publicKey, provider));
}

function responderIdDetails(basic: BasicOcspResponse): Record<string, unknown> {
  const id = basic.responderId;
  return 'byName' in id ? { byName: id.byName.toString() } : { byKey: toHex(id.byKey) };
}

async function signatureCheck(basic: BasicOcspResponse, responder: Certificate, provider: CryptoProvider): Promise<CheckResult<OcspCheckCode>> {
  try {
    const alg = signatureAlgorithmOf(basic.signatureAlgorithm);
    if (await provider.verify(alg, responder.publicKey, basic.tbsResponseData, basic.signature)) return passed('OCSP_SIGNATURE_INVALID', { algorithm: alg.name });
    return failed('OCSP_SIGNATURE_INVALID', 'TOTAL_FAILED', 'SIG_CRYPTO_FAILURE', { algorithm: alg.name });
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return failed('OCSP_SIGNATURE_INVALID', 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE', { algorithm: basic.signatureAlgorithm.oid, error: e.code });
  }
}

/** RFC 6960 §4.2.2.2: the CA itself, a delegated responder it signed (with id-kp-OCSPSigning), or a trusted one. */
async function authorizationCheck(
  responder: Certificate,
  options: VerifyOcspResponseOptions,
): Promise<{ check: CheckResult<OcspCheckCode>; delegated: boolean }> {
  const { issuer, provider } = options;
  if (responder.subject.equals(issuer.subject) && samePublicKey(responder.publicKey, issuer.publicKey)) {
    return { check: passed('OCSP_RESPONDER_UNAUTHORIZED', { responder: 'issuing CA' }), delegated: false };
  }
  if ((options.trustAnchors ?? []).some((t) => t.equals(responder))) {
    return { check: passed('OCSP_RESPONDER_UNAUTHORIZED', { responder: 'locally trusted' }), delegated: false };
  }
  const ekuOk = (responder.extKeyUsage ?? []).includes(OID.kpOCSPSigning);
  let signedByIssuer = false;
  if (responder.issuer.equals(issuer.subject)) {
    try {
      signedByIssuer = await verifyCertificateSignature(responder, issuer, provider);
    } catch (e) {
      if (!(e instanceof OpenSealError)) throw e;
      signedByIssuer = false; // unsupported algorithm: cannot show the CA delegated to this responder
    }
  }
  if (ekuOk && signedByIssuer) return { check: passed('OCSP_RESPONDER_UNAUTHORIZED', { responder: 'delegated' }), delegated: true };
  return {
    check: failed('OCSP_RESPONDER_UNAUTHORIZED', 'TOTAL_FAILED', 'SIG_CONSTRAINTS_FAILURE', {
      responder: responder.subject.toString(),
      ocspSigningEku: ekuOk,
      issuedByCa: signedByIssuer,
    }),
    delegated: true,
  };
}

function nonceCheck(basic: BasicOcspResponse, expected: Uint8Array | undefined): CheckResult<OcspCheckCode> {
  if (!expected) return skipped('OCSP_NONCE_MISMATCH');
  if (!basic.nonce || !equalBytes(basic.nonce, expected)) {
    return failed('OCSP_NONCE_MISMATCH', 'TOTAL_FAILED', 'FORMAT_FAILURE', { expected: toHex(expected), actual: basic.nonce ? toHex(basic.nonce) : null });
  }
  return passed('OCSP_NONCE_MISMATCH');
}

/** RFC 6960 §4.2.2.1 / §3.2 (7): thisUpdate is not in the future; nextUpdate, when set, is not past. */
function freshnessChecks(single: SingleOcspResponse | undefined, options: VerifyOcspResponseOptions): CheckResult<OcspCheckCode>[] {
  const at = options.at ?? options.clock?.now();
  if (!at || !single) return [skipped('OCSP_NOT_YET_VALID'), skipped('OCSP_EXPIRED')];
  const skew = (options.clockSkewSeconds ?? 300) * 1000;
  const t = at.getTime();
  const out: CheckResult<OcspCheckCode>[] = [];
  out.push(
    single.thisUpdate.getTime() > t + skew
      ? failed('OCSP_NOT_YET_VALID', 'INDETERMINATE', 'TRY_LATER', { thisUpdate: single.thisUpdate.toISOString(), at: at.toISOString() })
      : passed('OCSP_NOT_YET_VALID'),
  );
  const limit = single.nextUpdate?.getTime() ?? (options.maxAgeSeconds === undefined ? undefined : single.thisUpdate.getTime() + options.maxAgeSeconds * 1000);
  out.push(
    limit !== undefined && limit < t - skew
      ? failed('OCSP_EXPIRED', 'INDETERMINATE', 'TRY_LATER', { until: new Date(limit).toISOString(), at: at.toISOString() })
      : passed('OCSP_EXPIRED'),
  );
  return out;
}

function report(
  checks: CheckResult<OcspCheckCode>[],
  intact: boolean,
  response?: OcspResponse,
  singleResponse?: SingleOcspResponse,
  responderCertificate?: Certificate,
): OcspVerification {
  return {
    ...summarizeChecks(checks),
    checks,
    intact,
    ...(response ? { response } : {}),
    ...(singleResponse ? { singleResponse } : {}),
    ...(responderCertificate ? { responderCertificate } : {}),
  };
}
