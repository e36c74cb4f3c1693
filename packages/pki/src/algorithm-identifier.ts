import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { RsaSaPssParams } from '@peculiar/asn1-rsa';
import { OID, parseDer } from '@openseal/asn1';
import {
  CryptoUnsupportedError,
  type DigestAlgorithm,
  type KeyType,
  type SignatureAlgorithm,
} from '@openseal/crypto';

const DIGEST_OID: Readonly<Record<DigestAlgorithm, string>> = {
  SM3: OID.sm3,
  'SHA-1': OID.sha1,
  'SHA-256': OID.sha256,
  'SHA-384': OID.sha384,
  'SHA-512': OID.sha512,
};
const DIGEST_BY_OID: Readonly<Record<string, DigestAlgorithm>> = Object.fromEntries(
  Object.entries(DIGEST_OID).map(([k, v]) => [v, k as DigestAlgorithm]),
);

const RSA_PKCS1_OID: Partial<Record<DigestAlgorithm, string>> = {
  SM3: OID.sm3WithRSAEncryption,
  'SHA-1': OID.sha1WithRSAEncryption,
  'SHA-256': OID.sha256WithRSAEncryption,
  'SHA-384': OID.sha384WithRSAEncryption,
  'SHA-512': OID.sha512WithRSAEncryption,
};
const ECDSA_OID: Partial<Record<DigestAlgorithm, string>> = {
  'SHA-256': OID.ecdsaWithSHA256,
  'SHA-384': OID.ecdsaWithSHA384,
  'SHA-512': OID.ecdsaWithSHA512,
};
const BY_SIGNATURE_OID: Readonly<Record<string, SignatureAlgorithm>> = {
  [OID.sm3WithSM2Encryption]: { name: 'SM2', hash: 'SM3' },
  [OID.sm3WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: 'SM3' },
  [OID.sha1WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' },
  [OID.sha256WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  [OID.sha384WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
  [OID.sha512WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
  [OID.ecdsaWithSHA256]: { name: 'ECDSA', hash: 'SHA-256' },
  [OID.ecdsaWithSHA384]: { name: 'ECDSA', hash: 'SHA-384' },
  [OID.ecdsaWithSHA512]: { name: 'ECDSA', hash: 'SHA-512' },
};

const NULL_PARAMS = new Uint8Array([0x05, 0x00]).buffer;

export function digestAlgorithmIdentifier(alg: DigestAlgorithm): AlgorithmIdentifier {
  // SHA-2 identifiers omit parameters (RFC 5754 §2); SM3 likewise (GB/T 35275).
  return new AlgorithmIdentifier({ algorithm: DIGEST_OID[alg] });
}

export function digestAlgorithmFromOid(oid: string): DigestAlgorithm {
  const d = DIGEST_BY_OID[oid];
  if (!d) throw new CryptoUnsupportedError(`digest algorithm ${oid}`);
  return d;
}

export function digestOid(alg: DigestAlgorithm): string {
  return DIGEST_OID[alg];
}

/**
 * Strict lookup of a combined signature-algorithm OID (hash + scheme, e.g. SM3withSM2 …1.501);
 * undefined for key-only OIDs such as rsaEncryption, which need a separate digest to mean anything.
 */
export function signatureAlgorithmForOid(oid: string): SignatureAlgorithm | undefined {
  return BY_SIGNATURE_OID[oid];
}

/** The combined signature-algorithm OID for `alg` (RSASSA-PSS has none: its parameters carry the hash). */
export function signatureOidFor(alg: SignatureAlgorithm): string | undefined {
  switch (alg.name) {
    case 'SM2':
      return OID.sm3WithSM2Encryption;
    case 'RSASSA-PKCS1-v1_5':
      return RSA_PKCS1_OID[alg.hash];
    case 'ECDSA':
      return ECDSA_OID[alg.hash];
    case 'RSA-PSS':
      return undefined;
  }
}

/** The AlgorithmIdentifier to put in a certificate, CRL, OCSP response or CMS SignerInfo. */
export function signatureAlgorithmIdentifier(alg: SignatureAlgorithm): AlgorithmIdentifier {
  switch (alg.name) {
    case 'SM2':
      // GB/T 35276: SM3withSM2 = 1.2.156.10197.1.501; parameters absent (NULL also accepted on input).
      return new AlgorithmIdentifier({ algorithm: OID.sm3WithSM2Encryption });
    case 'RSASSA-PKCS1-v1_5': {
      const oid = RSA_PKCS1_OID[alg.hash];
      if (!oid) throw new CryptoUnsupportedError(`RSA PKCS#1 v1.5 with ${alg.hash}`);
      return new AlgorithmIdentifier({ algorithm: oid, parameters: NULL_PARAMS });
    }
    case 'ECDSA': {
      const oid = ECDSA_OID[alg.hash];
      if (!oid) throw new CryptoUnsupportedError(`ECDSA with ${alg.hash}`);
      return new AlgorithmIdentifier({ algorithm: oid });
    }
    case 'RSA-PSS': {
      const hashAlg = new AlgorithmIdentifier({ algorithm: DIGEST_OID[alg.hash], parameters: NULL_PARAMS });
      const params = new RsaSaPssParams({
        hashAlgorithm: hashAlg,
        maskGenAlgorithm: new AlgorithmIdentifier({ algorithm: OID.mgf1, parameters: AsnConvert.serialize(hashAlg) }),
        saltLength: alg.saltLength ?? digestLength(alg.hash),
      });
      return new AlgorithmIdentifier({ algorithm: OID.rsassaPss, parameters: AsnConvert.serialize(params) });
    }
  }
}

function digestLength(d: DigestAlgorithm): number {
  return { SM3: 32, 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 }[d];
}

/**
 * Maps a signature AlgorithmIdentifier (certificate, CRL, OCSP, TSA, CMS) to a SignatureAlgorithm.
 * In CMS a SignerInfo may name only the key algorithm (rsaEncryption, id-ecPublicKey, sm2sign);
 * then `digest` (the SignerInfo's digestAlgorithm) supplies the hash.
 */
export function signatureAlgorithmFromIdentifier(id: AlgorithmIdentifier, digest?: DigestAlgorithm): SignatureAlgorithm {
  const known = BY_SIGNATURE_OID[id.algorithm];
  if (known) return known;
  switch (id.algorithm) {
    case OID.rsaEncryption:
      return { name: 'RSASSA-PKCS1-v1_5', hash: digest ?? 'SHA-256' };
    case OID.ecPublicKey:
      return { name: 'ECDSA', hash: digest ?? 'SHA-256' };
    case OID.sm2sign:
    case OID.sm2:
      return { name: 'SM2', hash: 'SM3' };
    case OID.rsassaPss: {
      if (!id.parameters) return { name: 'RSA-PSS', hash: 'SHA-1', saltLength: 20 };
      // parseDer: hostile parameters become a typed ASN1_* error, never a raw parser exception
      const p = parseDer(new Uint8Array(id.parameters), RsaSaPssParams, 'RSASSA-PSS-params');
      const hash = digestAlgorithmFromOid(p.hashAlgorithm.algorithm);
      return { name: 'RSA-PSS', hash, saltLength: p.saltLength };
    }
    default:
      throw new CryptoUnsupportedError(`signature algorithm ${id.algorithm}`);
  }
}

/** The key type a signature algorithm needs (for EC, the curve comes from the key itself). */
export function keyTypesFor(alg: SignatureAlgorithm): readonly KeyType[] {
  switch (alg.name) {
    case 'SM2':
      return ['SM2'];
    case 'ECDSA':
      return ['EC-P256', 'EC-P384'];
    default:
      return ['RSA'];
  }
}
