import { encodeDer, OID } from '@openseal/asn1';
import { algorithmFitsKey, DIGEST_LENGTH, type CryptoProvider, type DigestAlgorithm, type SignatureAlgorithm } from '@openseal/crypto';
import { equalBytes, InvalidArgumentError } from '@openseal/kernel';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { signatureAlgorithmIdentifier } from '../algorithm-identifier.js';
import type { Certificate } from '../x509/certificate.js';
import { derTlv } from '../x509/der-writer.js';
import { issuerAndSerialNumber } from './certificate-parts.js';
import {
  contentTypeAttribute,
  encodeAttributeSet,
  messageDigestAttribute,
  signingCertificateV2Attribute,
  signingTimeAttribute,
  type CmsAttribute,
} from './cms-attribute.js';
import { dataContentType, signedDataContentType } from './content-types.js';

/** Content signed but not carried: the data itself, or its digest computed elsewhere (e.g. a PDF ByteRange). */
export type DetachedContent =
  | { readonly data: Uint8Array }
  | { readonly digest: Uint8Array; readonly digestAlgorithm?: DigestAlgorithm };

export interface SignedAttributeOptions {
  /** eContentType and the content-type attribute; default id-data (GB/T 35275 data with `gm`). */
  readonly contentType?: string;
  /** Added only when given: PAdES baseline forbids signing-time (the time goes into /M). */
  readonly signingTime?: Date;
  /** ESS signing-certificate-v2 with issuerSerial (RFC 5035); default true. */
  readonly signingCertificateV2?: boolean;
  /** Further signed attributes (each type at most once, not one of the above). */
  readonly extra?: readonly CmsAttribute[];
}

export interface PrepareSignedDataOptions {
  /** Encapsulated content (carried in eContent). Give this or `detached`. */
  readonly content?: Uint8Array;
  readonly detached?: DetachedContent;
  readonly digestAlgorithm: DigestAlgorithm;
  readonly signatureAlgorithm: SignatureAlgorithm;
  readonly signerCertificate: Certificate;
  /** Further certificates to embed (the chain); the signer certificate is embedded first. */
  readonly certificates?: readonly Certificate[];
  /** false: embed no certificate at all (RFC 3161 tokens when certReq is false); default true. */
  readonly embedCertificates?: boolean;
  readonly signedAttributes?: SignedAttributeOptions;
  /** 'subjectKeyIdentifier' makes a version 3 SignerInfo (RFC 5652 §5.3); default issuerAndSerialNumber. */
  readonly signerIdentifier?: 'issuerAndSerialNumber' | 'subjectKeyIdentifier';
  /**
   * GB/T 35275: content types 1.2.156.10197.6.1.4.2.x and, for SM2, signature algorithm sm2-1
   * (1.2.156.10197.1.301.1). Without it SM2 uses SM3withSM2 (1.2.156.10197.1.501), which BouncyCastle needs.
   */
  readonly gm?: boolean;
  /** Used for hashing only (content digest, ESS certificate hash). */
  readonly provider: Pick<CryptoProvider, 'digest'>;
}

/** Everything finishSignedData needs; plain data, so it can cross a process boundary to a remote signer. */
export interface PreparedSignedData {
  /** DER SET OF signed attributes: exactly the bytes the signer signs (RFC 5652 §5.4). */
  readonly toBeSigned: Uint8Array;
  readonly messageDigest: Uint8Array;
  readonly digestAlgorithm: DigestAlgorithm;
  readonly signatureAlgorithm: SignatureAlgorithm;
  /** DER AlgorithmIdentifier written into SignerInfo.signatureAlgorithm. */
  readonly signatureAlgorithmIdentifier: Uint8Array;
  readonly contentType: string;
  readonly signedDataContentType: string;
  readonly encapsulatedContent?: Uint8Array;
  readonly certificates: readonly Uint8Array[];
  /** DER SignerIdentifier (IssuerAndSerialNumber or [0] SubjectKeyIdentifier). */
  readonly signerIdentifier: Uint8Array;
  readonly signerInfoVersion: 1 | 3;
  /** DER SubjectPublicKeyInfo of the signer certificate (to check the signature before embedding it). */
  readonly signerPublicKey: Uint8Array;
}

/** Stage 1 of CMS signing: builds the signed attributes and returns the bytes to sign. */
export function prepareSignedData(options: PrepareSignedDataOptions): PreparedSignedData {
  const { digestAlgorithm, signatureAlgorithm, signerCertificate: cert, provider } = options;
  const gm = options.gm === true;
  if (signatureAlgorithm.hash !== digestAlgorithm) {
    throw new InvalidArgumentError('signature algorithm hash must equal the CMS digest algorithm', {
      digestAlgorithm,
      signatureHash: signatureAlgorithm.hash,
    });
  }
  if (!cert.keyType || !algorithmFitsKey(signatureAlgorithm, cert.keyType)) {
    throw new InvalidArgumentError('signature algorithm does not fit the signer certificate key', {
      algorithm: signatureAlgorithm.name,
      keyType: cert.keyType ?? 'unsupported',
    });
  }
  const messageDigest = contentDigest(options);
  const attrs = options.signedAttributes ?? {};
  const contentType = attrs.contentType ?? dataContentType(gm);
  const signed: CmsAttribute[] = [contentTypeAttribute(contentType), messageDigestAttribute(messageDigest)];
  if (attrs.signingTime) signed.push(signingTimeAttribute(attrs.signingTime));
  if (attrs.signingCertificateV2 !== false) signed.push(signingCertificateV2Attribute(cert, digestAlgorithm, provider));
  for (const extra of attrs.extra ?? []) {
    if (signed.some((a) => a.type === extra.type)) {
      throw new InvalidArgumentError('signed attribute given twice', { type: extra.type });
    }
    signed.push(extra);
  }
  const bySki = options.signerIdentifier === 'subjectKeyIdentifier';
  const ski = cert.subjectKeyIdentifier;
  if (bySki && !ski) throw new InvalidArgumentError('signer certificate has no subjectKeyIdentifier');
  const certificates: Uint8Array[] = [];
  for (const c of options.embedCertificates === false ? [] : [cert, ...(options.certificates ?? [])]) {
    if (!certificates.some((d) => equalBytes(d, c.der))) certificates.push(c.der);
  }
  return {
    toBeSigned: encodeAttributeSet(signed),
    messageDigest,
    digestAlgorithm,
    signatureAlgorithm,
    signatureAlgorithmIdentifier: cmsSignatureAlgorithmIdentifier(signatureAlgorithm, gm),
    contentType,
    signedDataContentType: signedDataContentType(gm),
    ...(options.content ? { encapsulatedContent: options.content } : {}),
    certificates,
    signerIdentifier: bySki && ski ? derTlv(0x80, ski) : issuerAndSerialNumber(cert),
    signerInfoVersion: bySki ? 3 : 1,
    signerPublicKey: cert.publicKey,
  };
}

function contentDigest(options: PrepareSignedDataOptions): Uint8Array {
  const { content, detached, digestAlgorithm, provider } = options;
  if ((content === undefined) === (detached === undefined)) {
    throw new InvalidArgumentError('give exactly one of content (encapsulated) or detached');
  }
  if (content !== undefined) return provider.digest(digestAlgorithm, content);
  if (detached && 'data' in detached) return provider.digest(digestAlgorithm, detached.data);
  if (detached && 'digest' in detached) {
    if (detached.digestAlgorithm !== undefined && detached.digestAlgorithm !== digestAlgorithm) {
      throw new InvalidArgumentError('detached digest was made with another algorithm', {
        expected: digestAlgorithm,
        actual: detached.digestAlgorithm,
      });
    }
    if (detached.digest.length !== DIGEST_LENGTH[digestAlgorithm]) {
      throw new InvalidArgumentError('detached digest has the wrong length', { digestAlgorithm, length: detached.digest.length });
    }
    return detached.digest.slice();
  }
  throw new InvalidArgumentError('detached content needs data or digest');
}

/** SignerInfo.signatureAlgorithm; SM2 is sm2-1 under GB/T 35275 and SM3withSM2 otherwise. */
export function cmsSignatureAlgorithmIdentifier(alg: SignatureAlgorithm, gm: boolean): Uint8Array {
  if (alg.name === 'SM2' && gm) return encodeDer(new AlgorithmIdentifier({ algorithm: OID.sm2sign }));
  return encodeDer(signatureAlgorithmIdentifier(alg));
}
