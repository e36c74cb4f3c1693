import { isDerEcSignature, rawEcSignatureToDer, type CryptoProvider, type SignatureAlgorithm, type Signer } from '@openseal/crypto';
import { SealSigningError } from '../errors.js';

/**
 * Makes sure an SM2/ECDSA value is DER SEQUENCE{r,s} (GB/T 35276; ofdrw rejects raw r‖s): tokens that
 * return raw r‖s are converted. Anything else that is not DER is refused.
 */
export function derSignatureValue(value: Uint8Array, alg: SignatureAlgorithm): Uint8Array {
  if (alg.name !== 'SM2' && alg.name !== 'ECDSA') return value;
  if (isDerEcSignature(value)) return value;
  if (value.length % 2 === 0 && value.length >= 64 && value.length <= 132) return rawEcSignatureToDer(value, value.length / 2);
  throw new SealSigningError('the signer returned an EC signature that is neither DER nor raw r‖s', { length: value.length });
}

/** signer.sign → DER → verified with the public key before anything is written (fail closed). */
export async function signAndCheck(
  signer: Signer,
  data: Uint8Array,
  alg: SignatureAlgorithm,
  publicKey: Uint8Array,
  provider: CryptoProvider,
  what: string,
): Promise<Uint8Array> {
  const value = derSignatureValue(await signer.sign(data, alg), alg);
  if (!(await provider.verify(alg, publicKey, data, value))) {
    throw new SealSigningError(`the ${what} signature does not verify with the certificate's key`, { algorithm: alg.name });
  }
  return value;
}
