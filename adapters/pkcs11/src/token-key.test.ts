import { createECDH } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeEcPublicKey } from '@openseal/crypto';
import { concatBytes, equalBytes, fromHex, utf8 } from '@openseal/kernel';
import { CKA, CKK, CKO } from './constants.js';
import type { Pkcs11Session } from './pkcs11-session.js';
import type { Pkcs11Attribute } from './pkcs11-values.js';
import { findTokenKey } from './token-key.js';
import { ecParamsFor } from './token-public-key.js';

const ulong = (n: number): Uint8Array => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n), true);
  return b;
};
const encode = (v: Pkcs11Attribute['value']): Uint8Array =>
  typeof v === 'number' ? ulong(v) : typeof v === 'boolean' ? Uint8Array.of(v ? 1 : 0) : typeof v === 'string' ? utf8(v) : v;

/** Test-only object store behind the two calls key lookup makes. */
function fakeSession(objects: Record<number, Pkcs11Attribute['value']>[]): Pkcs11Session {
  const store = objects.map((o, i) => ({ handle: Buffer.from([i]), attrs: new Map(Object.entries(o).map(([k, v]) => [Number(k), encode(v)])) }));
  return {
    token: { label: 'fake' },
    async findObjects(template: readonly Pkcs11Attribute[], limit = 100) {
      return store.filter((o) => template.every((t) => { const v = o.attrs.get(t.type); return v !== undefined && equalBytes(v, encode(t.value)); })).slice(0, limit).map((o) => o.handle);
    },
    async readAttributes(handle: Buffer, types: readonly number[]) {
      const o = store[handle[0] as number];
      return new Map(types.flatMap((t) => (o?.attrs.has(t) ? [[t, o.attrs.get(t) as Uint8Array] as const] : [])));
    },
  } as unknown as Pkcs11Session;
}

const ecdh = createECDH('prime256v1');
ecdh.generateKeys();
const point = new Uint8Array(ecdh.getPublicKey());
const wrapped = concatBytes(Uint8Array.of(0x04, point.length), point); // DER OCTET STRING, as PKCS#11 specifies

describe('findTokenKey', () => {
  it('builds the SPKI from CKA_EC_PARAMS and a DER-wrapped or bare CKA_EC_POINT of the public key object', async () => {
    for (const ecPoint of [wrapped, point]) {
      const session = fakeSession([
        { [CKA.CLASS]: CKO.PRIVATE_KEY, [CKA.KEY_TYPE]: CKK.EC, [CKA.ID]: fromHex('01'), [CKA.LABEL]: 'k', [CKA.SIGN]: true, [CKA.EC_PARAMS]: ecParamsFor('EC-P256') },
        { [CKA.CLASS]: CKO.PUBLIC_KEY, [CKA.KEY_TYPE]: CKK.EC, [CKA.ID]: fromHex('01'), [CKA.EC_POINT]: ecPoint },
      ]);
      const key = await findTokenKey(session, { label: 'k' });
      expect(key).toMatchObject({ keyType: 'EC-P256', publicKeySource: 'public-key', publicKey: encodeEcPublicKey('EC-P256', point) });
    }
  });

  it('treats a vendor CKK listed in sm2KeyTypes as SM2 even without CKA_EC_PARAMS', async () => {
    const sm2 = createECDH('SM2');
    sm2.generateKeys();
    const sm2Point = new Uint8Array(sm2.getPublicKey());
    const vendorCkk = CKK.VENDOR_DEFINED + 0x501;
    const session = fakeSession([
      { [CKA.CLASS]: CKO.PRIVATE_KEY, [CKA.KEY_TYPE]: vendorCkk, [CKA.ID]: fromHex('02'), [CKA.LABEL]: 'sm2' },
      { [CKA.CLASS]: CKO.PUBLIC_KEY, [CKA.KEY_TYPE]: vendorCkk, [CKA.ID]: fromHex('02'), [CKA.EC_POINT]: sm2Point },
    ]);
    await expect(findTokenKey(session, { id: '02' })).rejects.toMatchObject({ code: 'PKCS11_KEY_UNSUPPORTED' });
    const key = await findTokenKey(session, { id: '02' }, { sm2KeyTypes: [vendorCkk] });
    expect(key).toMatchObject({ keyType: 'SM2', publicKey: encodeEcPublicKey('SM2', sm2Point) });
  });

  it('refuses a key with CKA_SIGN false, and a key without any public key', async () => {
    const noSign = fakeSession([{ [CKA.CLASS]: CKO.PRIVATE_KEY, [CKA.KEY_TYPE]: CKK.EC, [CKA.LABEL]: 'x', [CKA.SIGN]: false }]);
    await expect(findTokenKey(noSign, { label: 'x' })).rejects.toMatchObject({ code: 'PKCS11_NOT_PERMITTED' });
    const lonely = fakeSession([{ [CKA.CLASS]: CKO.PRIVATE_KEY, [CKA.KEY_TYPE]: CKK.EC, [CKA.LABEL]: 'x', [CKA.EC_PARAMS]: ecParamsFor('EC-P384') }]);
    await expect(findTokenKey(lonely, { label: 'x' })).rejects.toMatchObject({ code: 'PKCS11_KEY_NOT_FOUND', details: { part: 'public-key' } });
  });

  it('reports PKCS11_KEY_AMBIGUOUS when two private keys share the label', async () => {
    const twice = { [CKA.CLASS]: CKO.PRIVATE_KEY, [CKA.KEY_TYPE]: CKK.RSA, [CKA.LABEL]: 'dup' };
    await expect(findTokenKey(fakeSession([twice, twice]), { label: 'dup' })).rejects.toMatchObject({ code: 'PKCS11_KEY_AMBIGUOUS' });
  });
});
