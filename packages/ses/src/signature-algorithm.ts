import { OID } from '@openseal/asn1';
import type { DigestAlgorithm, SignatureAlgorithm } from '@openseal/crypto';
import { SealUnsupportedError } from './errors.js';

const BY_OID: Readonly<Record<string, SignatureAlgorithm>> = {
  [OID.sm3WithSM2Encryption]: { name: 'SM2', hash: 'SM3' },
  // Some producers name the key algorithm (sm2sign) where the signature algorithm belongs.
  [OID.sm2sign]: { name: 'SM2', hash: 'SM3' },
  [OID.sm3WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: 'SM3' },
  [OID.sha1WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' },
  [OID.sha256WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  [OID.sha384WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
  [OID.sha512WithRSAEncryption]: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
  [OID.ecdsaWithSHA256]: { name: 'ECDSA', hash: 'SHA-256' },
  [OID.ecdsaWithSHA384]: { name: 'ECDSA', hash: 'SHA-384' },
  [OID.ecdsaWithSHA512]: { name: 'ECDSA', hash: 'SHA-512' },
};

/** The algorithm an SES signAlgID / signatureAlgID names; SM2 always with the default user ID. */
export function sealSignatureAlgorithm(oid: string): SignatureAlgorithm {
  const alg = BY_OID[oid];
  if (alg === undefined) throw new SealUnsupportedError(`signature algorithm ${oid}`, { oid });
  return alg;
}

/** The OID written into SESeal.signAlgID / SES_Signature.signatureAlgID (GB/T 38540: SM2 → 1.2.156.10197.1.501). */
export function sealSignatureOid(alg: SignatureAlgorithm): string {
  if (alg.name === 'SM2') {
    if (alg.userId !== undefined) throw new SealUnsupportedError('SM2 with a non-default user ID (GB/T 38540 uses 1234567812345678)');
    return OID.sm3WithSM2Encryption;
  }
  for (const [oid, known] of Object.entries(BY_OID)) {
    if (oid !== OID.sm2sign && known.name === alg.name && known.hash === alg.hash && alg.hash !== 'SHA-1') return oid;
  }
  throw new SealUnsupportedError(`${alg.name} with ${alg.hash} for seals`, { algorithm: alg.name, hash: alg.hash });
}

/** The hash of the signed original (TBS_Sign.dataHash): SM3 for SM2, the algorithm's hash otherwise (ses digest §7 step 5). */
export function dataHashAlgorithm(alg: SignatureAlgorithm): DigestAlgorithm {
  return alg.name === 'SM2' ? 'SM3' : alg.hash;
}
