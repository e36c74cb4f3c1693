import type { CryptoProvider, DigestAlgorithm, SignatureAlgorithm, Signer } from '@openseal/crypto';
import { samePublicKey } from '../x509/same-public-key.js';
import { CmsSigningError } from './errors.js';
import { finishSignedData, type FinishSignedDataOptions } from './finish-signed-data.js';
import { prepareSignedData, type PrepareSignedDataOptions } from './prepare-signed-data.js';

export interface SignCmsOptions extends Omit<PrepareSignedDataOptions, 'signatureAlgorithm' | 'digestAlgorithm' | 'provider'>, FinishSignedDataOptions {
  readonly signer: Signer;
  /** Default: the signer's algorithm. */
  readonly signatureAlgorithm?: SignatureAlgorithm;
  /** Default: the signature algorithm's hash. */
  readonly digestAlgorithm?: DigestAlgorithm;
  /** Hashes the content and checks the signature value before it is embedded (fail closed). */
  readonly provider: CryptoProvider;
}

/** prepare → signer.sign → verify → finish, in one call. Returns the DER ContentInfo. */
export async function signCms(options: SignCmsOptions): Promise<Uint8Array> {
  const { signer, provider } = options;
  if (!samePublicKey(signer.publicKey, options.signerCertificate.publicKey)) {
    throw new CmsSigningError('the signer key does not match the signer certificate', {
      certificate: options.signerCertificate.toString(),
    });
  }
  const signatureAlgorithm = options.signatureAlgorithm ?? signer.algorithm;
  const prepared = prepareSignedData({
    ...options,
    signatureAlgorithm,
    digestAlgorithm: options.digestAlgorithm ?? signatureAlgorithm.hash,
  });
  const value = await signer.sign(prepared.toBeSigned, signatureAlgorithm);
  if (!(await provider.verify(signatureAlgorithm, prepared.signerPublicKey, prepared.toBeSigned, value))) {
    throw new CmsSigningError('the signer returned a signature that does not verify', { algorithm: signatureAlgorithm.name });
  }
  return finishSignedData(prepared, value, options);
}
