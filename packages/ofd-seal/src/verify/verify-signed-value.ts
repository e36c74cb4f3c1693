import { isDerEcSignature, type CryptoProvider, type SignatureAlgorithm } from '@openseal/crypto';
import type { Clock } from '@openseal/kernel';
import { verifySignedData, type Certificate, type CheckResult, type TimestampVerification } from '@openseal/pki';
import { verifySesSignature, type SesTrustOptions, type Seal } from '@openseal/ses';
import type { SealSummary, TimestampReport } from './ofd-verification-report.js';

export interface SignedValueResult {
  readonly checks: readonly CheckResult[];
  readonly signer?: Certificate;
  readonly algorithm?: SignatureAlgorithm;
  readonly signedAt?: Date;
  readonly signedAtSource?: 'timestamp' | 'timeInfo' | 'signing-time';
  readonly timestamp?: TimestampReport;
  /** The signature value itself verifies with the signer certificate. */
  readonly signatureValid: boolean;
  /** Signature value and data hash intact. */
  readonly intact: boolean;
  readonly seal?: Seal;
  readonly sealSummary?: SealSummary;
  readonly propertyInfo?: string;
}

export interface SignedValueOptions extends SesTrustOptions {
  readonly provider: CryptoProvider;
  readonly clock: Clock;
}

/** Type="Seal": SES_Signature over TBS_Sign with dataHash = hash(Signature.xml) (ses digest §8.2). */
export async function verifySealValue(signedValue: Uint8Array, signatureXml: Uint8Array, options: SignedValueOptions): Promise<SignedValueResult> {
  const v = await verifySesSignature(signedValue, { ...options, data: signatureXml });
  const sig = v.signature;
  const seal = v.seal;
  const ts = v.timestamp;
  return {
    checks: v.checks,
    ...(v.signerCertificate ? { signer: v.signerCertificate } : {}),
    ...(v.signatureAlgorithm ? { algorithm: v.signatureAlgorithm } : {}),
    ...(v.signingTime ? { signedAt: v.signingTime, signedAtSource: v.signingTimeSource === 'timestamp' ? 'timestamp' : 'timeInfo' } : {}),
    ...(ts ? timestampReport(ts) : {}),
    intact: v.intact,
    signatureValid: v.checks.some((c) => c.code === 'SES_SIGNATURE_VALUE' && c.status === 'passed'),
    ...(sig
      ? {
          seal: sig.seal,
          propertyInfo: sig.propertyInfo,
          sealSummary: {
            name: sig.seal.name,
            type: sig.seal.type,
            esId: sig.seal.esId,
            version: sig.seal.version,
            vid: sig.seal.header.vid,
            ...(seal?.makerCertificate ? { maker: seal.makerCertificate.subject.toString() } : {}),
            makerSignatureValid: seal?.checks.some((c) => c.code === 'SEAL_MAKER_SIGNATURE' && c.status === 'passed') ?? false,
            ...(seal?.makerSignedOver ? { makerSignedOver: seal.makerSignedOver } : {}),
            validStart: sig.seal.validStart.date.toISOString(),
            validEnd: sig.seal.validEnd.date.toISOString(),
            picture: { type: sig.seal.picture.type, widthMm: sig.seal.picture.widthMm, heightMm: sig.seal.picture.heightMm },
          },
        }
      : {}),
  };
}

/**
 * Type="Sign": GB/T 35275 / RFC 5652 SignedData whose content or messageDigest is the hash of Signature.xml.
 * A bare SEQUENCE{r,s} (ofdrw's DigitalSign) names no certificate, so it cannot be verified.
 */
export async function verifySignValue(signedValue: Uint8Array, signatureXml: Uint8Array, options: SignedValueOptions): Promise<SignedValueResult> {
  if (isBareSignature(signedValue)) {
    return {
      checks: [{ code: 'OFD_SIGNED_VALUE', status: 'failed', indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND', details: { reason: 'SignedValue.dat is a bare signature SEQUENCE{r,s} without a certificate' } }],
      intact: false,
      signatureValid: false,
    };
  }
  const v = await verifySignedData(signedValue, {
    provider: options.provider,
    detachedContent: signatureXml,
    clock: options.clock,
    ...(options.trustAnchors ? { trustAnchors: options.trustAnchors } : {}),
    ...(options.intermediates ? { intermediates: options.intermediates } : {}),
    ...(options.revocation ? { revocation: options.revocation } : {}),
  });
  const signer = v.signers[0];
  const checks: CheckResult[] = [...v.checks, ...(signer?.checks ?? [])];
  if (v.signers.length !== 1) checks.push({ code: 'OFD_SIGNED_VALUE', status: 'failed', indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', details: { signers: v.signers.length, reason: 'exactly one SignerInfo expected' } });
  const ts = signer?.timestamps[0];
  const stamped = ts?.intact === true && ts.info !== undefined;
  const signedAt = stamped ? ts?.info?.genTime : signer?.signingTime;
  const cert = signer?.signerCertificate;
  if (cert && signedAt) {
    // As for seals (GB/T 38540 §7.3 d): the certificate must be valid at the signing time, trust anchors or not.
    const ok = signedAt >= cert.notBefore && signedAt <= cert.notAfter;
    const details = { signingTime: signedAt.toISOString(), notBefore: cert.notBefore.toISOString(), notAfter: cert.notAfter.toISOString() };
    checks.push(ok ? { code: 'CMS_SIGNER_CERT_VALIDITY', status: 'passed', details } : { code: 'CMS_SIGNER_CERT_VALIDITY', status: 'failed', indication: 'TOTAL_FAILED', subIndication: signedAt < cert.notBefore ? 'NOT_YET_VALID' : 'EXPIRED', details });
  }
  return {
    checks,
    ...(signer?.signerCertificate ? { signer: signer.signerCertificate } : {}),
    ...(signer?.signatureAlgorithm ? { algorithm: signer.signatureAlgorithm } : {}),
    ...(signedAt ? { signedAt, signedAtSource: stamped ? 'timestamp' : 'signing-time' } : {}),
    ...(ts ? timestampReport(ts) : {}),
    intact: signer?.intact === true,
    signatureValid: signer?.checks.some((c) => c.code === 'CMS_SIGNATURE_INVALID' && c.status === 'passed') ?? false,
  };
}

function timestampReport(ts: TimestampVerification): { timestamp?: TimestampReport } {
  if (!ts.info) return {};
  return {
    timestamp: {
      time: ts.info.genTime.toISOString(),
      ...(ts.tsaCertificate ? { tsa: ts.tsaCertificate.subject.toString() } : {}),
      serialNumber: ts.info.serialNumber,
      verified: ts.intact,
      trusted: ts.checks.some((c) => c.code === 'TSA_CERT_PATH' && c.status === 'passed'),
    },
  };
}

/** DER SEQUENCE of exactly two INTEGERs. */
function isBareSignature(der: Uint8Array): boolean {
  return isDerEcSignature(der);
}
