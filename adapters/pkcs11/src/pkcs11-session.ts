import { ckrOf, pkcs11ErrorFrom } from './ckr-errors.js';
import { CKF, CKR, CKS, CKU, ckmName, ckrName } from './constants.js';
import { Pkcs11Error } from './errors.js';
import type { Pkcs11Api, Pkcs11Handle } from './native.js';
import { resolvePin, type PinSource } from './pin.js';
import type { Pkcs11Module } from './pkcs11-module.js';
import { toMechanism, toTemplate, type Pkcs11Attribute, type Pkcs11Mechanism } from './pkcs11-values.js';
import { SerialQueue } from './serial-queue.js';
import type { TokenDescription, TokenSelector } from './token-description.js';

/** C_GetMechanismInfo of one mechanism. */
export interface MechanismDescription {
  readonly mechanism: number;
  readonly name: string;
  readonly minKeySize: number;
  readonly maxKeySize: number;
  readonly flags: number;
  readonly canSign: boolean;
}

export interface OpenSessionOptions {
  /** Needed for key generation, certificate import and PIN change. */
  readonly readWrite?: boolean;
  /** Logs in as user when given; kept for re-login after CKR_USER_NOT_LOGGED_IN. */
  readonly pin?: PinSource;
}

export interface SignOptions {
  /** Upper bound of the signature length (RSA: modulus bytes). */
  readonly maxLength: number;
  /** CKA_ALWAYS_AUTHENTICATE keys need a context-specific login after every C_SignInit (§4.9). */
  readonly alwaysAuthenticate?: boolean;
}

/** A key handle plus the template that finds the key again (CKA_CLASS, CKA_KEY_TYPE, CKA_ID or CKA_LABEL). */
export interface KeyReference {
  handle: Pkcs11Handle;
  readonly template: readonly Pkcs11Attribute[];
}

const NOT_AVAILABLE = new Set<number>([CKR.ATTRIBUTE_SENSITIVE, CKR.ATTRIBUTE_TYPE_INVALID]);

/**
 * One PKCS#11 session on one token. Every call is queued, so concurrent callers never interleave
 * C_SignInit/C_Sign; after CKR_USER_NOT_LOGGED_IN (another session logged out, token re-plugged
 * under the same handle) the session logs in again with its PinSource and retries once.
 */
export class Pkcs11Session {
  readonly token: TokenDescription;
  readonly readWrite: boolean;
  readonly #module: Pkcs11Module;
  readonly #slot: Pkcs11Handle;
  readonly #queue = new SerialQueue();
  #handle: Pkcs11Handle | undefined;
  #pin: PinSource | undefined;
  #mechanisms: Promise<ReadonlyMap<number, MechanismDescription>> | undefined;

  private constructor(module: Pkcs11Module, slot: Pkcs11Handle, token: TokenDescription, handle: Pkcs11Handle, readWrite: boolean) {
    this.#module = module;
    this.#slot = slot;
    this.token = token;
    this.#handle = handle;
    this.readWrite = readWrite;
  }

  /** Opens a session on the token `selector` names, logging in when a PIN source is given. */
  static async open(module: Pkcs11Module, selector: TokenSelector, options: OpenSessionOptions = {}): Promise<Pkcs11Session> {
    const { slot, token } = module.findToken(selector);
    const readWrite = options.readWrite ?? false;
    let handle: Pkcs11Handle;
    try {
      handle = module.api.C_OpenSession(slot, CKF.SERIAL_SESSION | (readWrite ? CKF.RW_SESSION : 0));
    } catch (e) {
      throw pkcs11ErrorFrom(e, 'C_OpenSession', { token: token.label });
    }
    const session = new Pkcs11Session(module, slot, token, handle, readWrite);
    if (options.pin !== undefined) {
      try {
        await session.login(options.pin);
      } catch (e) {
        await session.close();
        throw e;
      }
    }
    return session;
  }

  get closed(): boolean {
    return this.#handle === undefined;
  }

  /**
   * C_Login as user. `remember: false` forgets the PIN source (no automatic re-login). Login state
   * belongs to the process, not the session (PKCS#11 v2.40 §5.6): if another session is already
   * logged in, the token answers CKR_USER_ALREADY_LOGGED_IN without checking this PIN.
   */
  login(pin: PinSource, options: { remember?: boolean } = {}): Promise<void> {
    return this.#queue.run(async () => {
      await this.#loginNow(pin);
      this.#pin = options.remember === false ? undefined : pin;
    });
  }

  /** C_Logout (the login state is shared by all sessions of this process on the token). */
  logout(): Promise<void> {
    this.#pin = undefined;
    return this.#queue.run(() => {
      const { api, handle } = this.#live();
      try {
        api.C_Logout(handle);
      } catch (e) {
        if (ckrOf(e) !== CKR.USER_NOT_LOGGED_IN) throw pkcs11ErrorFrom(e, 'C_Logout');
      }
    });
  }

  /** The token's mechanisms with their C_GetMechanismInfo (read once per session). */
  mechanisms(): Promise<ReadonlyMap<number, MechanismDescription>> {
    const cached = this.#mechanisms;
    if (cached) return cached;
    const reading = this.#queue.run(() => {
      const { api } = this.#live();
      const list = call('C_GetMechanismList', () => api.C_GetMechanismList(this.#slot));
      const out = new Map<number, MechanismDescription>();
      for (const mechanism of list) {
        const info = call('C_GetMechanismInfo', () => api.C_GetMechanismInfo(this.#slot, mechanism), { mechanism: ckmName(mechanism) });
        out.set(mechanism, {
          mechanism,
          name: ckmName(mechanism),
          minKeySize: info.minKeySize,
          maxKeySize: info.maxKeySize,
          flags: info.flags,
          canSign: (info.flags & CKF.SIGN) !== 0,
        });
      }
      return out;
    });
    this.#mechanisms = reading;
    // A failed read is not cached: the next caller asks the token again.
    reading.catch(() => {
      if (this.#mechanisms === reading) this.#mechanisms = undefined;
    });
    return reading;
  }

  findObjects(template: readonly Pkcs11Attribute[], limit = 10_000): Promise<Pkcs11Handle[]> {
    return this.#exec('C_FindObjects', (api, session) => {
      api.C_FindObjectsInit(session, toTemplate(template));
      try {
        return api.C_FindObjects(session, limit);
      } finally {
        api.C_FindObjectsFinal(session);
      }
    });
  }

  /** Reads attributes; ones the object lacks or keeps secret (sensitive) are left out of the map. */
  readAttributes(object: Pkcs11Handle, types: readonly number[]): Promise<Map<number, Uint8Array>> {
    return this.#exec('C_GetAttributeValue', (api, session) => {
      const out = new Map<number, Uint8Array>();
      try {
        for (const a of api.C_GetAttributeValue(session, object, types.map((type) => ({ type })))) out.set(a.type, new Uint8Array(a.value));
        return out;
      } catch (e) {
        const rv = ckrOf(e);
        if (rv === undefined || !NOT_AVAILABLE.has(rv)) throw e;
      }
      // CKR_ATTRIBUTE_SENSITIVE / _TYPE_INVALID name no attribute (§5.7): ask one at a time.
      for (const type of types) {
        try {
          const [a] = api.C_GetAttributeValue(session, object, [{ type }]);
          if (a) out.set(a.type, new Uint8Array(a.value));
        } catch (e) {
          const rv = ckrOf(e);
          if (rv === undefined || !NOT_AVAILABLE.has(rv)) throw e;
        }
      }
      return out;
    });
  }

  createObject(template: readonly Pkcs11Attribute[]): Promise<Pkcs11Handle> {
    return this.#exec('C_CreateObject', (api, session) => api.C_CreateObject(session, toTemplate(template)));
  }

  setAttributes(object: Pkcs11Handle, template: readonly Pkcs11Attribute[]): Promise<void> {
    return this.#exec('C_SetAttributeValue', (api, session) => api.C_SetAttributeValue(session, object, toTemplate(template)));
  }

  destroyObject(object: Pkcs11Handle): Promise<void> {
    return this.#exec('C_DestroyObject', (api, session) => api.C_DestroyObject(session, object));
  }

  generateKeyPair(
    mechanism: Pkcs11Mechanism,
    publicTemplate: readonly Pkcs11Attribute[],
    privateTemplate: readonly Pkcs11Attribute[],
  ): Promise<{ publicKey: Pkcs11Handle; privateKey: Pkcs11Handle }> {
    return this.#exec(
      'C_GenerateKeyPair',
      (api, session) => api.C_GenerateKeyPairAsync(session, toMechanism(mechanism), toTemplate(publicTemplate), toTemplate(privateTemplate)),
      { mechanism: ckmName(mechanism.mechanism) },
    );
  }

  /**
   * C_SignInit + C_Sign (the latter on a worker thread, so a slow token does not block the event
   * loop). After a re-login the key is found again by `key.template`, since tokens may invalidate
   * private object handles on logout; `key.handle` is updated.
   */
  sign(mechanism: Pkcs11Mechanism, key: KeyReference, data: Uint8Array, options: SignOptions): Promise<Uint8Array> {
    return this.#exec(
      'C_Sign',
      async (api, session, relogged) => {
        if (relogged && key.template.length > 0) key.handle = this.#relocate(api, session, key.template);
        api.C_SignInit(session, toMechanism(mechanism), key.handle);
        if (options.alwaysAuthenticate) await this.#contextLogin(api, session);
        const signature = await api.C_SignAsync(session, Buffer.from(data), Buffer.alloc(options.maxLength));
        return new Uint8Array(signature);
      },
      { mechanism: ckmName(mechanism.mechanism) },
    );
  }

  /** C_SetPIN on this (read-write) session. Neither PIN is kept. */
  setPin(oldPin: string, newPin: string): Promise<void> {
    return this.#exec('C_SetPIN', (api, session) => api.C_SetPIN(session, oldPin, newPin));
  }

  /** Closes the session after queued calls finish. Idempotent; does not close the module. */
  close(): Promise<void> {
    this.#pin = undefined;
    return this.#queue.run(() => {
      const handle = this.#handle;
      if (handle === undefined || this.#module.closed) return;
      this.#handle = undefined;
      call('C_CloseSession', () => this.#module.api.C_CloseSession(handle));
    });
  }

  #live(): { api: Pkcs11Api; handle: Pkcs11Handle } {
    if (this.#handle === undefined) throw new Pkcs11Error('PKCS11_SESSION_CLOSED', { token: this.token.label });
    return { api: this.#module.api, handle: this.#handle };
  }

  async #loginNow(source: PinSource, userType: number = CKU.USER): Promise<void> {
    const { api, handle } = this.#live();
    let pin = await resolvePin(source);
    try {
      api.C_Login(handle, userType, pin);
    } catch (e) {
      if (ckrOf(e) !== CKR.USER_ALREADY_LOGGED_IN) throw pkcs11ErrorFrom(e, 'C_Login', { token: this.token.label });
    } finally {
      pin = undefined;
    }
  }

  async #contextLogin(api: Pkcs11Api, session: Pkcs11Handle): Promise<void> {
    if (this.#pin === undefined) {
      throw new Pkcs11Error('PKCS11_NOT_PERMITTED', { token: this.token.label }, { reason: 'the key needs a PIN for every signature, but none is available' });
    }
    try {
      await this.#loginNow(this.#pin, CKU.CONTEXT_SPECIFIC);
    } catch (e) {
      // End the pending sign operation (C_Sign without authentication fails and terminates it, §5.13).
      const rv = endOperation(() => api.C_Sign(session, Buffer.alloc(0), Buffer.alloc(1024)));
      if (e instanceof Pkcs11Error && rv !== undefined) throw new Pkcs11Error(e.code, { ...e.details, terminatedWith: ckrName(rv) }, { cause: e });
      throw e;
    }
  }

  // Tokens report a lost login as CKR_USER_NOT_LOGGED_IN, or (SoftHSM) as an invalid handle of the
  // now invisible private key: then the session state (C_GetSessionInfo) tells which it is.
  #loggedOut(api: Pkcs11Api, session: Pkcs11Handle, rv: number | undefined): boolean {
    if (rv === CKR.USER_NOT_LOGGED_IN) return true;
    if (rv !== CKR.OBJECT_HANDLE_INVALID && rv !== CKR.KEY_HANDLE_INVALID) return false;
    const state = call('C_GetSessionInfo', () => api.C_GetSessionInfo(session)).state;
    return state === CKS.RO_PUBLIC_SESSION || state === CKS.RW_PUBLIC_SESSION;
  }

  #relocate(api: Pkcs11Api, session: Pkcs11Handle, template: readonly Pkcs11Attribute[]): Pkcs11Handle {
    api.C_FindObjectsInit(session, toTemplate(template));
    let found: Pkcs11Handle[];
    try {
      found = api.C_FindObjects(session, 2);
    } finally {
      api.C_FindObjectsFinal(session);
    }
    if (found.length !== 1) throw new Pkcs11Error(found.length === 0 ? 'PKCS11_KEY_NOT_FOUND' : 'PKCS11_KEY_AMBIGUOUS', { token: this.token.label, afterRelogin: true });
    return found[0] as Pkcs11Handle;
  }

  #exec<T>(
    operation: string,
    fn: (api: Pkcs11Api, session: Pkcs11Handle, relogged: boolean) => T | Promise<T>,
    details: Record<string, unknown> = {},
  ): Promise<T> {
    return this.#queue.run(async () => {
      const { api, handle } = this.#live();
      try {
        return await fn(api, handle, false);
      } catch (e) {
        if (this.#pin === undefined || !this.#loggedOut(api, handle, ckrOf(e))) throw pkcs11ErrorFrom(e, operation, details);
      }
      await this.#loginNow(this.#pin);
      try {
        return await fn(api, handle, true);
      } catch (e) {
        throw pkcs11ErrorFrom(e, operation, { ...details, afterRelogin: true });
      }
    });
  }
}

function call<T>(operation: string, fn: () => T, details: Record<string, unknown> = {}): T {
  try {
    return fn();
  } catch (e) {
    throw pkcs11ErrorFrom(e, operation, details);
  }
}

/** Runs a call whose only purpose is to end an operation; returns the CKR it ended with, if any. */
function endOperation(fn: () => unknown): number | undefined {
  try {
    fn();
    return CKR.OK;
  } catch (e) {
    const rv = ckrOf(e);
    if (rv === undefined) throw e;
    return rv;
  }
}
