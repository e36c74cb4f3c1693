import { parsePublicKey, type CryptoProvider, type DigestAlgorithm, type SignatureAlgorithm } from '@openseal/crypto';
import { DIGEST_LENGTH } from '@openseal/crypto';
import { finishSignedData, prepareSignedData, type Certificate, type SignedAttributeOptions } from '@openseal/pki';

/** Room for an RFC 3161 token with its TSA chain (pades.md §2: 3–6 KiB seen, some TSAs send more). */
export const TIMESTAMP_ALLOWANCE = 10_240;

/** The longest DER signature value a key can produce (RSA: the modulus; ECDSA/SM2: SEQUENCE{r,s}). */
export function maxSignatureLength(publicKey: Uint8Array): number {
  const info = parsePublicKey(publicKey);
  if (info.keyType === 'RSA') return Math.ceil(info.bits / 8);
  const n = info.keyType === 'EC-P384' ? 48 : 32;
  // SEQUENCE { INTEGER r, INTEGER s }, each possibly with a leading zero byte.
  return 2 + 2 * (2 + n + 1);
}

export interface ContentsSizeInput {
  readonly signerCertificate: Certificate;
  readonly chain: readonly Certificate[];
  readonly digestAlgorithm: DigestAlgorithm;
  readonly signatureAlgorithm: SignatureAlgorithm;
  readonly signedAttributes: SignedAttributeOptions;
  readonly gm: boolean;
  readonly provider: Pick<CryptoProvider, 'digest'>;
  /** Reserve room for a signature timestamp. */
  readonly timestamp: boolean;
}

/**
 * Bytes to reserve for the DER CMS: a dry run with a zero digest and a maximal dummy signature, plus the
 * timestamp allowance, plus 10 % and 512 bytes of margin.
 */
export function estimateContentsSize(input: ContentsSizeInput): number {
  const dry = prepareSignedData({
    detached: { digest: new Uint8Array(DIGEST_LENGTH[input.digestAlgorithm]), digestAlgorithm: input.digestAlgorithm },
    digestAlgorithm: input.digestAlgorithm,
    signatureAlgorithm: input.signatureAlgorithm,
    signerCertificate: input.signerCertificate,
    certificates: input.chain,
    signedAttributes: input.signedAttributes,
    gm: input.gm,
    provider: input.provider,
  });
  const der = finishSignedData(dry, new Uint8Array(maxSignatureLength(input.signerCertificate.publicKey)).fill(0x7f));
  const base = der.length + (input.timestamp ? TIMESTAMP_ALLOWANCE : 0);
  return Math.ceil(base * 1.1) + 512;
}
