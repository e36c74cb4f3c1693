import type { SignatureAlgorithm } from '@openseal/crypto';
import type { OfdPackage, StampAnnot } from '@openseal/ofd';
import type { PreparedSignedData } from '@openseal/pki';
import type { PreparedSesSignature } from '@openseal/ses';

/** What stage 1 leaves for stage 3: the exact changes to write around the signature value. */
export type PendingSignedValue =
  | { readonly kind: 'ses'; readonly prepared: PreparedSesSignature }
  | { readonly kind: 'cms'; readonly prepared: PreparedSignedData };

/**
 * A signature prepared in an OFD package (stage 1). `toBeSigned` is what the key signs — in process, on a
 * token or in a remote agent; finishOfdSignature then writes SignedValue.dat and the new package.
 */
export class PreparedOfdSignature {
  constructor(
    /** The bytes to sign: DER TBS_Sign (Seal) or the DER signed attributes (Sign). */
    readonly toBeSigned: Uint8Array,
    readonly signatureAlgorithm: SignatureAlgorithm,
    /** DER SubjectPublicKeyInfo of the signer certificate, to check the value before writing. */
    readonly signerPublicKey: Uint8Array,
    readonly type: 'Seal' | 'Sign',
    readonly signatureId: string,
    readonly signaturePath: string,
    readonly signedValuePath: string,
    readonly stampAnnots: readonly StampAnnot[],
    readonly protectedFiles: readonly string[],
    readonly signingTime: Date,
    /** How the placement was found ('position', 'keyword:last', 'date-line', 'seam', …). */
    readonly placementMethod: string,
    readonly pkg: OfdPackage,
    readonly puts: ReadonlyMap<string, Uint8Array>,
    readonly pending: PendingSignedValue,
  ) {}
}
