import type { CryptoProvider, Signer } from '@openseal/crypto';
import { samePublicKey } from '@openseal/pki';
import { SealInputError } from '../errors.js';
import { signAndCheck } from '../seal/seal-signature-value.js';
import { finishSesSignature } from './finish-ses-signature.js';
import { prepareSesSignature, type PrepareSesSignatureInput } from './prepare-ses-signature.js';

export interface CreateSesSignatureDeps {
  readonly signer: Signer;
  readonly provider: CryptoProvider;
  /** Asks a TSA for an RFC 3161 token over the signature value (GB/T 38540 §7.2 step 8). */
  readonly timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array>;
}

/** prepare → signer.sign → verify → (timestamp) → finish, in one call; returns DER SES_Signature. */
export async function createSesSignature(input: PrepareSesSignatureInput, deps: CreateSesSignatureDeps): Promise<Uint8Array> {
  const prepared = await prepareSesSignature(input, deps);
  if (!samePublicKey(deps.signer.publicKey, prepared.signerPublicKey)) throw new SealInputError('the signer key does not match the signer certificate');
  const value = await signAndCheck(deps.signer, prepared.toBeSigned, prepared.signatureAlgorithm, prepared.signerPublicKey, deps.provider, 'signer');
  const timeStamp = deps.timestamp ? await deps.timestamp(value) : undefined;
  return finishSesSignature(prepared, value, timeStamp ? { timeStamp } : {});
}
