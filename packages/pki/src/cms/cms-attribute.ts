import { encodeDer, OID } from '@openseal/asn1';
import type { CryptoProvider, DigestAlgorithm } from '@openseal/crypto';
import { digestAlgorithmIdentifier } from '../algorithm-identifier.js';
import type { Certificate } from '../x509/certificate.js';
import { derOctetString, derOid, derSequence, derSetOf, derTime, derTlv } from '../x509/der-writer.js';
import { serialNumberTlv } from './certificate-parts.js';

/** RFC 5652 §5.3 Attribute ::= SEQUENCE { attrType OBJECT IDENTIFIER, attrValues SET OF AttributeValue }; values are DER. */
export interface CmsAttribute {
  readonly type: string;
  readonly values: readonly Uint8Array[];
}

export function encodeAttribute(attr: CmsAttribute): Uint8Array {
  return derSequence(derOid(attr.type), derSetOf(attr.values));
}

/** DER SET OF Attribute, sorted (X.690 §11.6): the exact bytes a SignerInfo signature covers (RFC 5652 §5.4). */
export function encodeAttributeSet(attrs: readonly CmsAttribute[]): Uint8Array {
  return derSetOf(attrs.map(encodeAttribute));
}

export function findAttribute(attrs: readonly CmsAttribute[], type: string): CmsAttribute | undefined {
  return attrs.find((a) => a.type === type);
}

/** RFC 5652 §11.1 content-type. */
export function contentTypeAttribute(contentType: string): CmsAttribute {
  return { type: OID.contentType, values: [derOid(contentType)] };
}

/** RFC 5652 §11.2 message-digest. */
export function messageDigestAttribute(digest: Uint8Array): CmsAttribute {
  return { type: OID.messageDigest, values: [derOctetString(digest)] };
}

/** RFC 5652 §11.3 signing-time: UTCTime for 1950–2049, GeneralizedTime otherwise. */
export function signingTimeAttribute(at: Date): CmsAttribute {
  return { type: OID.signingTime, values: [derTime(at)] };
}

/**
 * RFC 5035 signing-certificate-v2 naming the signer certificate by hash and IssuerSerial.
 * hashAlgorithm is omitted for SHA-256, its DEFAULT (X.690 §11.5).
 */
export function signingCertificateV2Attribute(cert: Certificate, hash: DigestAlgorithm, provider: Pick<CryptoProvider, 'digest'>): CmsAttribute {
  const issuerSerial = derSequence(derSequence(derTlv(0xa4, cert.issuer.der)), serialNumberTlv(cert));
  const essCertId = derSequence(
    ...(hash === 'SHA-256' ? [] : [encodeDer(digestAlgorithmIdentifier(hash))]),
    derOctetString(provider.digest(hash, cert.der)),
    issuerSerial,
  );
  return { type: OID.signingCertificateV2, values: [derSequence(derSequence(essCertId))] };
}

/** id-aa-signatureTimeStampToken (RFC 3161 Appendix A) holding a TimeStampToken. */
export function signatureTimestampAttribute(tokenDer: Uint8Array): CmsAttribute {
  return { type: OID.signatureTimeStampToken, values: [tokenDer] };
}
