import { OID } from '@openseal/asn1';
import type { DigestAlgorithm, SignatureAlgorithm } from '@openseal/crypto';
import { signatureAlgorithmForOid, signatureOidFor } from '@openseal/pki';
import { SealUnsupportedError } from './errors.js';

/** The algorithm an SES signAlgID / signatureAlgID names; SM2 always with the default user ID. */
export function sealSignatureAlgorithm(oid: string): SignatureAlgorithm {
  // Some producers name the key algorithm (sm2sign) where the signature algorithm belongs.
  const alg = oid === OID.sm2sign ? ({ name: 'SM2', hash: 'SM3' } as const) : signatureAlgorithmForOid(oid);
  if (alg === undefined || alg.name === 'RSA-PSS') throw new SealUnsupportedError(`signature algorithm ${oid}`, { oid });
  return alg;
}

/** The OID written into SESeal.signAlgID / SES_Signature.signatureAlgID (GB/T 38540: SM2 → 1.2.156.10197.1.501). */
export function sealSignatureOid(alg: SignatureAlgorithm): string {
  if (alg.name === 'SM2' && alg.userId !== undefined) {
    throw new SealUnsupportedError('SM2 with a non-default user ID (GB/T 38540 uses 1234567812345678)');
  }
  const oid = alg.hash === 'SHA-1' ? undefined : signatureOidFor(alg);
  if (oid === undefined) throw new SealUnsupportedError(`${alg.name} with ${alg.hash} for seals`, { algorithm: alg.name, hash: alg.hash });
  return oid;
}

/** The hash of the signed original (TBS_Sign.dataHash): SM3 for SM2, the algorithm's hash otherwise (ses digest §7 step 5). */
export function dataHashAlgorithm(alg: SignatureAlgorithm): DigestAlgorithm {
  return alg.name === 'SM2' ? 'SM3' : alg.hash;
}
