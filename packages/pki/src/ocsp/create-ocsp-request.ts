import { OID } from '@openseal/asn1';
import type { CryptoProvider } from '@openseal/crypto';
import { InvalidArgumentError } from '@openseal/kernel';
import type { Certificate } from '../x509/certificate.js';
import { derExplicit, derOctetString, derOid, derSequence } from '../x509/der-writer.js';
import { encodeCertId, type OcspHashAlgorithm } from './cert-id.js';

export interface OcspRequestOptions {
  readonly certs: ReadonlyArray<{ readonly cert: Certificate; readonly issuer: Certificate }>;
  /** RFC 8954: 1–32 octets; see OcspClient for a random one. */
  readonly nonce?: Uint8Array;
  /** CertID hash; default SHA-1 (what RFC 5019 responders expect). */
  readonly hashAlgorithm?: OcspHashAlgorithm;
  readonly provider: Pick<CryptoProvider, 'digest'>;
}

/**
 * RFC 6960 §4.1.1 OCSPRequest ::= SEQUENCE { tbsRequest TBSRequest, optionalSignature [0] EXPLICIT OPTIONAL }
 * TBSRequest ::= SEQUENCE { version [0] EXPLICIT DEFAULT v1, requestorName [1] OPTIONAL,
 *   requestList SEQUENCE OF Request, requestExtensions [2] EXPLICIT Extensions OPTIONAL } (unsigned here)
 */
export function createOcspRequest(options: OcspRequestOptions): Uint8Array {
  if (options.certs.length === 0) throw new InvalidArgumentError('an OCSP request needs at least one certificate');
  const nonce = options.nonce;
  if (nonce && (nonce.length < 1 || nonce.length > 32)) throw new InvalidArgumentError('OCSP nonce must be 1–32 octets (RFC 8954)');
  const hash = options.hashAlgorithm ?? 'SHA-1';
  const requests = options.certs.map(({ cert, issuer }) => derSequence(encodeCertId(cert, issuer, hash, options.provider)));
  const extensions = nonce ? [derExplicit(2, derSequence(nonceExtension(nonce)))] : [];
  return derSequence(derSequence(derSequence(...requests), ...extensions));
}

/** id-pkix-ocsp-nonce (RFC 8954 §2.1): extnValue holds a DER OCTET STRING with the nonce. */
export function nonceExtension(nonce: Uint8Array): Uint8Array {
  return derSequence(derOid(OID.ocspNonce), derOctetString(derOctetString(nonce)));
}
