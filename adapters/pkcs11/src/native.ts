import { createRequire } from 'node:module';
import type * as Pkcs11js from 'pkcs11js';
import { Pkcs11Error } from './errors.js';

/** The pkcs11js binding (a node-gyp addon) as seen by the rest of this adapter. */
export type Pkcs11Binding = typeof Pkcs11js;
export type Pkcs11Api = Pkcs11js.PKCS11;
/** A Cryptoki handle (slot, session or object) as pkcs11js passes it: a native-endian CK_ULONG. */
export type Pkcs11Handle = Buffer;

const requireCjs = createRequire(import.meta.url);
let binding: Pkcs11Binding | undefined;

/** Loads the addon on first use, so that code paths without a token never need the native build. */
export function pkcs11Binding(): Pkcs11Binding {
  if (binding === undefined) {
    try {
      binding = requireCjs('pkcs11js') as Pkcs11Binding;
    } catch (e) {
      throw new Pkcs11Error('PKCS11_MODULE_LOAD_FAILED', { library: 'pkcs11js' }, {
        reason: 'the pkcs11js native addon is not built (check allowScripts in package.json, then `npm rebuild pkcs11js`)',
        cause: e,
      });
    }
  }
  return binding;
}
