import { OctetString } from '@peculiar/asn1-schema';
import { Time } from '@peculiar/asn1-x509';
import { OID, encodeDer, parseDer } from '@openseal/asn1';
import type { CryptoProvider, DigestAlgorithm, SignatureAlgorithm } from '@openseal/crypto';
import { OpenSealError, equalBytes, toHex } from '@openseal/kernel';
import type { Certificate } from '../x509/certificate.js';
import { decodeOid } from '../x509/der-reader.js';
import { DistinguishedName } from '../x509/distinguished-name.js';
import { serialHexFromContent } from '../x509/serial-number.js';
import { SigningCertificate, SigningCertificateV2, type IssuerSerial } from './ess-signing-certificate.js';
import type { ParsedSignerInfo, SignerIdentifierValue } from './parse-signed-data.js';
import { digestAlgorithmOf, signatureAlgorithmOf } from './signature-algorithm-of.js';
import { failed, passed, skipped, type CheckResult } from './verification-report.js';

export type SignerCheck =
  | 'SIGNER_CERT_MISSING'
  | 'ALGORITHM_UNSUPPORTED'
  | 'CONTENT_MISSING'
  | 'CONTENT_TYPE_MISMATCH'
  | 'DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'SIGNING_CERT_MISMATCH'
  | 'SIGNING_TIME';

/** What a signature covers when it is not encapsulated: the data, or its digest made elsewhere. */
export type DetachedInput = Uint8Array | { readonly digest: Uint8Array; readonly digestAlgorithm?: DigestAlgorithm };

export interface SignerInfoContext<P extends string> {
  /** 'CMS' for signatures, 'TSA' for timestamp tokens: check codes are `${prefix}_${SignerCheck}`. */
  readonly prefix: P;
  readonly provider: CryptoProvider;
  readonly eContentType: string;
  /** eContent, or the detached content. */
  readonly content?: DetachedInput;
  readonly certificates: readonly Certificate[];
  /** RFC 3161 §2.4.2 (RFC 5816): a TSA token must name its certificate with ESS signing-certificate(-v2). */
  readonly requireSigningCertificate?: boolean;
}

export interface SignerInfoResult<P extends string> {
  readonly checks: CheckResult<`${P}_${SignerCheck}`>[];
  readonly signerCertificate?: Certificate;
  readonly signingTime?: Date;
  readonly digestAlgorithm?: DigestAlgorithm;
  readonly signatureAlgorithm?: SignatureAlgorithm;
  /** The content digest, signature and signer identification all passed. */
  readonly intact: boolean;
}

/** RFC 5652 §5.4–§5.6 (and RFC 5035) checks of one SignerInfo; never throws for bad input. */
export async function verifySignerInfo<P extends string>(si: ParsedSignerInfo, ctx: SignerInfoContext<P>): Promise<SignerInfoResult<P>> {
  const code = (c: SignerCheck): `${P}_${SignerCheck}` => `${ctx.prefix}_${c}`;
  const checks: CheckResult<`${P}_${SignerCheck}`>[] = [];
  const cert = ctx.certificates.find((c) => matchesSid(c, si.sid));
  if (!cert) {
    checks.push(failed(code('SIGNER_CERT_MISSING'), 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', sidDetails(si.sid)));
    return { checks, intact: false };
  }
  checks.push(passed(code('SIGNER_CERT_MISSING'), { signer: cert.subject.toString() }));

  let digestAlgorithm: DigestAlgorithm;
  let signatureAlgorithm: SignatureAlgorithm;
  try {
    digestAlgorithm = digestAlgorithmOf(si.digestAlgorithm);
    signatureAlgorithm = signatureAlgorithmOf(si.signatureAlgorithm, digestAlgorithm);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    checks.push(failed(code('ALGORITHM_UNSUPPORTED'), 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE', {
      digestAlgorithm: si.digestAlgorithm.oid,
      signatureAlgorithm: si.signatureAlgorithm.oid,
      error: e.code,
    }));
    return { checks, signerCertificate: cert, intact: false };
  }
  checks.push(passed(code('ALGORITHM_UNSUPPORTED'), { digestAlgorithm, signatureAlgorithm: signatureAlgorithm.name }));
  const base = { signerCertificate: cert, digestAlgorithm, signatureAlgorithm };

  const attrs = si.signedAttributes;
  let signedBytes: Uint8Array | undefined;
  let intact = true;
  if (attrs && si.signedAttributesDer) {
    const attrChecks = [
      checkContentType(code('CONTENT_TYPE_MISMATCH'), attrs, ctx.eContentType),
      ...checkMessageDigest(code('DIGEST_MISMATCH'), code('CONTENT_MISSING'), attrs, digestAlgorithm, ctx),
    ];
    checks.push(...attrChecks);
    intact = attrChecks.every((c) => c.status === 'passed');
    signedBytes = si.signedAttributesDer;
  } else if (ctx.content instanceof Uint8Array) {
    // RFC 5652 §5.4: without signed attributes the signature covers the content octets themselves.
    checks.push(passed(code('CONTENT_MISSING')));
    signedBytes = ctx.content;
  } else {
    checks.push(failed(code('CONTENT_MISSING'), 'INDETERMINATE', 'SIGNED_DATA_NOT_FOUND', { reason: 'no signed attributes and no content' }));
    intact = false;
  }

  if (signedBytes) {
    const sigCheck = await checkSignature(code('SIGNATURE_INVALID'), code('ALGORITHM_UNSUPPORTED'), signatureAlgorithm, cert, signedBytes, si.signature, ctx.provider);
    checks.push(sigCheck);
    intact &&= sigCheck.status === 'passed';
  } else {
    checks.push(skipped(code('SIGNATURE_INVALID'), { reason: 'nothing to verify the signature over' }));
  }

  const essCheck = checkSigningCertificate(code('SIGNING_CERT_MISMATCH'), attrs ?? [], cert, ctx);
  checks.push(essCheck);
  intact &&= essCheck.status !== 'failed';

  const time = signingTime(attrs ?? []);
  if (time instanceof Date) checks.push(passed(code('SIGNING_TIME'), { signingTime: time.toISOString() }));
  else if (time === 'malformed') checks.push(failed(code('SIGNING_TIME'), 'TOTAL_FAILED', 'FORMAT_FAILURE', { reason: 'malformed signing-time' }));
  else checks.push(skipped(code('SIGNING_TIME'), { reason: 'no signing-time attribute' }));
  intact &&= time !== 'malformed';

  return { checks, ...base, ...(time instanceof Date ? { signingTime: time } : {}), intact };
}

/** RFC 5652 §5.3: the signer certificate is named by IssuerAndSerialNumber or SubjectKeyIdentifier. */
export function matchesSid(cert: Certificate, sid: SignerIdentifierValue): boolean {
  if ('subjectKeyIdentifier' in sid) {
    const ski = cert.subjectKeyIdentifier;
    return ski !== undefined && equalBytes(ski, sid.subjectKeyIdentifier);
  }
  if (serialHexFromContent(sid.serialNumber) !== cert.serialNumber) return false;
  if (equalBytes(sid.issuer, cert.issuer.der)) return true;
  try {
    return DistinguishedName.fromDer(sid.issuer).equals(cert.issuer);
  } catch (e) {
    if (e instanceof OpenSealError) return false; // an unreadable issuer name names no certificate
    throw e;
  }
}

function sidDetails(sid: SignerIdentifierValue): Record<string, unknown> {
  if ('subjectKeyIdentifier' in sid) return { subjectKeyIdentifier: toHex(sid.subjectKeyIdentifier) };
  return { serialNumber: serialHexFromContent(sid.serialNumber) };
}

type Attrs = NonNullable<ParsedSignerInfo['signedAttributes']>;

function singleValue(attrs: Attrs, type: string): Uint8Array | 'absent' | 'malformed' {
  const matching = attrs.filter((a) => a.type === type);
  if (matching.length === 0) return 'absent';
  const [only] = matching;
  // RFC 5652 §11: content-type, message-digest and signing-time are single-valued and appear once.
  if (matching.length > 1 || !only || only.values.length !== 1) return 'malformed';
  return only.values[0] as Uint8Array;
}

function checkContentType<C extends string>(code: C, attrs: Attrs, eContentType: string): CheckResult<C> {
  const v = singleValue(attrs, OID.contentType);
  if (v === 'absent') return failed(code, 'TOTAL_FAILED', 'FORMAT_FAILURE', { reason: 'content-type attribute missing' });
  const oid = v === 'malformed' || v[0] !== 0x06 || v.length < 3 || v[1] !== v.length - 2 ? undefined : decodeOid(v.subarray(2));
  if (!oid) return failed(code, 'TOTAL_FAILED', 'FORMAT_FAILURE', { reason: 'malformed content-type attribute' });
  if (oid !== eContentType) return failed(code, 'TOTAL_FAILED', 'FORMAT_FAILURE', { expected: eContentType, actual: oid });
  return passed(code, { contentType: oid });
}

function checkMessageDigest<C extends string, M extends string>(
  code: C,
  missing: M,
  attrs: Attrs,
  alg: DigestAlgorithm,
  ctx: SignerInfoContext<string>,
): CheckResult<C | M>[] {
  const v = singleValue(attrs, OID.messageDigest);
  if (v === 'absent' || v === 'malformed') {
    return [failed(code, 'TOTAL_FAILED', 'FORMAT_FAILURE', { reason: `message-digest attribute ${v === 'absent' ? 'missing' : 'malformed'}` })];
  }
  let claimed: Uint8Array;
  try {
    claimed = new Uint8Array(parseDer(v, OctetString, 'MessageDigest').buffer);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return [failed(code, 'TOTAL_FAILED', 'FORMAT_FAILURE', { reason: 'malformed message-digest attribute' })];
  }
  const content = ctx.content;
  let actual: Uint8Array;
  if (content instanceof Uint8Array) actual = ctx.provider.digest(alg, content);
  else if (content && (content.digestAlgorithm === undefined || content.digestAlgorithm === alg)) actual = content.digest;
  else {
    return [
      failed(missing, 'INDETERMINATE', 'SIGNED_DATA_NOT_FOUND', {
        reason: content ? `detached digest is ${content.digestAlgorithm ?? '?'}, the signer used ${alg}` : 'detached signature: content not supplied',
      }),
    ];
  }
  const contentCheck = passed(missing);
  if (!equalBytes(claimed, actual)) {
    return [contentCheck, failed(code, 'TOTAL_FAILED', 'HASH_FAILURE', { digestAlgorithm: alg, expected: toHex(claimed), actual: toHex(actual) })];
  }
  return [contentCheck, passed(code, { digestAlgorithm: alg })];
}

async function checkSignature<C extends string, U extends string>(
  code: C,
  unsupported: U,
  alg: SignatureAlgorithm,
  cert: Certificate,
  data: Uint8Array,
  signature: Uint8Array,
  provider: CryptoProvider,
): Promise<CheckResult<C | U>> {
  try {
    if (await provider.verify(alg, cert.publicKey, data, signature)) return passed(code, { algorithm: alg.name, hash: alg.hash });
    return failed(code, 'TOTAL_FAILED', 'SIG_CRYPTO_FAILURE', { algorithm: alg.name, hash: alg.hash });
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return failed(unsupported, 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE', { algorithm: alg.name, error: e.code });
  }
}

/** RFC 5035 §5.4 / RFC 2634 §5.4: the first ESSCertID(v2) must identify the signer certificate. */
function checkSigningCertificate<C extends string>(code: C, attrs: Attrs, cert: Certificate, ctx: SignerInfoContext<string>): CheckResult<C> {
  const v2 = singleValue(attrs, OID.signingCertificateV2);
  const v1 = singleValue(attrs, OID.signingCertificate);
  if (v2 === 'absent' && v1 === 'absent') {
    return ctx.requireSigningCertificate
      ? failed(code, 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', { reason: 'no signing-certificate attribute' })
      : skipped(code, { reason: 'no signing-certificate attribute' });
  }
  try {
    let hash: DigestAlgorithm;
    let certHash: Uint8Array;
    let issuerSerial: IssuerSerial | undefined;
    if (v2 !== 'absent') {
      if (v2 === 'malformed') return failed(code, 'TOTAL_FAILED', 'FORMAT_FAILURE', { reason: 'malformed signing-certificate-v2' });
      const first = parseDer(v2, SigningCertificateV2, 'SigningCertificateV2').certs[0];
      if (!first) return failed(code, 'TOTAL_FAILED', 'FORMAT_FAILURE', { reason: 'empty signing-certificate-v2' });
      hash = first.hashAlgorithm ? digestAlgorithmOf({ oid: first.hashAlgorithm.algorithm }) : 'SHA-256';
      certHash = new Uint8Array(first.certHash.buffer);
      issuerSerial = first.issuerSerial;
    } else {
      if (v1 === 'malformed' || v1 === 'absent') return failed(code, 'TOTAL_FAILED', 'FORMAT_FAILURE', { reason: 'malformed signing-certificate' });
      const first = parseDer(v1, SigningCertificate, 'SigningCertificate').certs[0];
      if (!first) return failed(code, 'TOTAL_FAILED', 'FORMAT_FAILURE', { reason: 'empty signing-certificate' });
      hash = 'SHA-1';
      certHash = new Uint8Array(first.certHash.buffer);
      issuerSerial = first.issuerSerial;
    }
    const actual = ctx.provider.digest(hash, cert.der);
    if (!equalBytes(actual, certHash)) {
      return failed(code, 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', { hash, expected: toHex(certHash), actual: toHex(actual) });
    }
    if (issuerSerial && !issuerSerialMatches(issuerSerial, cert)) {
      return failed(code, 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', { reason: 'issuerSerial names another certificate' });
    }
    return passed(code, { attribute: v2 !== 'absent' ? 'signing-certificate-v2' : 'signing-certificate', hash });
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return failed(code, 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', { reason: 'unreadable signing-certificate attribute', error: e.code });
  }
}

function issuerSerialMatches(is: IssuerSerial, cert: Certificate): boolean {
  if (serialHexFromContent(new Uint8Array(is.serialNumber)) !== cert.serialNumber) return false;
  return is.issuer.some((g) => g.directoryName !== undefined && DistinguishedName.fromDer(encodeDer(g.directoryName)).equals(cert.issuer));
}

function signingTime(attrs: Attrs): Date | 'absent' | 'malformed' {
  const v = singleValue(attrs, OID.signingTime);
  if (v === 'absent' || v === 'malformed') return v;
  try {
    const t = parseDer(v, Time, 'SigningTime').getTime();
    return Number.isNaN(t.getTime()) ? 'malformed' : t;
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return 'malformed';
  }
}
