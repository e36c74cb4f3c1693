import { OpenSealError } from '@openseal/kernel';
import { algorithmFitsKey, defaultSignatureAlgorithm, type KeyType, type SignatureAlgorithm } from '../algorithms.js';
import { KeyAlgorithmMismatchError, RemoteSignerError } from '../errors.js';
import type { CryptoProvider } from '../provider.js';
import { parsePublicKey } from '../public-key.js';
import type { Signer } from '../signer.js';
import { isDerEcSignature, rawEcSignatureToDer } from './ec-signature-der.js';
import type { RemoteSigningResponse, RemoteSigningTransport } from './remote-signing-transport.js';

/** Default wait for a remote signature: long enough for a PIN prompt on a USB key. */
export const DEFAULT_REMOTE_SIGN_TIMEOUT_MS = 120_000;

export interface RemoteSignerOptions {
  transport: RemoteSigningTransport;
  keyId: string;
  /** DER SubjectPublicKeyInfo the remote key must sign for (usually from its certificate). */
  publicKey: Uint8Array;
  /** Verifies every returned signature before it is handed out. */
  provider: CryptoProvider;
  algorithm?: SignatureAlgorithm;
  timeoutMs?: number;
  purpose?: string;
}

const EC_SIZE: Readonly<Partial<Record<KeyType, number>>> = { SM2: 32, 'EC-P256': 32, 'EC-P384': 48 };

/**
 * A Signer whose key lives elsewhere (a local agent, a USB-key bridge). It fails closed: each
 * returned signature is verified against the expected public key, and a timeout, transport
 * error or non-verifying signature is KEY_REMOTE_SIGNER_FAILED — nothing unverified is returned.
 */
export class RemoteSigner implements Signer {
  readonly keyType: KeyType;
  readonly publicKey: Uint8Array;
  readonly algorithm: SignatureAlgorithm;
  readonly #options: RemoteSignerOptions;
  readonly #timeoutMs: number;

  constructor(options: RemoteSignerOptions) {
    this.keyType = parsePublicKey(options.publicKey).keyType;
    this.publicKey = options.publicKey.slice();
    this.algorithm = options.algorithm ?? defaultSignatureAlgorithm(this.keyType);
    if (!algorithmFitsKey(this.algorithm, this.keyType)) throw new KeyAlgorithmMismatchError(this.keyType, this.algorithm.name);
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_REMOTE_SIGN_TIMEOUT_MS;
    this.#options = options;
  }

  async sign(data: Uint8Array, algorithm: SignatureAlgorithm = this.algorithm): Promise<Uint8Array> {
    if (!algorithmFitsKey(algorithm, this.keyType)) throw new KeyAlgorithmMismatchError(this.keyType, algorithm.name);
    const { transport, keyId, provider, purpose } = this.#options;
    const details = { keyId, algorithm: algorithm.name };
    const request = {
      keyId,
      algorithm,
      data: data.slice(),
      dataDigest: { algorithm: algorithm.hash, value: provider.digest(algorithm.hash, data) },
      ...(purpose === undefined ? {} : { purpose }),
    };
    const response = await this.#withTimeout((signal) => transport.requestSignature(request, { signal }), details);
    if (!(response?.signature instanceof Uint8Array) || response.signature.length === 0) {
      throw new RemoteSignerError('the agent returned no signature', details);
    }
    const signature = this.#normalise(response.signature, algorithm);
    let valid: boolean;
    try {
      valid = await provider.verify(algorithm, this.publicKey, data, signature);
    } catch (e) {
      throw new RemoteSignerError('the returned signature could not be checked', details, { cause: e });
    }
    if (!valid) throw new RemoteSignerError('the returned signature does not verify with the expected public key', details);
    return signature;
  }

  async #withTimeout(call: (signal: AbortSignal) => Promise<RemoteSigningResponse>, details: Record<string, unknown>): Promise<RemoteSigningResponse> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new RemoteSignerError(`no answer within ${this.#timeoutMs} ms`, { ...details, timeoutMs: this.#timeoutMs }));
      }, this.#timeoutMs);
    });
    try {
      return await Promise.race([
        Promise.resolve()
          .then(() => call(controller.signal))
          .catch((e: unknown) => {
            if (e instanceof RemoteSignerError) throw e;
            throw new RemoteSignerError('the transport failed', { ...details, ...(e instanceof OpenSealError ? { transportCode: e.code } : {}) }, { cause: e });
          }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  // Agents on SKF/PKCS#11 tokens often return raw r‖s; the Signer contract promises DER.
  #normalise(signature: Uint8Array, algorithm: SignatureAlgorithm): Uint8Array {
    const size = EC_SIZE[this.keyType];
    if ((algorithm.name === 'SM2' || algorithm.name === 'ECDSA') && size !== undefined && !isDerEcSignature(signature) && signature.length === 2 * size) {
      return rawEcSignatureToDer(signature, size);
    }
    return signature.slice();
  }
}
