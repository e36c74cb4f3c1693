import {
  KeyAlgorithmMismatchError,
  SM2_DEFAULT_USER_ID,
  algorithmFitsKey,
  defaultSignatureAlgorithm,
  parsePublicKey,
  type KeyType,
  type SignatureAlgorithm,
  type Signer,
} from '@openseal/crypto';
import { equalBytes } from '@openseal/kernel';
import { Pkcs11Error } from './errors.js';
import { finishSignature, prepareSignInput, selectMechanism } from './mechanism-plan.js';
import { DEFAULT_MECHANISM_PROFILE, algorithmKey, type MechanismCandidate, type MechanismProfile } from './mechanism-profile.js';
import type { PinSource } from './pin.js';
import { Pkcs11Module } from './pkcs11-module.js';
import { Pkcs11Session, type KeyReference, type MechanismDescription } from './pkcs11-session.js';
import type { Pkcs11Mechanism } from './pkcs11-values.js';
import type { TokenDescription, TokenSelector } from './token-description.js';
import { findTokenKey, type KeySelector, type TokenKey } from './token-key.js';

/**
 * The part of a token the signer talks to: one key, the mechanisms the token offers, and a sign
 * call. `Pkcs11Signer.open` builds it on a real session; tests may give a fake.
 */
export interface TokenSigningKey {
  readonly keyType: KeyType;
  /** DER SubjectPublicKeyInfo. */
  readonly publicKey: Uint8Array;
  readonly token?: TokenDescription;
  readonly id?: Uint8Array;
  readonly label?: string;
  /** Whether the token lists `mechanism` with CKF_SIGN. */
  offers(mechanism: number): boolean;
  /** C_SignInit(mechanism, key) + C_Sign(input); returns the token's raw output. */
  sign(mechanism: Pkcs11Mechanism, input: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface Pkcs11SignerOptions {
  /** Path of the token vendor's PKCS#11 library (e.g. /usr/lib/softhsm/libsofthsm2.so). */
  readonly library: string;
  readonly token: TokenSelector;
  readonly pin: PinSource;
  readonly key: KeySelector;
  /** Default algorithm for `sign()`; the key type's usual one when absent. */
  readonly algorithm?: SignatureAlgorithm;
  /** Mechanism table; DEFAULT_MECHANISM_PROFILE when absent (SM2 tokens need their vendor profile). */
  readonly profile?: MechanismProfile;
}

class SessionSigningKey implements TokenSigningKey {
  readonly keyType: KeyType;
  readonly publicKey: Uint8Array;
  readonly token: TokenDescription;
  readonly id: Uint8Array;
  readonly label: string;
  readonly #module: Pkcs11Module;
  readonly #session: Pkcs11Session;
  readonly #key: TokenKey;
  readonly #reference: KeyReference;
  readonly #mechanisms: ReadonlyMap<number, MechanismDescription>;
  readonly #maxLength: number;

  constructor(module: Pkcs11Module, session: Pkcs11Session, key: TokenKey, mechanisms: ReadonlyMap<number, MechanismDescription>) {
    this.#module = module;
    this.#session = session;
    this.#key = key;
    this.#reference = { handle: key.handle, template: key.template };
    this.#mechanisms = mechanisms;
    this.keyType = key.keyType;
    this.publicKey = key.publicKey;
    this.token = session.token;
    this.id = key.id;
    this.label = key.label;
    const info = parsePublicKey(key.publicKey);
    this.#maxLength = info.keyType === 'RSA' ? Math.ceil(info.bits / 8) : 256;
  }

  offers(mechanism: number): boolean {
    return this.#mechanisms.get(mechanism)?.canSign ?? false;
  }

  sign(mechanism: Pkcs11Mechanism, input: Uint8Array): Promise<Uint8Array> {
    return this.#session.sign(mechanism, this.#reference, input, { maxLength: this.#maxLength, alwaysAuthenticate: this.#key.alwaysAuthenticate });
  }

  async close(): Promise<void> {
    try {
      await this.#session.close();
    } finally {
      this.#module.close();
    }
  }
}

/**
 * A Signer whose private key stays on a PKCS#11 token (USB key, smart card, HSM). Concurrent
 * `sign` calls are serialised on the signer's session; `close()` ends the session and releases
 * the module.
 */
export class Pkcs11Signer implements Signer {
  readonly keyType: KeyType;
  readonly publicKey: Uint8Array;
  readonly algorithm: SignatureAlgorithm;
  readonly key: TokenSigningKey;
  readonly profile: MechanismProfile;
  readonly #plans = new Map<string, MechanismCandidate>();
  #closed = false;

  constructor(key: TokenSigningKey, options: { readonly algorithm?: SignatureAlgorithm; readonly profile?: MechanismProfile } = {}) {
    this.key = key;
    this.keyType = key.keyType;
    this.publicKey = key.publicKey;
    this.profile = options.profile ?? DEFAULT_MECHANISM_PROFILE;
    this.algorithm = options.algorithm ?? defaultSignatureAlgorithm(key.keyType);
    if (!algorithmFitsKey(this.algorithm, this.keyType)) throw new KeyAlgorithmMismatchError(this.keyType, algorithmKey(this.algorithm));
  }

  /**
   * Loads the module, finds the token, logs in, finds the key and its public key, and checks that
   * the token offers a mechanism for the default algorithm. Everything opened is closed on failure.
   */
  static async open(options: Pkcs11SignerOptions): Promise<Pkcs11Signer> {
    const module = Pkcs11Module.open(options.library);
    let session: Pkcs11Session | undefined;
    try {
      session = await Pkcs11Session.open(module, options.token, { pin: options.pin });
      const profile = options.profile ?? DEFAULT_MECHANISM_PROFILE;
      const key = await findTokenKey(session, options.key, profile.sm2KeyTypes ? { sm2KeyTypes: profile.sm2KeyTypes } : {});
      const signingKey = new SessionSigningKey(module, session, key, await session.mechanisms());
      const signer = new Pkcs11Signer(signingKey, { profile, ...(options.algorithm ? { algorithm: options.algorithm } : {}) });
      signer.mechanismFor(signer.algorithm);
      return signer;
    } catch (e) {
      try {
        await session?.close();
      } finally {
        module.close();
      }
      throw e;
    }
  }

  /** The profile entry used for `algorithm` on this token (chosen once, then cached). */
  mechanismFor(algorithm: SignatureAlgorithm = this.algorithm): MechanismCandidate {
    if (!algorithmFitsKey(algorithm, this.keyType)) throw new KeyAlgorithmMismatchError(this.keyType, algorithmKey(algorithm));
    // A fixed-ID SM2 mechanism fits only the default ID, so the choice depends on the ID too.
    const customId = algorithm.name === 'SM2' && algorithm.userId !== undefined && !equalBytes(algorithm.userId, SM2_DEFAULT_USER_ID);
    const key = `${algorithmKey(algorithm)}${customId ? '+id' : ''}`;
    let plan = this.#plans.get(key);
    if (!plan) {
      plan = selectMechanism(this.profile, algorithm, (m) => this.key.offers(m));
      this.#plans.set(key, plan);
    }
    return plan;
  }

  async sign(data: Uint8Array, algorithm: SignatureAlgorithm = this.algorithm): Promise<Uint8Array> {
    if (this.#closed) throw new Pkcs11Error('PKCS11_SESSION_CLOSED', { label: this.key.label ?? '' }, { reason: 'the signer was closed' });
    const plan = this.mechanismFor(algorithm);
    const { input, mechanism } = prepareSignInput(plan, algorithm, this.publicKey, data);
    const output = await this.key.sign(mechanism, input);
    return finishSignature(plan, this.keyType, output);
  }

  /** Waits for pending signatures, closes the session and releases the module. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.key.close();
  }
}
