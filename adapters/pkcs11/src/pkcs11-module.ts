import { realpathSync } from 'node:fs';
import { pkcs11ErrorFrom, ckrOf } from './ckr-errors.js';
import { CKF, CKR } from './constants.js';
import { Pkcs11Error } from './errors.js';
import { pkcs11Binding, type Pkcs11Api, type Pkcs11Handle } from './native.js';
import { describeToken, tokenMatches, type TokenDescription, type TokenSelector } from './token-description.js';

/** C_GetInfo of a loaded module. */
export interface ModuleDescription {
  readonly libraryPath: string;
  readonly cryptokiVersion: string;
  readonly manufacturer: string;
  readonly description: string;
  readonly libraryVersion: string;
}

/** A present token together with the slot handle the session layer needs. */
export interface PresentToken {
  readonly slot: Pkcs11Handle;
  readonly token: TokenDescription;
}

interface LoadedLibrary {
  readonly api: Pkcs11Api;
  readonly path: string;
  refs: number;
  /** False when something else in this process had already called C_Initialize: then we never finalise. */
  readonly ownsInitialize: boolean;
}

// Cryptoki is initialised once per library per process (PKCS#11 v2.40 §5.4, C_Initialize), so
// every Pkcs11Module on the same library shares one loaded instance, counted by references.
const loaded = new Map<string, LoadedLibrary>();

function load(libraryPath: string): LoadedLibrary {
  let path: string;
  try {
    path = realpathSync(libraryPath);
  } catch (e) {
    throw new Pkcs11Error('PKCS11_MODULE_LOAD_FAILED', { library: libraryPath }, { reason: 'the library file does not exist', cause: e });
  }
  const existing = loaded.get(path);
  if (existing) {
    existing.refs += 1;
    return existing;
  }
  const binding = pkcs11Binding();
  const api = new binding.PKCS11();
  try {
    api.load(path);
  } catch (e) {
    throw new Pkcs11Error('PKCS11_MODULE_LOAD_FAILED', { library: path }, { reason: 'the library is not a loadable PKCS#11 module', cause: e });
  }
  let ownsInitialize = true;
  try {
    api.C_Initialize({ flags: CKF.OS_LOCKING_OK });
  } catch (e) {
    if (ckrOf(e) === CKR.CRYPTOKI_ALREADY_INITIALIZED) {
      ownsInitialize = false;
    } else {
      api.close();
      throw new Pkcs11Error('PKCS11_MODULE_LOAD_FAILED', { library: path }, { reason: 'C_Initialize failed', cause: e });
    }
  }
  const lib: LoadedLibrary = { api, path, refs: 1, ownsInitialize };
  loaded.set(path, lib);
  return lib;
}

function release(lib: LoadedLibrary): void {
  lib.refs -= 1;
  if (lib.refs > 0) return;
  loaded.delete(lib.path);
  try {
    if (lib.ownsInitialize) lib.api.C_Finalize();
  } finally {
    lib.api.close();
  }
}

/**
 * A loaded PKCS#11 library (a vendor's token driver, SoftHSM…). Open one per use and `close()` it;
 * the library is finalised when the last user closes.
 */
export class Pkcs11Module {
  readonly libraryPath: string;
  #lib: LoadedLibrary | undefined;

  private constructor(lib: LoadedLibrary) {
    this.#lib = lib;
    this.libraryPath = lib.path;
  }

  /** Loads and initialises the library at `libraryPath` (or shares the instance already loaded). */
  static open(libraryPath: string): Pkcs11Module {
    return new Pkcs11Module(load(libraryPath));
  }

  /** The binding, for the session layer of this adapter. Throws PKCS11_SESSION_CLOSED after close(). */
  get api(): Pkcs11Api {
    if (!this.#lib) throw new Pkcs11Error('PKCS11_SESSION_CLOSED', { library: this.libraryPath }, { reason: 'the module was closed' });
    return this.#lib.api;
  }

  get closed(): boolean {
    return this.#lib === undefined;
  }

  info(): ModuleDescription {
    let info;
    try {
      info = this.api.C_GetInfo();
    } catch (e) {
      throw pkcs11ErrorFrom(e, 'C_GetInfo');
    }
    return {
      libraryPath: this.libraryPath,
      cryptokiVersion: `${info.cryptokiVersion.major}.${info.cryptokiVersion.minor}`,
      manufacturer: info.manufacturerID.trimEnd(),
      description: info.libraryDescription.trimEnd(),
      libraryVersion: `${info.libraryVersion.major}.${info.libraryVersion.minor}`,
    };
  }

  /** Slots that hold a token, with the token's label, serial, manufacturer and flags. */
  listTokens(): TokenDescription[] {
    return this.presentTokens().map((t) => t.token);
  }

  /** The one present token that matches `selector` (PKCS11_TOKEN_NOT_FOUND / PKCS11_TOKEN_AMBIGUOUS otherwise). */
  findToken(selector: TokenSelector): PresentToken {
    if (selector.label === undefined && selector.serialNumber === undefined && selector.slotId === undefined) {
      throw new Pkcs11Error('PKCS11_TOKEN_NOT_FOUND', {}, { reason: 'give a token label, serial number or slot id' });
    }
    const matches = this.presentTokens().filter((t) => tokenMatches(t.token, selector));
    const wanted = { ...selector, library: this.libraryPath };
    if (matches.length === 0) throw new Pkcs11Error('PKCS11_TOKEN_NOT_FOUND', wanted);
    if (matches.length > 1) {
      throw new Pkcs11Error('PKCS11_TOKEN_AMBIGUOUS', { ...wanted, slotIds: matches.map((m) => m.token.slotId) });
    }
    return matches[0] as PresentToken;
  }

  /** Releases this reference; the last one finalises the library (C_Finalize). Idempotent. */
  close(): void {
    const lib = this.#lib;
    if (!lib) return;
    this.#lib = undefined;
    release(lib);
  }

  private presentTokens(): PresentToken[] {
    const api = this.api;
    try {
      return api.C_GetSlotList(true).map((slot) => ({ slot, token: describeToken(slot, api.C_GetSlotInfo(slot), api.C_GetTokenInfo(slot)) }));
    } catch (e) {
      throw pkcs11ErrorFrom(e, 'C_GetSlotList');
    }
  }
}
