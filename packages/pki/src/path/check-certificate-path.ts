import { CryptoUnsupportedError, type CryptoProvider } from '@openseal/crypto';
import { OpenSealError } from '@openseal/kernel';
import { OID } from '@openseal/asn1';
import type { RevocationSource, RevocationStatus } from '../revocation/revocation-source.js';
import type { Certificate } from '../x509/certificate.js';
import type { KeyUsage } from '../x509/key-usage.js';
import { verifyCertificateSignature } from '../x509/verify-certificate-signature.js';
import type { PathCheck, PathCheckCode } from './path-validation-result.js';

export interface PathCheckContext {
  readonly at: Date;
  readonly provider: CryptoProvider;
  readonly revocation?: RevocationSource;
  readonly revocationMode: 'hard' | 'soft';
  readonly requiredKeyUsage: readonly KeyUsage[];
  readonly requiredExtKeyUsage: readonly string[];
}

const ANY_EXTENDED_KEY_USAGE = '2.5.29.37.0';

/**
 * Runs the RFC 5280 §6.1 checks on one chain (leaf first). When `anchored`, the last certificate is
 * the trust anchor: its signature, extensions and revocation are not checked, its validity is.
 * Processing goes from the anchor down to the leaf, as §6.1.3 does.
 */
export async function checkCertificatePath(chain: readonly Certificate[], anchored: boolean, ctx: PathCheckContext): Promise<PathCheck[]> {
  const checks: PathCheck[] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const cert = chain[i] as Certificate;
    const issuer = chain[i + 1];
    const isAnchor = anchored && i === chain.length - 1;
    const subject = cert.subject.toString();
    const add = (code: PathCheckCode, status: PathCheck['status'], details?: Record<string, unknown>): void => {
      checks.push({ code, status, certificate: subject, ...(details ? { details } : {}) });
    };

    if (!isAnchor) {
      if (issuer) checks.push(await checkSignature(cert, issuer, ctx.provider));
      else add('CERT_SIGNATURE', 'skipped', { reason: 'issuer certificate not found' });
    }
    checks.push(checkValidity(cert, ctx.at));
    if (!isAnchor && cert.extensions.malformed.length > 0) {
      add('CERT_EXTENSION_MALFORMED', 'failed', { extensions: cert.extensions.malformed });
    }
    if (!isAnchor) {
      const unknown = cert.extensions.unknownCritical;
      if (unknown.length > 0) add('UNKNOWN_CRITICAL_EXTENSION', 'failed', { extensions: unknown });
      else add('CRITICAL_EXTENSIONS', 'passed');
    }
    if (i > 0) {
      // cert issues chain[i - 1]: RFC 5280 §6.1.4 (k) cA, (n) keyCertSign, (l)/(m) path length
      const bc = cert.extensions.basicConstraints;
      if (bc?.cA) add('BASIC_CONSTRAINTS', 'passed');
      else if (isAnchor && cert.version < 3) add('BASIC_CONSTRAINTS', 'passed', { note: 'v1 trust anchor' });
      else add('CERT_NOT_CA', 'failed', { basicConstraints: bc ? 'cA FALSE' : 'absent' });
      const usages = cert.keyUsage;
      if (usages && !usages.includes('keyCertSign')) add('KEY_USAGE_MISSING', 'failed', { missing: ['keyCertSign'] });
      else add('KEY_USAGE', 'passed', { required: ['keyCertSign'] });
      if (bc?.pathLenConstraint !== undefined) {
        const below = chain.slice(1, i).filter((c) => !c.isSelfIssued).length;
        if (below > bc.pathLenConstraint) add('PATH_LENGTH_EXCEEDED', 'failed', { pathLenConstraint: bc.pathLenConstraint, intermediatesBelow: below });
        else add('PATH_LENGTH', 'passed', { pathLenConstraint: bc.pathLenConstraint, intermediatesBelow: below });
      }
    } else {
      checks.push(...checkLeafUsage(cert, ctx, subject));
    }
    if (!isAnchor) {
      if (issuer) checks.push(await checkRevocation(cert, issuer, ctx, subject));
      else add('REVOCATION', 'skipped', { reason: 'issuer certificate not found' });
    }
  }
  return checks;
}

async function checkSignature(cert: Certificate, issuer: Certificate, provider: CryptoProvider): Promise<PathCheck> {
  const certificate = cert.subject.toString();
  try {
    const ok = await verifyCertificateSignature(cert, issuer, provider);
    return ok
      ? { code: 'CERT_SIGNATURE', status: 'passed', certificate, details: { issuer: issuer.subject.toString() } }
      : { code: 'CERT_SIGNATURE_INVALID', status: 'failed', certificate, details: { issuer: issuer.subject.toString() } };
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    const code = e instanceof CryptoUnsupportedError ? 'CERT_SIGNATURE_UNSUPPORTED' : 'CERT_SIGNATURE_INVALID';
    return { code, status: 'failed', certificate, details: { algorithm: cert.signatureAlgorithmOid, error: e.code, message: e.message } };
  }
}

function checkValidity(cert: Certificate, at: Date): PathCheck {
  const certificate = cert.subject.toString();
  const details = { notBefore: cert.notBefore.toISOString(), notAfter: cert.notAfter.toISOString(), at: at.toISOString() };
  if (at.getTime() < cert.notBefore.getTime()) return { code: 'CERT_NOT_YET_VALID', status: 'failed', certificate, details };
  if (at.getTime() > cert.notAfter.getTime()) return { code: 'CERT_EXPIRED', status: 'failed', certificate, details };
  return { code: 'CERT_VALIDITY', status: 'passed', certificate, details };
}

/** Leaf requirements; an absent extension means "no restriction" (RFC 5280 §4.2.1.3, §4.2.1.12). */
function checkLeafUsage(cert: Certificate, ctx: PathCheckContext, certificate: string): PathCheck[] {
  const out: PathCheck[] = [];
  if (ctx.requiredKeyUsage.length > 0) {
    const usages = cert.keyUsage;
    const missing = usages ? ctx.requiredKeyUsage.filter((u) => !usages.includes(u)) : [];
    out.push(
      missing.length > 0
        ? { code: 'KEY_USAGE_MISSING', status: 'failed', certificate, details: { missing, present: usages ?? [] } }
        : { code: 'KEY_USAGE', status: 'passed', certificate, details: { required: ctx.requiredKeyUsage } },
    );
  }
  if (ctx.requiredExtKeyUsage.length > 0) {
    const purposes = cert.extKeyUsage;
    const missing = purposes && !purposes.includes(ANY_EXTENDED_KEY_USAGE) ? ctx.requiredExtKeyUsage.filter((p) => !purposes.includes(p)) : [];
    out.push(
      missing.length > 0
        ? { code: 'EXT_KEY_USAGE_MISSING', status: 'failed', certificate, details: { missing, present: purposes ?? [] } }
        : { code: 'EXT_KEY_USAGE', status: 'passed', certificate, details: { required: ctx.requiredExtKeyUsage } },
    );
  }
  return out;
}

async function checkRevocation(cert: Certificate, issuer: Certificate, ctx: PathCheckContext, certificate: string): Promise<PathCheck> {
  if (!ctx.revocation) return { code: 'REVOCATION', status: 'skipped', certificate, details: { reason: 'no revocation source' } };
  if (cert.extensions.ocspNoCheck && cert.extKeyUsage?.includes(OID.kpOCSPSigning)) {
    // RFC 6960 §4.2.2.2.1: a responder certificate with id-pkix-ocsp-nocheck is trusted for its lifetime
    return { code: 'REVOCATION', status: 'skipped', certificate, details: { reason: 'ocsp-nocheck' } };
  }
  let status: RevocationStatus;
  try {
    status = await ctx.revocation.check(cert, issuer, ctx.at);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    status = { status: 'unknown', source: 'none', reason: `${e.code}: ${e.message}` };
  }
  if (status.status === 'revoked') {
    const details = { source: status.source, revokedAt: status.revokedAt.toISOString(), ...(status.reason ? { reason: status.reason } : {}) };
    if (status.revokedAt.getTime() <= ctx.at.getTime()) return { code: 'CERT_REVOKED', status: 'failed', certificate, details };
    return { code: 'REVOCATION', status: 'passed', certificate, details: { ...details, note: 'revoked after the validation time' } };
  }
  if (status.status === 'good') {
    return { code: 'REVOCATION', status: 'passed', certificate, details: { source: status.source, thisUpdate: status.thisUpdate.toISOString() } };
  }
  const details = { source: status.source, reason: status.reason };
  return ctx.revocationMode === 'soft'
    ? { code: 'REVOCATION', status: 'skipped', certificate, details: { ...details, mode: 'soft' } }
    : { code: 'REVOCATION_UNKNOWN', status: 'failed', certificate, details };
}
