/**
 * Verifies one signature dictionary: ByteRange shape, the digest over it, the CMS (or, for a document
 * timestamp, the RFC 3161 token), the certificate path, and what later revisions changed.
 */
import { OID } from '@openseal/asn1';
import type { CryptoProvider, DigestAlgorithm, SignatureAlgorithm } from '@openseal/crypto';
import { OpenSealError, type Clock } from '@openseal/kernel';
import type { PdfDocument, PdfSignatureInfo } from '@openseal/pdf';
import {
  digestAlgorithmFromOid,
  parseTimestampToken,
  verifySignedData,
  verifyTimestampToken,
  type Certificate,
  type CheckResult,
  type RevocationSource,
  type TimestampVerification,
} from '@openseal/pki';
import { signatureTimestampTokens, trimDer, tryParseSignedData } from '../cms-in-contents.js';
import { byteRangeChunks, digestChunks } from '../digest-chunks.js';
import { docMdpPermission, fieldLocksOf, type MdpPermission } from '../mdp.js';
import { parsePdfDate } from '../pdf-date.js';
import { analyseModifications, type RevisionClassifier } from './analyse-modifications.js';
import { byteRangeCoverage, type ByteRangeCoverage } from './byte-range-coverage.js';
import type { ModificationFinding, PdfSignatureReport, TimestampReport, TrustReport } from './pdf-verification-report.js';

export interface SignatureVerifyContext {
  readonly doc: PdfDocument;
  readonly provider: CryptoProvider;
  readonly clock: Clock;
  readonly trustAnchors: readonly Certificate[];
  readonly intermediates: readonly Certificate[];
  readonly revocation?: RevocationSource;
  readonly revocationMode?: 'hard' | 'soft';
  readonly classifier: RevisionClassifier;
  /** DocMDP level of the document (3 when it is not certified). */
  readonly permission: MdpPermission;
}

/** Path checks decide trust, not validity. */
const TRUST_CODES = new Set(['CMS_CERT_PATH', 'TSA_CERT_PATH']);
const SUPPORTED = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);

function algorithmName(a: SignatureAlgorithm | undefined): string | undefined {
  return a ? `${a.name} with ${a.hash}` : undefined;
}

function trustOf(check: CheckResult | undefined): TrustReport {
  if (!check) return { status: 'unknown', reasons: ['no certificate to validate'] };
  const d = (check.details ?? {}) as { validationTime?: string; timeSource?: string; chain?: string[]; reasons?: string[]; reason?: string };
  const status = check.status === 'passed' ? 'trusted' : check.status === 'skipped' ? 'unknown' : 'untrusted';
  return {
    status,
    ...(d.validationTime ? { at: d.validationTime } : {}),
    ...(d.timeSource ? { timeSource: d.timeSource } : {}),
    ...(d.chain ? { chain: d.chain } : {}),
    ...(d.reasons ? { reasons: d.reasons } : d.reason ? { reasons: [d.reason] } : {}),
    ...(check.subIndication ? { subIndication: check.subIndication } : {}),
  };
}

function timestampReport(t: TimestampVerification): TimestampReport | undefined {
  if (!t.info) return undefined;
  return {
    time: t.info.genTime.toISOString(),
    ...(t.tsaCertificate ? { tsa: t.tsaCertificate.subject.toString() } : {}),
    serialNumber: t.info.serialNumber,
    verified: t.intact,
    trusted: t.checks.some((c) => c.code === 'TSA_CERT_PATH' && c.status === 'passed'),
  };
}

interface Base {
  readonly coverage: ByteRangeCoverage;
  readonly chunks: Uint8Array[] | undefined;
  readonly modifications: ModificationFinding[];
  readonly errors: string[];
}

function base(ctx: SignatureVerifyContext, sig: PdfSignatureInfo): Base {
  const coverage = byteRangeCoverage(ctx.doc, sig);
  const errors: string[] = [];
  if (coverage.anomalies.length > 0) errors.push('PADES_BYTE_RANGE_INVALID');
  const chunks = sig.byteRange && !coverage.anomalies.includes('OUTSIDE_FILE') && !coverage.anomalies.includes('BYTE_RANGE_MALFORMED') ? byteRangeChunks(ctx.doc.bytes, sig.byteRange) : undefined;
  let modifications: ModificationFinding[] = [];
  if (coverage.signedRevision !== undefined) {
    const view = ctx.doc.revision(coverage.signedRevision);
    modifications = analyseModifications(ctx.classifier, coverage.signedRevision, { permission: ctx.permission, locks: fieldLocksOf(view, sig.dict, sig.field.lock) });
    if (modifications.some((m) => !m.allowed)) errors.push('PADES_FORBIDDEN_MODIFICATION');
  }
  if (!sig.contents || sig.contents.length === 0) errors.push('PADES_CONTENTS_MISSING');
  return { coverage, chunks, modifications, errors };
}

function common(ctx: SignatureVerifyContext, sig: PdfSignatureInfo, index: number, b: Base): Pick<PdfSignatureReport, 'index' | 'field' | 'coverage' | 'coversWholeDocument' | 'modifications'> & Partial<PdfSignatureReport> {
  const texts = { reason: sig.reason, location: sig.location, name: sig.name, contactInfo: sig.contactInfo };
  return {
    index,
    field: sig.fieldName,
    ...(sig.subFilter ? { subFilter: sig.subFilter } : {}),
    coverage: b.coverage,
    coversWholeDocument: b.coverage.level === 'ENTIRE_FILE',
    modifications: b.modifications,
    ...Object.fromEntries(Object.entries(texts).filter(([, v]) => v !== undefined)),
  };
}

function finish(
  partial: ReturnType<typeof common>,
  fields: { kind: PdfSignatureReport['kind']; intact: boolean; signatureValid: boolean; errors: string[]; warnings: string[]; trust: TrustReport; checks: readonly CheckResult[] },
  extra: Partial<PdfSignatureReport>,
): PdfSignatureReport {
  const errors = [...new Set(fields.errors)];
  const valid = fields.intact && fields.signatureValid && errors.length === 0;
  const trusted = fields.trust.status === 'trusted';
  const firstFailure = fields.checks.find((c) => c.status === 'failed' && !TRUST_CODES.has(c.code));
  const indication = !valid ? 'TOTAL_FAILED' : trusted ? 'TOTAL_PASSED' : 'INDETERMINATE';
  const subIndication = !valid
    ? (firstFailure?.subIndication ?? (errors.includes('PADES_FORBIDDEN_MODIFICATION') ? 'SIG_CONSTRAINTS_FAILURE' : 'FORMAT_FAILURE'))
    : trusted
      ? undefined
      : (fields.trust.subIndication ?? 'NO_CERTIFICATE_CHAIN_FOUND');
  return {
    ...partial,
    ...extra,
    kind: fields.kind,
    intact: fields.intact,
    signatureValid: fields.signatureValid,
    valid,
    trusted,
    trust: fields.trust,
    errors,
    warnings: fields.warnings,
    indication,
    ...(subIndication ? { subIndication } : {}),
    checks: fields.checks,
  };
}

/** Verifies an approval or certification signature (ETSI.CAdES.detached, adbe.pkcs7.detached). */
export interface VerifiedSignature {
  readonly report: PdfSignatureReport;
  /** The signer (or TSA) certificate, for level and DSS checks. */
  readonly certificate?: Certificate;
}

export async function verifySignature(ctx: SignatureVerifyContext, sig: PdfSignatureInfo, index: number): Promise<VerifiedSignature> {
  const b = base(ctx, sig);
  const partial = common(ctx, sig, index, b);
  const errors = [...b.errors];
  const warnings: string[] = [];
  const claimed = sig.signingTime ? parsePdfDate(sig.signingTime) : undefined;
  const certification = docMdpPermission(ctx.doc.latest, sig.dict);
  const locks = fieldLocksOf(ctx.doc.latest, sig.dict, sig.field.lock);
  const extra: Partial<PdfSignatureReport> = {
    ...(claimed ? { claimedSigningTime: claimed.toISOString() } : {}),
    ...(certification ? { certification: { permission: certification } } : {}),
    ...(locks.length > 0 ? { locks } : {}),
  };
  const none = (more: string[]): VerifiedSignature => ({
    report: finish(partial, { kind: 'signature', intact: false, signatureValid: false, errors: [...errors, ...more], warnings, trust: trustOf(undefined), checks: [] }, extra),
  });
  if (!sig.subFilter || !SUPPORTED.has(sig.subFilter)) return none(['PADES_SUBFILTER_UNSUPPORTED']);
  const sd = sig.contents ? tryParseSignedData(sig.contents) : undefined;
  if (!sd) return none(['CMS_MALFORMED']);
  const si = sd.signerInfos[0];
  if (!si) return none(['CMS_NO_SIGNER']);
  if (sd.signerInfos.length !== 1) errors.push('PADES_SIGNER_COUNT');
  let digestAlgorithm: DigestAlgorithm;
  try {
    digestAlgorithm = digestAlgorithmFromOid(si.digestAlgorithm.oid);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return none(['CMS_ALGORITHM_UNSUPPORTED']);
  }
  if (!b.chunks) return none([]);
  const digest = digestChunks(ctx.provider, digestAlgorithm, b.chunks);
  const hasTime = signatureTimestampTokens(si).length > 0 || (si.signedAttributes ?? []).some((a) => a.type === OID.signingTime);
  if (sig.subFilter === 'ETSI.CAdES.detached' && (si.signedAttributes ?? []).some((a) => a.type === OID.signingTime)) warnings.push('PADES_SIGNING_TIME_ATTRIBUTE');
  const cms = await verifySignedData(trimDer(sig.contents as Uint8Array), {
    provider: ctx.provider,
    detachedContent: { digest, digestAlgorithm },
    trustAnchors: ctx.trustAnchors,
    intermediates: ctx.intermediates,
    certificates: ctx.intermediates,
    ...(ctx.revocation ? { revocation: ctx.revocation } : {}),
    ...(ctx.revocationMode ? { revocationMode: ctx.revocationMode } : {}),
    clock: ctx.clock,
    // Without a timestamp or signing-time attribute, the claimed /M is the time the chain is judged at.
    ...(hasTime ? {} : { at: claimed ?? ctx.clock.now() }),
  });
  const signer = cms.signers[0];
  const checks: CheckResult[] = [...cms.checks, ...(signer?.checks ?? [])];
  for (const c of checks) if (c.status === 'failed' && !TRUST_CODES.has(c.code)) errors.push(c.code);
  const pathCheck = checks.find((c) => c.code === 'CMS_CERT_PATH');
  if (pathCheck?.subIndication === 'REVOKED') errors.push('CERT_REVOKED');
  if (!checks.some((c) => c.code === 'CMS_SIGNING_CERT_MISMATCH' && c.status === 'passed') && sig.subFilter === 'ETSI.CAdES.detached') warnings.push('PADES_NO_SIGNING_CERTIFICATE_ATTRIBUTE');
  const intact = checks.some((c) => c.code === 'CMS_DIGEST_MISMATCH' && c.status === 'passed');
  const ts = signer?.timestamps.find((t) => t.intact && t.info);
  const tsReport = ts ? timestampReport(ts) : signer?.timestamps[0] ? timestampReport(signer.timestamps[0]) : undefined;
  const signedAt: [string, 'timestamp' | 'signing-time' | 'M'] | undefined = ts?.info
    ? [ts.info.genTime.toISOString(), 'timestamp']
    : signer?.signingTime
      ? [signer.signingTime.toISOString(), 'signing-time']
      : claimed
        ? [claimed.toISOString(), 'M']
        : undefined;
  const cert = signer?.signerCertificate;
  const report = finish(
    partial,
    { kind: 'signature', intact, signatureValid: signer?.intact ?? false, errors, warnings, trust: trustOf(pathCheck), checks },
    {
      ...extra,
      ...(cert ? { signer: cert.subject.toString(), issuer: cert.issuer.toString(), serialNumber: cert.serialNumber } : {}),
      ...(signer?.signatureAlgorithm ? { algorithm: algorithmName(signer.signatureAlgorithm) as string } : {}),
      digestAlgorithm,
      ...(signedAt ? { signedAt: signedAt[0], signedAtSource: signedAt[1] } : {}),
      ...(tsReport ? { timestamp: tsReport } : {}),
    },
  );
  return cert ? { report, certificate: cert } : { report };
}

/** Verifies a document timestamp (/SubFilter /ETSI.RFC3161): the token's imprint is the ByteRange digest. */
export async function verifyDocumentTimestamp(ctx: SignatureVerifyContext, sig: PdfSignatureInfo, index: number): Promise<VerifiedSignature> {
  const b = base(ctx, sig);
  const partial = common(ctx, sig, index, b);
  const errors = [...b.errors];
  const fail = (more: string[]): VerifiedSignature => ({
    report: finish(partial, { kind: 'document-timestamp', intact: false, signatureValid: false, errors: [...errors, ...more], warnings: [], trust: trustOf(undefined), checks: [] }, {}),
  });
  if (!sig.contents) return fail([]);
  const token = trimDer(sig.contents);
  let alg: DigestAlgorithm | undefined;
  try {
    alg = parseTimestampToken(token).info.messageImprint.hashAlgorithm;
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return fail(['TSA_MALFORMED']);
  }
  if (!alg) return fail(['TSA_ALGORITHM_UNSUPPORTED']);
  if (!b.chunks) return fail([]);
  const digest = digestChunks(ctx.provider, alg, b.chunks);
  const v = await verifyTimestampToken(token, {
    provider: ctx.provider,
    expectedImprint: { digest, digestAlgorithm: alg },
    trustAnchors: ctx.trustAnchors,
    intermediates: ctx.intermediates,
    certificates: ctx.intermediates,
    ...(ctx.revocation ? { revocation: ctx.revocation } : {}),
    ...(ctx.revocationMode ? { revocationMode: ctx.revocationMode } : {}),
  });
  for (const c of v.checks) if (c.status === 'failed' && !TRUST_CODES.has(c.code)) errors.push(c.code);
  const intact = v.checks.some((c) => c.code === 'TSA_IMPRINT_MISMATCH' && c.status === 'passed');
  const report = timestampReport(v);
  const tsa = v.tsaCertificate;
  const out = finish(
    partial,
    { kind: 'document-timestamp', intact, signatureValid: v.intact, errors, warnings: [], trust: trustOf(v.checks.find((c) => c.code === 'TSA_CERT_PATH')), checks: v.checks },
    {
      ...(tsa ? { signer: tsa.subject.toString(), issuer: tsa.issuer.toString(), serialNumber: tsa.serialNumber } : {}),
      digestAlgorithm: alg,
      ...(report ? { timestamp: report, signedAt: report.time, signedAtSource: 'timestamp' as const } : {}),
    },
  );
  return tsa ? { report: out, certificate: tsa } : { report: out };
}
