import type { CryptoProvider, Signer } from '@openseal/crypto';
import { OpenSealError, type Clock } from '@openseal/kernel';
import type { OfdPackage, StampAnnot } from '@openseal/ofd';
import { samePublicKey } from '@openseal/pki';
import { OfdSealSigningError } from '../errors.js';
import { finishOfdSignature } from './finish-ofd-signature.js';
import { prepareOfdSeal, type PrepareOfdSealInput } from './prepare-ofd-seal.js';
import { prepareOfdSign, type PrepareOfdSignInput } from './prepare-ofd-sign.js';
import type { PreparedOfdSignature } from './prepared-ofd-signature.js';

export interface SignOfdDeps {
  readonly signer: Signer;
  readonly provider: CryptoProvider;
  /** Signing time when the options give none. */
  readonly clock: Clock;
  /** Asks a TSA for an RFC 3161 token over the signature value. */
  readonly timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array>;
}

export interface SignedOfd {
  readonly bytes: Uint8Array;
  readonly signatureId: string;
  readonly signaturePath: string;
  readonly stampAnnots: readonly StampAnnot[];
  readonly protectedFiles: readonly string[];
  readonly placementMethod: string;
}

export type SealOfdOptions = Omit<PrepareOfdSealInput, 'document' | 'signingTime'> & { readonly signingTime?: Date };
export type SignOfdOptions = Omit<PrepareOfdSignInput, 'document' | 'signingTime'> & { readonly signingTime?: Date };

/** prepareOfdSeal → signer.sign → (timestamp) → finishOfdSignature, in one call. */
export async function sealOfd(document: Uint8Array | OfdPackage, options: SealOfdOptions, deps: SignOfdDeps): Promise<SignedOfd> {
  const prepared = await prepareOfdSeal({ ...options, document, signingTime: options.signingTime ?? deps.clock.now() }, deps);
  return complete(prepared, deps);
}

/** prepareOfdSign → signer.sign → (timestamp) → finishOfdSignature: a plain digital signature (Type="Sign"). */
export async function signOfd(document: Uint8Array | OfdPackage, options: SignOfdOptions, deps: SignOfdDeps): Promise<SignedOfd> {
  const prepared = await prepareOfdSign({ ...options, document, signingTime: options.signingTime ?? deps.clock.now() }, deps);
  return complete(prepared, deps);
}

async function complete(prepared: PreparedOfdSignature, deps: SignOfdDeps): Promise<SignedOfd> {
  if (!samePublicKey(deps.signer.publicKey, prepared.signerPublicKey)) throw new OfdSealSigningError('the signer key does not match the signer certificate');
  const value = await deps.signer.sign(prepared.toBeSigned, prepared.signatureAlgorithm);
  const timeStamp = deps.timestamp ? await deps.timestamp(value) : undefined;
  const bytes = await finishOfdSignature(prepared, value, { provider: deps.provider, ...(timeStamp ? { timeStamp } : {}) });
  return {
    bytes,
    signatureId: prepared.signatureId,
    signaturePath: prepared.signaturePath,
    stampAnnots: prepared.stampAnnots,
    protectedFiles: prepared.protectedFiles,
    placementMethod: prepared.placementMethod,
  };
}

export type BatchResult<N> = { readonly name: N; readonly ok: true; readonly result: SignedOfd } | { readonly name: N; readonly ok: false; readonly error: OpenSealError };

/**
 * Seals many documents with one seal and placement, one after the other; a document that cannot be
 * sealed (bad package, keyword missing…) is reported and the batch goes on. Bugs still throw.
 */
export async function sealOfdBatch<N>(documents: Iterable<{ readonly name: N; readonly bytes: Uint8Array }> | AsyncIterable<{ readonly name: N; readonly bytes: Uint8Array }>, options: SealOfdOptions, deps: SignOfdDeps): Promise<BatchResult<N>[]> {
  const results: BatchResult<N>[] = [];
  for await (const doc of documents) {
    try {
      results.push({ name: doc.name, ok: true, result: await sealOfd(doc.bytes, options, deps) });
    } catch (e) {
      if (!(e instanceof OpenSealError)) throw e;
      results.push({ name: doc.name, ok: false, error: e });
    }
  }
  return results;
}
