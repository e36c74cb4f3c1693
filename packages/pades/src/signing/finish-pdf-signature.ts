import { finishSignedData, signatureTimestampAttribute } from '@openseal/pki';
import { concatBytes } from '@openseal/kernel';
import { PadesContentsTooSmallError } from '../errors.js';
import type { PreparedPdfSignature } from './prepare-pdf-signature.js';

export interface FinishPdfSignatureOptions {
  /** RFC 3161 token over the signature value: the PAdES B-T signature-time-stamp attribute. */
  readonly timestampToken?: Uint8Array;
}

/**
 * Stage 2: embeds the signature value (and timestamp) as DER CMS in /Contents and returns the file as
 * pieces: the untouched original bytes, then the new revision. Nothing before /Contents moves.
 */
export function finishPdfSignatureChunks(prepared: PreparedPdfSignature, signatureValue: Uint8Array, options: FinishPdfSignatureOptions = {}): readonly Uint8Array[] {
  const unsignedAttributes = options.timestampToken ? [signatureTimestampAttribute(options.timestampToken)] : [];
  const der = finishSignedData(prepared.cms, signatureValue, { unsignedAttributes });
  if (der.length > prepared.contentsCapacity) throw new PadesContentsTooSmallError(der.length, prepared.contentsCapacity);
  prepared.update.fillContents(der);
  return [prepared.update.original, prepared.update.appended];
}

/** Stage 2 as one buffer: original bytes ‖ new revision. */
export function finishPdfSignature(prepared: PreparedPdfSignature, signatureValue: Uint8Array, options: FinishPdfSignatureOptions = {}): Uint8Array {
  return concatBytes(...finishPdfSignatureChunks(prepared, signatureValue, options));
}
