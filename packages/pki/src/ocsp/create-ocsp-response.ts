import { OID } from '@openseal/asn1';
import { algorithmFitsKey, type CryptoProvider, type SignatureAlgorithm, type Signer } from '@openseal/crypto';
import { InvalidArgumentError, OpenSealError, type Clock } from '@openseal/kernel';
import { cmsSignatureAlgorithmIdentifier } from '../cms/prepare-signed-data.js';
import { CRL_REASONS, type CrlReason } from '../crl/crl-reason.js';
import { derGeneralizedTime, wholeSeconds } from '../tsp/generalized-time.js';
import type { Certificate } from '../x509/certificate.js';
import { computeKeyIdentifier } from '../x509/fingerprint.js';
import { derBitString, derExplicit, derOctetString, derOid, derSequence, derTlv } from '../x509/der-writer.js';
import { samePublicKey } from '../x509/same-public-key.js';
import { certIdIssuedBy } from './cert-id.js';
import { nonceExtension } from './create-ocsp-request.js';
import { parseOcspRequest, type ParsedOcspRequest } from './parse-ocsp-request.js';

/** What the responder's data source says about one serial number. */
export type OcspCertStatus =
  | { readonly status: 'good' }
  | { readonly status: 'revoked'; readonly revokedAt: Date; readonly reason?: CrlReason }
  | { readonly status: 'unknown' };

export interface OcspResponderOptions {
  /** The CA itself, or a delegated responder certificate (id-kp-OCSPSigning) issued by each CA in `issuers`. */
  readonly responderCertificate: Certificate;
  readonly signer: Signer;
  /** The CAs this responder answers for; requests about other issuers get status unknown. */
  readonly issuers: readonly Certificate[];
  readonly lookup: (serialHex: string, issuer: Certificate) => OcspCertStatus | Promise<OcspCertStatus>;
  readonly clock: Clock;
  readonly provider: CryptoProvider;
  /** nextUpdate = thisUpdate + this many seconds; omitted when not given (RFC 6960 §4.2.2.1). */
  readonly nextUpdateSeconds?: number;
  /** ResponderID form; default byKey (RFC 5019 §2.2.3). */
  readonly responderId?: 'byKey' | 'byName';
  /** Embed the responder certificate (default true). */
  readonly includeCertificate?: boolean;
  readonly signatureAlgorithm?: SignatureAlgorithm;
}

/**
 * An RFC 6960 responder as a pure function: OCSPRequest DER in, OCSPResponse DER out. A request that
 * cannot be read gets malformedRequest; certificates of unknown issuers get status unknown.
 */
export async function createOcspResponse(requestDer: Uint8Array, options: OcspResponderOptions): Promise<Uint8Array> {
  const { responderCertificate: responder, signer, provider } = options;
  const algorithm = options.signatureAlgorithm ?? signer.algorithm;
  if (!samePublicKey(signer.publicKey, responder.publicKey) || !algorithmFitsKey(algorithm, signer.keyType)) {
    throw new InvalidArgumentError('the signer key does not match the responder certificate');
  }
  for (const issuer of options.issuers) {
    if (!authorizedFor(responder, issuer)) {
      throw new InvalidArgumentError('the responder is neither the CA nor a delegated OCSP signer of it (RFC 6960 §4.2.2.2)', {
        issuer: issuer.subject.toString(),
      });
    }
  }
  let request: ParsedOcspRequest;
  try {
    request = parseOcspRequest(requestDer);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return responseStatus(1); // malformedRequest
  }
  if (request.requests.length === 0) return responseStatus(1);

  const now = wholeSeconds(options.clock.now());
  const thisUpdate = derGeneralizedTime(now);
  const nextUpdate =
    options.nextUpdateSeconds === undefined ? [] : [derExplicit(0, derGeneralizedTime(new Date(now.getTime() + options.nextUpdateSeconds * 1000)))];
  const single: Uint8Array[] = [];
  for (const { certId, certIdDer } of request.requests) {
    const issuer = options.issuers.find((i) => certIdIssuedBy(certId, i, provider));
    const status = issuer ? await options.lookup(certId.serialNumber, issuer) : ({ status: 'unknown' } as const);
    single.push(derSequence(certIdDer, encodeCertStatus(status), thisUpdate, ...nextUpdate));
  }
  const responderId =
    options.responderId === 'byName'
      ? derExplicit(1, responder.subject.der)
      : derExplicit(2, derOctetString(computeKeyIdentifier(responder.publicKey, provider)));
  const extensions = request.nonce ? [derExplicit(1, derSequence(nonceExtension(request.nonce)))] : [];
  const tbs = derSequence(responderId, derGeneralizedTime(now), derSequence(...single), ...extensions);
  const signature = await signer.sign(tbs, algorithm);
  if (!(await provider.verify(algorithm, responder.publicKey, tbs, signature))) {
    throw new InvalidArgumentError('the OCSP signer returned a signature that does not verify');
  }
  const certs = options.includeCertificate === false ? [] : [derExplicit(0, derSequence(responder.der))];
  const basic = derSequence(tbs, cmsSignatureAlgorithmIdentifier(algorithm, false), derBitString(signature), ...certs);
  // OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, responseBytes [0] EXPLICIT ResponseBytes OPTIONAL }
  return derSequence(derTlv(0x0a, Uint8Array.of(0)), derExplicit(0, derSequence(derOid(OID.ocspBasic), derOctetString(basic))));
}

/** RFC 6960 §4.2.2.2: the CA itself, or a certificate it issued with id-kp-OCSPSigning. */
export function authorizedFor(responder: Certificate, issuer: Certificate): boolean {
  if (responder.subject.equals(issuer.subject) && samePublicKey(responder.publicKey, issuer.publicKey)) return true;
  return responder.issuer.equals(issuer.subject) && (responder.extKeyUsage ?? []).includes(OID.kpOCSPSigning);
}

/** CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT NULL } */
function encodeCertStatus(s: OcspCertStatus): Uint8Array {
  switch (s.status) {
    case 'good':
      return Uint8Array.of(0x80, 0x00);
    case 'unknown':
      return Uint8Array.of(0x82, 0x00);
    case 'revoked': {
      const reason = s.reason === undefined ? [] : [derExplicit(0, derTlv(0x0a, Uint8Array.of(CRL_REASONS[s.reason])))];
      return derTlv(0xa1, derGeneralizedTime(wholeSeconds(s.revokedAt)), ...reason);
    }
  }
}

function responseStatus(status: number): Uint8Array {
  return derSequence(derTlv(0x0a, Uint8Array.of(status)));
}
