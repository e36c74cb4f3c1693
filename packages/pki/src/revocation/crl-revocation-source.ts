import { CryptoUnsupportedError, type CryptoProvider } from '@openseal/crypto';
import { equalBytes } from '@openseal/kernel';
import type { Crl } from '../crl/crl.js';
import { verifyCrlSignature } from '../crl/verify-crl-signature.js';
import type { Certificate } from '../x509/certificate.js';
import type { RevocationSource, RevocationStatus } from './revocation-source.js';

/**
 * Revocation status from a set of full CRLs (RFC 5280 §6.3, simplified: no delta or indirect CRLs).
 * A CRL counts only if its issuer name (and AKI, when both sides have one) match the certificate's
 * issuer, its signature verifies with the issuer key, and it has no unknown critical extension.
 * Revoked at or before `at` → revoked. Otherwise a CRL proves "good at `at`" when it was current at
 * `at` (thisUpdate ≤ at ≤ nextUpdate) or was issued later (a later CRL not listing the certificate,
 * or listing it as revoked after `at`, shows it was not revoked at `at`).
 */
export class CrlRevocationSource implements RevocationSource {
  readonly #crls: readonly Crl[];
  readonly #provider: CryptoProvider;
  readonly #verified = new WeakMap<Crl, WeakMap<Certificate, Promise<boolean>>>();

  constructor(crls: readonly Crl[], provider: CryptoProvider) {
    this.#crls = [...crls].sort((a, b) => b.thisUpdate.getTime() - a.thisUpdate.getTime());
    this.#provider = provider;
  }

  async check(cert: Certificate, issuer: Certificate, at: Date): Promise<RevocationStatus> {
    const ski = issuer.subjectKeyIdentifier;
    const candidates = this.#crls.filter(
      (crl) => crl.issuer.equals(issuer.subject) && !(crl.authorityKeyIdentifier && ski && !equalBytes(crl.authorityKeyIdentifier, ski)),
    );
    if (candidates.length === 0) return unknown(`no CRL from ${issuer.subject.toString()}`);
    if (issuer.keyUsage && !issuer.keyUsage.includes('cRLSign')) {
      return unknown('the CRL issuer certificate lacks the cRLSign key usage');
    }
    const reasons: string[] = [];
    let good: Crl | undefined;
    for (const crl of candidates) {
      const skip = await this.#unusable(crl, cert, issuer);
      if (skip) {
        reasons.push(skip);
        continue;
      }
      const entry = crl.findEntry(cert.serialNumber);
      if (entry && entry.reason !== 'removeFromCRL') {
        if (entry.revokedAt.getTime() <= at.getTime()) {
          return { status: 'revoked', source: 'crl', revokedAt: entry.revokedAt, ...(entry.reason ? { reason: entry.reason } : {}), thisUpdate: crl.thisUpdate };
        }
        good ??= crl; // revoked only after `at`
        continue;
      }
      const proof = provesNotRevoked(crl, cert, at);
      if (proof) reasons.push(proof);
      else good ??= crl;
    }
    if (good) {
      return { status: 'good', source: 'crl', checkedAt: at, thisUpdate: good.thisUpdate, ...(good.nextUpdate ? { nextUpdate: good.nextUpdate } : {}) };
    }
    return unknown(reasons.join('; '));
  }

  /** Why a CRL cannot be used for this certificate at all, or undefined when it can. */
  async #unusable(crl: Crl, cert: Certificate, issuer: Certificate): Promise<string | undefined> {
    if (crl.isDelta) return 'delta CRLs are not supported';
    if (crl.unknownCriticalExtensions.length > 0) return `CRL has unsupported critical extensions ${crl.unknownCriticalExtensions.join(',')}`;
    const scope = crl.scope;
    if (scope?.indirectCRL) return 'indirect CRLs are not supported';
    if (scope?.onlyContainsAttributeCerts) return 'CRL covers attribute certificates only';
    if (scope?.onlyContainsUserCerts && cert.isCA) return 'CRL covers end-entity certificates only';
    if (scope?.onlyContainsCACerts && !cert.isCA) return 'CRL covers CA certificates only';
    let perIssuer = this.#verified.get(crl);
    if (!perIssuer) this.#verified.set(crl, (perIssuer = new WeakMap()));
    let verdict = perIssuer.get(issuer);
    if (!verdict) perIssuer.set(issuer, (verdict = verifyCrlSignature(crl, issuer, this.#provider)));
    try {
      return (await verdict) ? undefined : 'CRL signature is invalid';
    } catch (e) {
      if (e instanceof CryptoUnsupportedError) return `CRL signature algorithm not supported (${crl.signatureAlgorithmOid})`;
      throw e;
    }
  }
}

/** For a CRL that does not list the certificate: why it cannot prove "good at `at`", or undefined. */
function provesNotRevoked(crl: Crl, cert: Certificate, at: Date): string | undefined {
  if (crl.scope?.onlySomeReasons) return 'CRL covers only some revocation reasons';
  // RFC 5280 §3.3: entries may be dropped once a certificate expires, so a later CRL proves nothing.
  if (crl.thisUpdate.getTime() > cert.notAfter.getTime()) return 'CRL was issued after the certificate expired';
  if (crl.thisUpdate.getTime() <= at.getTime() && crl.nextUpdate && crl.nextUpdate.getTime() < at.getTime()) {
    return `CRL expired (nextUpdate ${crl.nextUpdate.toISOString()}) before ${at.toISOString()}`;
  }
  return undefined;
}

function unknown(reason: string): RevocationStatus {
  return { status: 'unknown', source: 'crl', reason };
}
