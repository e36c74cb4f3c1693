import type { CryptoProvider, SignatureAlgorithm } from '@openseal/crypto';
import { equalBytes, OpenSealError, type Clock } from '@openseal/kernel';
import {
  OfdDocument,
  dirOf,
  parseSignatureXml,
  parseSignaturesXml,
  parseXml,
  resolveLoc,
  type OfdPackageLimits,
  type SignatureEntry,
  type SignatureXml,
  type SignaturesXml,
  type ST_Box,
} from '@openseal/ofd';
import type { CheckResult, Indication, SubIndication } from '@openseal/pki';
import type { SesTrustOptions } from '@openseal/ses';
import { coverage } from './coverage.js';
import type { FileModification, ModificationFinding, OfdSignatureReport, OfdVerificationReport, ReportMessage, TrustReport } from './ofd-verification-report.js';
import { messageFor } from './report-messages.js';
import { resolvePart } from './resolve-part.js';
import { verifyReferences } from './verify-references.js';
import { verifySealValue, verifySignValue, type SignedValueResult } from './verify-signed-value.js';

export interface VerifyOfdOptions extends SesTrustOptions {
  readonly provider: CryptoProvider;
  /** verifiedAt, and the reference for "signed in the future" warnings. */
  readonly clock: Clock;
  /** Overall validity also needs every signature trusted (MANIFEST: otherwise trust is reported only). */
  readonly requireTrust?: boolean;
  readonly limits?: Partial<OfdPackageLimits>;
}

/** Checks that decide `trusted` rather than `valid`. */
const TRUST_CODES = new Set(['SEAL_MAKER_CERT_PATH', 'SES_SIGNER_CERT_PATH', 'SES_TIMESTAMP_CERT_PATH', 'CMS_CERT_PATH', 'TSA_CERT_PATH']);

interface Located {
  readonly entry: SignatureEntry;
  readonly path: string;
  readonly bytes?: Uint8Array;
  readonly xml?: SignatureXml;
  readonly error?: OpenSealError;
  /** Signature.xml, SignedValue.dat, Seal.esl of this signature. */
  readonly files: readonly string[];
}

/**
 * Verifies every signature of an OFD (GB/T 33190 §18, GB/T 38540 §7.3, ofd-signature digest §7.7):
 * protected-file digests, coverage and later modifications, the signature value (SES_Signature or
 * SignedData), Seal.esl consistency, the seal, certificates and time-stamp. Never throws for bad input.
 */
export async function verifyOfd(bytes: Uint8Array, options: VerifyOfdOptions): Promise<OfdVerificationReport> {
  const verifiedAt = options.clock.now().toISOString();
  const requireTrust = options.requireTrust === true;
  const fail = (code: string, message: string): OfdVerificationReport => ({ format: 'OFD', valid: false, trusted: false, requireTrust, signatures: [], errors: [{ code, message }], verifiedAt });
  let doc: OfdDocument;
  let listPath: string;
  let list: SignaturesXml;
  try {
    doc = OfdDocument.read(bytes, options.limits ? { limits: options.limits } : {});
    if (doc.body.signatures === undefined) return fail('OFD_UNSIGNED', 'the document has no signatures (OFD.xml names no Signatures.xml)');
    listPath = resolveLoc(doc.body.signatures, '');
    list = parseSignaturesXml(doc.readXml(listPath, 'OFD.xml'), { part: listPath });
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return fail(e.code, e.message);
  }
  if (list.signatures.length === 0) return fail('OFD_UNSIGNED', 'the signature list is empty');
  const located = list.signatures.map((entry) => locate(doc, listPath, entry));
  const signatures: OfdSignatureReport[] = [];
  for (const [index, sig] of located.entries()) {
    signatures.push(await verifyOne(doc, listPath, index, sig, located.slice(index + 1), options));
  }
  const trusted = signatures.every((s) => s.trusted);
  return {
    format: 'OFD',
    valid: signatures.every((s) => s.valid) && (!requireTrust || trusted),
    trusted,
    requireTrust,
    signatures,
    errors: [],
    verifiedAt,
  };
}

function locate(doc: OfdDocument, listPath: string, entry: SignatureEntry): Located {
  const pkg = doc.pkg;
  const path = resolvePart(pkg, entry.baseLoc, dirOf(listPath));
  try {
    const found = path === undefined ? undefined : pkg.entry(path);
    if (found === undefined) throw new OfdSignatureFileMissing(path ?? entry.baseLoc);
    const xml = parseSignatureXml(parseXml(found.bytes, found.path), { part: found.path });
    const dir = dirOf(found.path);
    const own = [found.path, resolvePart(pkg, xml.signedValue, dir), xml.signedInfo.sealBaseLoc === undefined ? undefined : resolvePart(pkg, xml.signedInfo.sealBaseLoc, dir)];
    return { entry, path: found.path, bytes: found.bytes, xml, files: own.filter((p): p is string => p !== undefined) };
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return { entry, path: path ?? entry.baseLoc, error: e, files: path === undefined ? [] : [path] };
  }
}

class OfdSignatureFileMissing extends OpenSealError {
  readonly code = 'OFD_MISSING_PART';
  constructor(path: string) {
    super(`missing package part ${JSON.stringify(path)}`, { path });
  }
}

async function verifyOne(doc: OfdDocument, listPath: string, index: number, sig: Located, later: readonly Located[], options: VerifyOfdOptions): Promise<OfdSignatureReport> {
  const type = sig.entry.type ?? 'Seal';
  const base = { index, field: sig.entry.id, type, path: sig.path };
  if (!sig.xml || !sig.bytes) {
    const check: CheckResult = { code: 'OFD_SIGNATURE_FILE', status: 'failed', indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', details: { error: sig.error?.code, message: sig.error?.message } };
    return finalise(base, [check], { intact: false, signatureValid: false }, [], [], false, []);
  }
  const pkg = doc.pkg;
  const xml = sig.xml;
  const warnings: ReportMessage[] = [];
  const checks: CheckResult[] = [];
  const refs = verifyReferences(pkg, sig.path, xml.signedInfo.checkMethod, xml.signedInfo.references, options.provider);
  checks.push(refs.check);
  for (const n of refs.notes) warnings.push({ code: 'OFD_CHECK_METHOD', message: n });

  const svPath = resolvePart(pkg, xml.signedValue, dirOf(sig.path));
  const signedValue = svPath === undefined ? undefined : pkg.entry(svPath)?.bytes;
  let value: SignedValueResult;
  if (signedValue === undefined) {
    value = { checks: [{ code: 'OFD_SIGNED_VALUE', status: 'failed', indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', details: { reason: `SignedValue ${xml.signedValue} is missing` } }], intact: false, signatureValid: false };
  } else if (type === 'Sign') value = await verifySignValue(signedValue, sig.bytes, options);
  else value = await verifySealValue(signedValue, sig.bytes, options);
  checks.push(...value.checks);

  if (type === 'Seal' && value.propertyInfo !== undefined && value.propertyInfo.replace(/^\//, '') !== sig.path) {
    warnings.push({ code: 'SES_PROPERTY_INFO', message: `propertyInfo ${JSON.stringify(value.propertyInfo)} does not name ${sig.path}` });
  }
  const sealLoc = xml.signedInfo.sealBaseLoc;
  if (sealLoc !== undefined && value.seal) {
    const sealPath = resolvePart(pkg, sealLoc, dirOf(sig.path));
    const esl = sealPath === undefined ? undefined : pkg.entry(sealPath)?.bytes;
    // ofdrw and dms360 write the seal also as Seal.esl: it must be the very seal that was used.
    checks.push(
      esl !== undefined && equalBytes(esl, value.seal.der)
        ? { code: 'OFD_SEAL_FILE', status: 'passed', details: { path: sealPath } }
        : { code: 'OFD_SEAL_FILE', status: 'failed', indication: 'TOTAL_FAILED', subIndication: 'SIG_CONSTRAINTS_FAILURE', details: { path: sealPath ?? sealLoc, reason: esl === undefined ? 'missing' : 'differs' } },
    );
  }
  const covered = refs.covered.map((p) => p.toLowerCase());
  checks.push(
    covered.includes(doc.documentPath.toLowerCase())
      ? { code: 'OFD_STRUCTURE', status: 'passed', details: { documentPath: doc.documentPath } }
      : { code: 'OFD_STRUCTURE', status: 'failed', indication: 'TOTAL_FAILED', subIndication: 'SIG_CONSTRAINTS_FAILURE', details: { documentPath: doc.documentPath } },
  );
  const cov = coverage({
    files: pkg.paths,
    covered: refs.covered,
    own: sig.files,
    later: later.flatMap((l) => l.files),
    listPath,
    preexisting: [pkg.entry('OFD.xml')?.path ?? 'OFD.xml'],
  });
  for (const u of cov.uncovered) {
    warnings.push({ code: u.change === 'added' ? 'OFD_FILE_ADDED' : 'OFD_FILE_UNPROTECTED', message: `${u.path} is not protected by this signature${u.change === 'added' ? ' (added after signing, or left out by the signer)' : ''}` });
  }
  if (value.signedAt && value.signedAt.getTime() > options.clock.now().getTime() + 5 * 60_000) {
    warnings.push({ code: 'OFD_SIGNED_IN_FUTURE', message: `the signing time ${value.signedAt.toISOString()} is after the verification time` });
  }
  const stampAnnots = xml.signedInfo.stampAnnots.map((a) => {
    const pageIndex = doc.pageIndexById(a.pageRef);
    if (pageIndex < 0) warnings.push({ code: 'OFD_STAMP_PAGE', message: `StampAnnot ${a.id} refers to page ID ${a.pageRef}, which the document does not have` });
    return { id: a.id, pageRef: a.pageRef, pageIndex, boundary: boxText(a.boundary), ...(a.clip ? { clip: boxText(a.clip) } : {}) };
  });
  const report = finalise(base, checks, value, [...refs.modifications, ...cov.uncovered], warnings, cov.coversWholeDocument, stampAnnots);
  return { ...report, ...(value.sealSummary ? { seal: value.sealSummary } : {}), protectedFiles: refs.covered.length };
}

function finalise(
  base: Pick<OfdSignatureReport, 'index' | 'field' | 'type' | 'path'>,
  checks: readonly CheckResult[],
  value: Pick<SignedValueResult, 'intact' | 'signatureValid' | 'signer' | 'algorithm' | 'signedAt' | 'signedAtSource' | 'timestamp'>,
  modifications: readonly FileModification[],
  warnings: readonly ReportMessage[],
  coversWholeDocument: boolean,
  stampAnnots: OfdSignatureReport['stampAnnots'],
): OfdSignatureReport {
  const failures = checks.filter((c) => c.status === 'failed' && (!TRUST_CODES.has(c.code) || c.indication === 'TOTAL_FAILED'));
  const trustChecks = checks.filter((c) => TRUST_CODES.has(c.code));
  const trusted = trustChecks.length > 0 && trustChecks.every((c) => c.status === 'passed');
  const first = failures[0];
  const openTrust = trustChecks.find((c) => c.status !== 'passed');
  const verdict: { indication: Indication; subIndication?: SubIndication } = first
    ? { indication: first.indication ?? 'TOTAL_FAILED', ...(first.subIndication ? { subIndication: first.subIndication } : {}) }
    : trusted
      ? { indication: 'TOTAL_PASSED' }
      : { indication: 'INDETERMINATE', subIndication: openTrust?.subIndication ?? 'NO_CERTIFICATE_CHAIN_FOUND' };
  const refsOk = checks.some((c) => c.code === 'OFD_REFERENCES' && c.status === 'passed');
  const errors = failures.map(messageFor);
  return {
    ...base,
    kind: 'signature',
    ...(value.signer ? { signer: value.signer.subject.toString(), issuer: value.signer.issuer.toString(), serialNumber: value.signer.serialNumber } : {}),
    ...(value.algorithm ? { algorithm: algorithmName(value.algorithm) } : {}),
    ...(value.signedAt ? { signedAt: value.signedAt.toISOString() } : {}),
    ...(value.signedAtSource ? { signedAtSource: value.signedAtSource } : {}),
    ...(value.timestamp ? { timestamp: value.timestamp } : {}),
    level: value.timestamp?.verified ? 'B-T' : 'B-B',
    intact: refsOk && value.intact,
    signatureValid: value.signatureValid,
    valid: failures.length === 0,
    trusted,
    trust: trustReport(checks),
    coversWholeDocument,
    modifications: modifications.map(describe),
    errors: errors.map((e) => e.code),
    warnings: warnings.map((w) => w.code),
    messages: [...errors, ...warnings],
    ...verdict,
    protectedFiles: 0,
    stampAnnots,
    checks,
  };
}

/** The signer's certificate path, as the PDF report gives it. */
function trustReport(checks: readonly CheckResult[]): TrustReport {
  const path = checks.find((c) => c.code === 'SES_SIGNER_CERT_PATH' || c.code === 'CMS_CERT_PATH');
  if (!path || path.status === 'skipped') return { status: 'unknown', ...(path?.subIndication ? { subIndication: path.subIndication } : {}) };
  const d = path.details ?? {};
  const list = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : undefined);
  const chain = list(d.chain);
  const reasons = list(d.reasons);
  return {
    status: path.status === 'passed' ? 'trusted' : 'untrusted',
    ...(typeof d.validationTime === 'string' ? { at: d.validationTime } : {}),
    ...(chain ? { chain } : {}),
    ...(reasons && reasons.length > 0 ? { reasons } : {}),
    ...(path.subIndication ? { subIndication: path.subIndication } : {}),
  };
}

function describe(m: FileModification): ModificationFinding {
  const description = {
    changed: `${m.path} changed after signing`,
    removed: `${m.path} was protected and is missing`,
    added: `${m.path} is not protected (added after signing, or left out by the signer)`,
    unprotected: `${m.path} is not protected by this signature`,
  }[m.change];
  return { ...m, description, allowed: m.change === 'added' || m.change === 'unprotected' };
}

function algorithmName(alg: SignatureAlgorithm): string {
  switch (alg.name) {
    case 'SM2':
      return 'SM3withSM2';
    case 'RSASSA-PKCS1-v1_5':
      return `${alg.hash.replace('-', '')}withRSA`;
    case 'RSA-PSS':
      return `${alg.hash.replace('-', '')}withRSA/PSS`;
    case 'ECDSA':
      return `${alg.hash.replace('-', '')}withECDSA`;
  }
}

function boxText(b: ST_Box): string {
  return `${b.x} ${b.y} ${b.width} ${b.height}`;
}
