import type { KeyType } from '@openseal/crypto';
import { InvalidArgumentError, fromHex, toHex } from '@openseal/kernel';
import { attributeBoolean, attributeString, attributeUlong } from './attribute-values.js';
import { CKA, CKC, CKK, CKO } from './constants.js';
import { Pkcs11Error } from './errors.js';
import type { Pkcs11Handle } from './native.js';
import type { Pkcs11Session } from './pkcs11-session.js';
import type { Pkcs11Attribute } from './pkcs11-values.js';
import { ecSpki, keyTypeFromEcParams, keyTypeOfSpki, rsaSpki, spkiFromCertificate } from './token-public-key.js';

/** Which private key to use: CKA_LABEL, CKA_ID (bytes or hex), or both. */
export interface KeySelector {
  readonly label?: string;
  readonly id?: Uint8Array | string;
}

export interface KeyLookupOptions {
  /** Vendor CKK_* values that denote an SM2 key (tokens that do not use CKK_EC with the SM2 curve). */
  readonly sm2KeyTypes?: readonly number[];
}

/** A private key on a token, with the public key that belongs to it. */
export interface TokenKey {
  readonly handle: Pkcs11Handle;
  /** Finds this key again (after a re-login some tokens hand out new handles); empty if it cannot. */
  readonly template: readonly Pkcs11Attribute[];
  readonly id: Uint8Array;
  readonly label: string;
  readonly keyType: KeyType;
  /** DER SubjectPublicKeyInfo. */
  readonly publicKey: Uint8Array;
  /** Where the public key was read: the private key object (RSA), its public key object, or its certificate. */
  readonly publicKeySource: 'private-key' | 'public-key' | 'certificate';
  readonly alwaysAuthenticate: boolean;
}

export function keyIdBytes(id: Uint8Array | string): Uint8Array {
  if (id instanceof Uint8Array) return id;
  try {
    return fromHex(id);
  } catch (e) {
    throw new InvalidArgumentError('A key id must be bytes or a hex string', { id, cause: String(e) });
  }
}

/** Finds the one private key `selector` names (PKCS11_KEY_NOT_FOUND / PKCS11_KEY_AMBIGUOUS otherwise). */
export async function findTokenKey(session: Pkcs11Session, selector: KeySelector, options: KeyLookupOptions = {}): Promise<TokenKey> {
  if (selector.label === undefined && selector.id === undefined) {
    throw new InvalidArgumentError('A key selector needs a label or an id');
  }
  const template: Pkcs11Attribute[] = [{ type: CKA.CLASS, value: CKO.PRIVATE_KEY }];
  const wanted: Record<string, unknown> = { token: session.token.label };
  if (selector.label !== undefined) {
    template.push({ type: CKA.LABEL, value: selector.label });
    wanted['label'] = selector.label;
  }
  if (selector.id !== undefined) {
    const id = keyIdBytes(selector.id);
    template.push({ type: CKA.ID, value: id });
    wanted['id'] = toHex(id);
  }
  const found = await session.findObjects(template, 2);
  if (found.length === 0) throw new Pkcs11Error('PKCS11_KEY_NOT_FOUND', wanted);
  if (found.length > 1) throw new Pkcs11Error('PKCS11_KEY_AMBIGUOUS', wanted);
  return describePrivateKey(session, found[0] as Pkcs11Handle, options);
}

/** Reads a private key's type, id, label and public key (from itself, its public key object or its certificate). */
export async function describePrivateKey(session: Pkcs11Session, handle: Pkcs11Handle, options: KeyLookupOptions = {}): Promise<TokenKey> {
  const a = await session.readAttributes(handle, [CKA.KEY_TYPE, CKA.ID, CKA.LABEL, CKA.SIGN, CKA.ALWAYS_AUTHENTICATE, CKA.MODULUS, CKA.PUBLIC_EXPONENT, CKA.EC_PARAMS]);
  const ckk = attributeUlong(a.get(CKA.KEY_TYPE));
  const id = a.get(CKA.ID) ?? new Uint8Array(0);
  const label = attributeString(a.get(CKA.LABEL));
  const where = { token: session.token.label, label, id: toHex(id) };
  if (attributeBoolean(a.get(CKA.SIGN)) === false) {
    throw new Pkcs11Error('PKCS11_NOT_PERMITTED', where, { reason: 'the key has CKA_SIGN = false' });
  }
  const alwaysAuthenticate = attributeBoolean(a.get(CKA.ALWAYS_AUTHENTICATE)) ?? false;
  const template = relocationTemplate(ckk, id, label);
  const isSm2Vendor = ckk !== undefined && (options.sm2KeyTypes ?? []).includes(ckk);

  if (ckk === CKK.RSA) {
    const modulus = a.get(CKA.MODULUS);
    const exponent = a.get(CKA.PUBLIC_EXPONENT);
    if (modulus && exponent) {
      return { handle, template, id, label, keyType: 'RSA', publicKey: rsaSpki(modulus, exponent), publicKeySource: 'private-key', alwaysAuthenticate };
    }
  } else if (ckk !== CKK.EC && !isSm2Vendor) {
    throw new Pkcs11Error('PKCS11_KEY_UNSUPPORTED', { ...where, keyType: ckk });
  }

  const publicObject = await findPublicKeyObject(session, ckk as number, id, label);
  if (publicObject) {
    const p = await session.readAttributes(publicObject, [CKA.MODULUS, CKA.PUBLIC_EXPONENT, CKA.EC_PARAMS, CKA.EC_POINT]);
    const modulus = p.get(CKA.MODULUS);
    const exponent = p.get(CKA.PUBLIC_EXPONENT);
    const point = p.get(CKA.EC_POINT);
    if (ckk === CKK.RSA && modulus && exponent) {
      return { handle, template, id, label, keyType: 'RSA', publicKey: rsaSpki(modulus, exponent), publicKeySource: 'public-key', alwaysAuthenticate };
    }
    const params = a.get(CKA.EC_PARAMS) ?? p.get(CKA.EC_PARAMS);
    if (ckk !== CKK.RSA && point && (params || isSm2Vendor)) {
      const keyType = isSm2Vendor ? 'SM2' : keyTypeFromEcParams(params as Uint8Array);
      return { handle, template, id, label, keyType, publicKey: ecSpki(keyType, point), publicKeySource: 'public-key', alwaysAuthenticate };
    }
  }

  const certificate = id.length > 0 ? await findCertificateValue(session, id) : undefined;
  if (certificate) {
    const publicKey = spkiFromCertificate(certificate);
    const keyType = keyTypeOfSpki(publicKey);
    const expected = ckk === CKK.RSA ? 'RSA' : isSm2Vendor ? 'SM2' : keyTypeFromEcParams(a.get(CKA.EC_PARAMS) ?? new Uint8Array(0));
    if (keyType !== expected) {
      throw new Pkcs11Error('PKCS11_KEY_NOT_FOUND', { ...where, certificateKeyType: keyType, keyType: expected }, { reason: 'the certificate with this CKA_ID is for another key type' });
    }
    return { handle, template, id, label, keyType, publicKey, publicKeySource: 'certificate', alwaysAuthenticate };
  }
  throw new Pkcs11Error('PKCS11_KEY_NOT_FOUND', { ...where, part: 'public-key' }, { reason: 'no public key object or certificate belongs to the private key' });
}

function relocationTemplate(ckk: number | undefined, id: Uint8Array, label: string): Pkcs11Attribute[] {
  if (ckk === undefined || (id.length === 0 && label === '')) return [];
  return [
    { type: CKA.CLASS, value: CKO.PRIVATE_KEY },
    { type: CKA.KEY_TYPE, value: ckk },
    id.length > 0 ? { type: CKA.ID, value: id } : { type: CKA.LABEL, value: label },
  ];
}

// The private key's partner shares its CKA_ID (PKCS#11 v2.40 §4.4: "intended as a means of
// distinguishing multiple public-key/private-key pairs"); without an ID, fall back to the label.
async function findPublicKeyObject(session: Pkcs11Session, ckk: number, id: Uint8Array, label: string): Promise<Pkcs11Handle | undefined> {
  if (id.length === 0 && label === '') return undefined;
  const template: Pkcs11Attribute[] = [
    { type: CKA.CLASS, value: CKO.PUBLIC_KEY },
    { type: CKA.KEY_TYPE, value: ckk },
    id.length > 0 ? { type: CKA.ID, value: id } : { type: CKA.LABEL, value: label },
  ];
  const found = await session.findObjects(template, 2);
  if (found.length > 1) throw new Pkcs11Error('PKCS11_KEY_AMBIGUOUS', { token: session.token.label, id: toHex(id), label, part: 'public-key' });
  return found[0];
}

async function findCertificateValue(session: Pkcs11Session, id: Uint8Array): Promise<Uint8Array | undefined> {
  const found = await session.findObjects(
    [
      { type: CKA.CLASS, value: CKO.CERTIFICATE },
      { type: CKA.CERTIFICATE_TYPE, value: CKC.X_509 },
      { type: CKA.ID, value: id },
    ],
    1,
  );
  const handle = found[0];
  return handle === undefined ? undefined : (await session.readAttributes(handle, [CKA.VALUE])).get(CKA.VALUE);
}
