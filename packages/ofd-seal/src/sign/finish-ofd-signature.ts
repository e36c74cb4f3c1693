import type { CryptoProvider } from '@openseal/crypto';
import { updatePackage } from '@openseal/ofd';
import { finishSignedData, signatureTimestampAttribute } from '@openseal/pki';
import { derSignatureValue, finishSesSignature } from '@openseal/ses';
import { OfdSealSigningError } from '../errors.js';
import type { PreparedOfdSignature } from './prepared-ofd-signature.js';

export interface FinishOfdSignatureOptions {
  /** Checks the value with the signer certificate's key before anything is written (fail closed). */
  readonly provider: CryptoProvider;
  /** RFC 3161 TimeStampToken over the signature value (SES_Signature.timeStamp, or a CMS signature timestamp). */
  readonly timeStamp?: Uint8Array;
}

/**
 * Stage 3: checks the signature value, writes SignedValue.dat and returns the new package. Every entry
 * that was not changed keeps its stored bytes (updatePackage), so earlier signatures stay intact.
 */
export async function finishOfdSignature(prepared: PreparedOfdSignature, signatureValue: Uint8Array, options: FinishOfdSignatureOptions): Promise<Uint8Array> {
  const value = derSignatureValue(signatureValue, prepared.signatureAlgorithm);
  if (!(await options.provider.verify(prepared.signatureAlgorithm, prepared.signerPublicKey, prepared.toBeSigned, value))) {
    throw new OfdSealSigningError('the signature value does not verify with the signer certificate', { signature: prepared.signatureId });
  }
  const pending = prepared.pending;
  const signedValue =
    pending.kind === 'ses'
      ? finishSesSignature(pending.prepared, value, options.timeStamp ? { timeStamp: options.timeStamp } : {})
      : finishSignedData(pending.prepared, value, options.timeStamp ? { unsignedAttributes: [signatureTimestampAttribute(options.timeStamp)] } : {});
  const put = new Map(prepared.puts);
  put.set(prepared.signedValuePath, signedValue);
  return updatePackage(prepared.pkg, { put }, { modifiedAt: prepared.signingTime });
}
