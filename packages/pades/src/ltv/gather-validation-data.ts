/**
 * Collects the validation data a DSS needs (PAdES B-LT, ETSI EN 319 142-1 §5.4): the certificate chains
 * of the signer and the TSAs, and CRLs or OCSP responses for every non-root certificate, taken from
 * given data or fetched through injected fetchers (the engine itself never touches the network).
 */
import type { CryptoProvider } from '@openseal/crypto';
import { OpenSealError, equalBytes } from '@openseal/kernel';
import { Certificate, certIdMatches, parseCrl, parseOcspResponse, type Crl } from '@openseal/pki';
import { PadesValidationDataMissingError } from '../errors.js';

export interface ValidationData {
  readonly certificates: readonly Uint8Array[];
  readonly ocspResponses: readonly Uint8Array[];
  readonly crls: readonly Uint8Array[];
}

export interface ValidationDataSources {
  /** Certificates to build chains with (intermediates, roots). */
  readonly certificates?: readonly Certificate[];
  /** DER CRLs gathered beforehand. */
  readonly crls?: readonly Uint8Array[];
  /** DER OCSPResponses gathered beforehand. */
  readonly ocspResponses?: readonly Uint8Array[];
  /** Fetches a CRL from a distribution point URL (e.g. over HTTP). */
  readonly fetchCrl?: (url: string) => Promise<Uint8Array>;
  /** Asks an OCSP responder about `cert` (e.g. OcspClient.check(...).response). */
  readonly fetchOcsp?: (cert: Certificate, issuer: Certificate) => Promise<Uint8Array>;
  /** Fail when a certificate has no revocation data (default true). */
  readonly requireRevocationData?: boolean;
}

const MAX_CHAIN = 10;

function keyIdsMatch(cert: Certificate, issuer: Certificate): boolean {
  const aki = cert.authorityKeyIdentifier;
  const ski = issuer.subjectKeyIdentifier;
  return !aki || !ski || equalBytes(aki, ski);
}

/** The chain from `leaf` upwards through `pool`, by name and key identifier (no trust decision here). */
export function chainOf(leaf: Certificate, pool: readonly Certificate[]): Certificate[] {
  const chain = [leaf];
  let cur = leaf;
  while (!cur.isSelfIssued && chain.length < MAX_CHAIN) {
    const issuer = pool.find((c) => c.subject.equals(cur.issuer) && keyIdsMatch(cur, c) && !chain.some((x) => x.equals(c)));
    if (!issuer) break;
    chain.push(issuer);
    cur = issuer;
  }
  return chain;
}

class Collector {
  readonly certificates: Uint8Array[] = [];
  readonly ocspResponses: Uint8Array[] = [];
  readonly crls: Uint8Array[] = [];
  add(list: Uint8Array[], der: Uint8Array): void {
    if (!list.some((x) => equalBytes(x, der))) list.push(der);
  }
}

/** Gathers chains and revocation data for `leaves` (signer and TSA certificates). */
export async function gatherValidationData(
  leaves: readonly Certificate[],
  sources: ValidationDataSources,
  provider: Pick<CryptoProvider, 'digest'>,
): Promise<ValidationData> {
  const pool = [...leaves, ...(sources.certificates ?? [])];
  const crls = (sources.crls ?? []).map((der) => ({ der, crl: parseCrl(der) }));
  const ocsps = (sources.ocspResponses ?? []).map((der) => ({ der, parsed: parseOcspResponse(der) }));
  const out = new Collector();
  const done = new Set<string>();
  const queue = [...leaves];
  while (queue.length > 0) {
    const leaf = queue.shift() as Certificate;
    const chain = chainOf(leaf, pool);
    for (const [i, cert] of chain.entries()) {
      out.add(out.certificates, cert.der);
      const key = `${cert.issuer.toString()}#${cert.serialNumber}`;
      if (done.has(key)) continue;
      done.add(key);
      const issuer = chain[i + 1];
      // Roots and OCSP responders with id-pkix-ocsp-nocheck need no revocation data (RFC 6960 §4.2.2.2.1).
      if (cert.isSelfIssued || cert.extensions.ocspNoCheck) continue;
      if (!issuer) {
        if (sources.requireRevocationData !== false) throw new PadesValidationDataMissingError(cert.subject.toString(), 'its issuer certificate is not available');
        continue;
      }
      let found = false;
      for (const o of ocsps) {
        if (o.parsed.basic?.responses.some((r) => certIdMatches(r.certId, cert, issuer, provider))) {
          out.add(out.ocspResponses, o.der);
          found = true;
          queue.push(...responderCertificates(o.der, pool));
        }
      }
      for (const c of crls) {
        if (issuedCrl(c.crl, issuer)) {
          out.add(out.crls, c.der);
          found = true;
        }
      }
      if (!found) found = await fetchFor(cert, issuer, sources, out, pool, queue);
      if (!found && sources.requireRevocationData !== false) throw new PadesValidationDataMissingError(cert.subject.toString(), 'no CRL or OCSP response');
    }
  }
  return { certificates: out.certificates, ocspResponses: out.ocspResponses, crls: out.crls };
}

function issuedCrl(crl: Crl, issuer: Certificate): boolean {
  const ski = issuer.subjectKeyIdentifier;
  return crl.issuer.equals(issuer.subject) && !(crl.authorityKeyIdentifier && ski && !equalBytes(crl.authorityKeyIdentifier, ski));
}

/** The certificates an OCSP response embeds (its delegated responder), added to the pool. */
function responderCertificates(der: Uint8Array, pool: Certificate[]): Certificate[] {
  const out: Certificate[] = [];
  for (const c of parseOcspResponse(der).basic?.certificates ?? []) {
    try {
      const cert = Certificate.fromDer(c);
      if (!pool.some((p) => p.equals(cert))) pool.push(cert);
      out.push(cert);
    } catch (e) {
      if (!(e instanceof OpenSealError)) throw e; // an unreadable embedded certificate is not validation data
    }
  }
  return out;
}

async function fetchFor(cert: Certificate, issuer: Certificate, sources: ValidationDataSources, out: Collector, pool: Certificate[], queue: Certificate[]): Promise<boolean> {
  if (sources.fetchOcsp && (cert.extensions.authorityInfoAccess?.ocsp.length ?? 0) > 0) {
    try {
      const der = await sources.fetchOcsp(cert, issuer);
      out.add(out.ocspResponses, der);
      queue.push(...responderCertificates(der, pool));
      return true;
    } catch (e) {
      if (!(e instanceof OpenSealError)) throw e; // fall back to the CRL below
    }
  }
  if (sources.fetchCrl) {
    for (const url of (cert.extensions.crlDistributionPoints ?? []).flatMap((d) => d.uris)) {
      const der = await sources.fetchCrl(url);
      const crl = parseCrl(der);
      if (issuedCrl(crl, issuer)) {
        out.add(out.crls, der);
        return true;
      }
    }
  }
  return false;
}
