/**
 * Verifies every signature and document timestamp of a PDF and reports what was signed, by whom, and
 * what changed afterwards. Never throws for a bad document: parse failures become report errors.
 */
import type { CryptoProvider } from '@openseal/crypto';
import { OpenSealError, type Clock } from '@openseal/kernel';
import { PdfDocument, type PdfLimits, type PdfSignatureInfo } from '@openseal/pdf';
import { CompositeRevocationSource, CrlRevocationSource, OcspRevocationSource, type Certificate, type RevocationSource } from '@openseal/pki';
import { documentCertification } from '../mdp.js';
import { RevisionClassifier } from './analyse-modifications.js';
import type { PdfSignatureReport, PdfVerificationReport } from './pdf-verification-report.js';
import { orderedSignatures } from './ordered-signatures.js';
import { readDss, type DssContents } from './read-dss.js';
import { signatureLevel, type DssRevision } from './signature-level.js';
import { verifyDocumentTimestamp, verifySignature, type SignatureVerifyContext, type VerifiedSignature } from './verify-signature.js';

export interface VerifyPdfOptions {
  readonly provider: CryptoProvider;
  /** Certificates trusted as roots; without them trust is reported as unknown. */
  readonly trustAnchors?: readonly Certificate[];
  /** Extra untrusted certificates to build chains with. */
  readonly intermediates?: readonly Certificate[];
  /** Caller's revocation source (CRL/OCSP, fetched or given); DSS data is used as well. */
  readonly revocation?: RevocationSource;
  /** Default 'hard' with a caller's source (unknown status → not trusted), 'soft' with embedded data only. */
  readonly revocationMode?: 'hard' | 'soft';
  /** Use the document's DSS (certificates, CRLs, OCSP responses); default true. */
  readonly useEmbeddedValidationData?: boolean;
  readonly clock: Clock;
  readonly password?: string;
  /** Overall `valid` also requires every signature to be trusted. */
  readonly requireTrust?: boolean;
  readonly limits?: Partial<PdfLimits>;
}

function isDocumentTimestamp(s: PdfSignatureInfo): boolean {
  return s.type === 'DocTimeStamp' || s.subFilter === 'ETSI.RFC3161';
}

function failure(code: string, message: string, encrypted = false): PdfVerificationReport {
  return { valid: false, trusted: false, signatures: [], documentTimestamps: [], revisions: 0, encrypted, errors: [{ code, message }] };
}

function revocationFor(options: VerifyPdfOptions, dss: DssContents | undefined, anchors: readonly Certificate[]): RevocationSource | undefined {
  const sources: RevocationSource[] = [];
  if (options.revocation) sources.push(options.revocation);
  if (dss && options.useEmbeddedValidationData !== false) {
    if (dss.crls.length > 0) sources.push(new CrlRevocationSource(dss.crls, options.provider));
    if (dss.ocspResponses.length > 0) sources.push(new OcspRevocationSource({ provider: options.provider, responses: dss.ocspResponses, trustAnchors: anchors, intermediates: dss.certificates }));
  }
  if (sources.length === 0) return undefined;
  return sources.length === 1 ? sources[0] : new CompositeRevocationSource(sources);
}

export async function verifyPdf(bytes: Uint8Array, options: VerifyPdfOptions): Promise<PdfVerificationReport> {
  let doc: PdfDocument;
  try {
    doc = PdfDocument.load(bytes, { ...(options.password === undefined ? {} : { password: options.password }), ...(options.limits ? { limits: options.limits } : {}) });
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return failure(e.code, e.message, e.code === 'PDF_PASSWORD_REQUIRED' || e.code === 'PDF_PASSWORD_INCORRECT');
  }
  try {
    return await verifyDocument(doc, options);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return failure(e.code, e.message, doc.encryption !== undefined);
  }
}

async function verifyDocument(doc: PdfDocument, options: VerifyPdfOptions): Promise<PdfVerificationReport> {
  const found = orderedSignatures(doc);
  const latest = doc.latest;
  const dss = options.useEmbeddedValidationData === false ? undefined : readDss(latest);
  const anchors = options.trustAnchors ?? [];
  const revocation = revocationFor(options, dss, anchors);
  const cert = documentCertification(latest);
  const classifier = new RevisionClassifier(doc);
  const ctx: SignatureVerifyContext = {
    doc,
    provider: options.provider,
    clock: options.clock,
    trustAnchors: anchors,
    intermediates: [...(options.intermediates ?? []), ...(dss?.certificates ?? [])],
    ...(revocation ? { revocation } : {}),
    // Embedded data alone is checked softly (used when present); a caller's own source is hard by default.
    ...(revocation ? { revocationMode: options.revocationMode ?? (options.revocation ? 'hard' : 'soft') } : {}),
    classifier,
    permission: cert?.permission ?? 3,
  };
  const verified: { v: VerifiedSignature; timestamp: boolean }[] = [];
  for (const [index, s] of found.entries()) {
    const timestamp = isDocumentTimestamp(s);
    verified.push({ v: timestamp ? await verifyDocumentTimestamp(ctx, s, index) : await verifySignature(ctx, s, index), timestamp });
  }
  const docTs = verified.filter((x) => x.timestamp).map((x) => x.v.report);
  const dssRevisions: DssRevision[] = [];
  for (let k = 1; k < doc.revisions.length; k++) {
    if (!classifier.revision(k).some((c) => c.category === 'dss')) continue;
    const contents = readDss(doc.revision(k));
    if (contents) dssRevisions.push({ revision: k, dss: contents });
  }
  const signatures: PdfSignatureReport[] = verified
    .filter((x) => !x.timestamp)
    .map(({ v }) => {
      const level = signatureLevel(v.report, v.certificate, docTs, dssRevisions, options.provider);
      return level ? { ...v.report, level } : v.report;
    });
  const all = [...signatures, ...docTs];
  const errors = all.length === 0 ? [{ code: 'PADES_NO_SIGNATURES', message: 'The document has no signatures' }] : [];
  const trusted = all.length > 0 && all.every((r) => r.trusted);
  const certified = cert ? found.find((s) => cert.sigRef && s.signatureRef?.equals(cert.sigRef)) : undefined;
  return {
    valid: errors.length === 0 && all.every((r) => r.valid) && (!options.requireTrust || trusted),
    trusted,
    signatures,
    documentTimestamps: docTs,
    ...(cert ? { certification: { field: certified?.fieldName ?? '', permission: cert.permission } } : {}),
    revisions: doc.revisions.length,
    encrypted: doc.encryption !== undefined,
    ...(dss ? { dss: { certificates: dss.certificates.length, ocspResponses: dss.ocspResponses.length, crls: dss.crls.length, vri: dss.vri } } : {}),
    errors,
  };
}
