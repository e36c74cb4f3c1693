import type { DigestAlgorithm, SignatureAlgorithm } from '../algorithms.js';

/** One signature asked of a remote key (local agent, USB-key bridge, signing service). */
export interface RemoteSigningRequest {
  /** Which key the agent should use (its own identifier). */
  readonly keyId: string;
  readonly algorithm: SignatureAlgorithm;
  /** The message to sign; the agent hashes it as the algorithm requires (SM2: SM3(Z‖M)). */
  readonly data: Uint8Array;
  /** hash(data) with the algorithm's digest, for agents that show or log it (for SM2 this is SM3(M), not e). */
  readonly dataDigest: { readonly algorithm: DigestAlgorithm; readonly value: Uint8Array };
  /** Free text for the agent's confirmation prompt or audit log, e.g. "seal contract-42.pdf". */
  readonly purpose?: string;
}

export interface RemoteSigningResponse {
  /** DER SEQUENCE{r,s} (raw r‖s is accepted for SM2/ECDSA), or the RSA signature block. */
  readonly signature: Uint8Array;
}

/** How a RemoteSigner reaches its key. Implementations should stop work when `signal` aborts. */
export interface RemoteSigningTransport {
  requestSignature(request: RemoteSigningRequest, options: { readonly signal: AbortSignal }): Promise<RemoteSigningResponse>;
}
