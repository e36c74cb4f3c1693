import { encodeDer } from '@openseal/asn1';
import type { DigestAlgorithm } from '@openseal/crypto';
import { InvalidArgumentError } from '@openseal/kernel';
import { digestAlgorithmIdentifier } from '../algorithm-identifier.js';
import { derExplicit, derOctetString, derOid, derSequence, derSetOf, derTlv, derUnsignedInteger } from '../x509/der-writer.js';
import { encodeAttribute, type CmsAttribute } from './cms-attribute.js';
import { isDataContentType } from './content-types.js';
import type { PreparedSignedData } from './prepare-signed-data.js';

export interface FinishSignedDataOptions {
  /** Unsigned attributes, e.g. a signature timestamp (or add it later with addSignatureTimestamp). */
  readonly unsignedAttributes?: readonly CmsAttribute[];
}

/**
 * Stage 2 of CMS signing: embeds the signature value made over `prepared.toBeSigned` and returns the
 * DER ContentInfo (RFC 5652 §3) holding the SignedData.
 */
export function finishSignedData(prepared: PreparedSignedData, signatureValue: Uint8Array, options: FinishSignedDataOptions = {}): Uint8Array {
  if (signatureValue.length === 0) throw new InvalidArgumentError('empty signature value');
  const unsigned = options.unsignedAttributes ?? [];
  // RFC 5652 §5.3: signedAttrs [0] IMPLICIT and unsignedAttrs [1] IMPLICIT reuse the SET OF contents.
  const signedAttrs = retag(prepared.toBeSigned, 0xa0);
  const signerInfo = derSequence(
    derUnsignedInteger(BigInt(prepared.signerInfoVersion)),
    prepared.signerIdentifier,
    digestAlgorithmDer(prepared.digestAlgorithm),
    signedAttrs,
    prepared.signatureAlgorithmIdentifier,
    derOctetString(signatureValue),
    ...(unsigned.length > 0 ? [derTlv(0xa1, ...sortedEncodings(unsigned))] : []),
  );
  const encap = derSequence(
    derOid(prepared.contentType),
    ...(prepared.encapsulatedContent ? [derExplicit(0, derOctetString(prepared.encapsulatedContent))] : []),
  );
  const signedData = derSequence(
    derUnsignedInteger(BigInt(signedDataVersion(prepared.contentType, prepared.signerInfoVersion))),
    derSetOf([digestAlgorithmDer(prepared.digestAlgorithm)]),
    encap,
    ...(prepared.certificates.length > 0 ? [derTlv(0xa0, ...[...prepared.certificates].sort(compareBytes))] : []),
    derSetOf([signerInfo]),
  );
  return derSequence(derOid(prepared.signedDataContentType), derExplicit(0, signedData));
}

/** RFC 5652 §5.1: 3 when a SignerInfo is v3 or eContentType is not data (GB/T 35275 data counts as data). */
export function signedDataVersion(contentType: string, signerInfoVersion: number): number {
  return signerInfoVersion === 3 || !isDataContentType(contentType) ? 3 : 1;
}

export function digestAlgorithmDer(alg: DigestAlgorithm): Uint8Array {
  return encodeDer(digestAlgorithmIdentifier(alg));
}

/** Replaces the identifier octet of a DER SET OF (0x31) with an IMPLICIT context tag. */
export function retag(der: Uint8Array, tag: number): Uint8Array {
  const out = der.slice();
  out[0] = tag;
  return out;
}

export function sortedEncodings(attrs: readonly CmsAttribute[]): Uint8Array[] {
  return attrs.map(encodeAttribute).sort(compareBytes);
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
