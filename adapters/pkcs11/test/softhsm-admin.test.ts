import { createPublicKey, verify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHex, toHex } from '@openseal/kernel';
import {
  CKA,
  CKM,
  CKO,
  Pkcs11Module,
  Pkcs11Session,
  Pkcs11Signer,
  changeTokenPin,
  generateTokenKeyPair,
  importTokenCertificate,
  listTokenObjects,
} from '@openseal/pkcs11';
import { opensslOk } from '../../../testing/support/openssl.js';
import { createSoftHsmToken, opensslVerifies, writePublicKeyPem, type SoftHsmToken } from './softhsm.js';

const MESSAGE = new TextEncoder().encode('token administration test document');

let token: SoftHsmToken;
let module: Pkcs11Module;
let admin: Pkcs11Session;

beforeAll(async () => {
  token = createSoftHsmToken('admin-test');
  // Keys made by OpenSC's pkcs11-tool: an independent path into the same token.
  token.pkcs11Tool(['--login', '--pin', token.pin, '--keypairgen', '--key-type', 'EC:prime256v1', '--label', 'tool-p256', '--id', 'a1', '--usage-sign']);
  token.pkcs11Tool(['--login', '--pin', token.pin, '--keypairgen', '--key-type', 'rsa:2048', '--label', 'tool-rsa', '--id', 'a2', '--usage-sign']);
  token.pkcs11Tool(['--login', '--pin', token.pin, '--keypairgen', '--key-type', 'EC:prime256v1', '--label', 'tool-always', '--id', 'a3', '--usage-sign', '--always-auth']);
  module = Pkcs11Module.open(token.library);
  admin = await Pkcs11Session.open(module, { label: token.label }, { readWrite: true, pin: token.pin });
});

afterAll(async () => {
  await admin?.close();
  module?.close();
  token?.cleanup();
});

const openSigner = (key: { label?: string; id?: string }, pin = token.pin): Promise<Pkcs11Signer> =>
  Pkcs11Signer.open({ library: token.library, token: { label: token.label }, pin, key });

describe('token listing', () => {
  it('lists the token with label, serial, manufacturer and flags as pkcs11-tool sees them', () => {
    const tokens = module.listTokens();
    const t = tokens.find((x) => x.label === token.label);
    expect(t).toBeDefined();
    expect(t).toMatchObject({ manufacturer: 'SoftHSM project', model: 'SoftHSM v2', flags: { initialized: true, userPinInitialized: true, loginRequired: true, userPinLocked: false } });
    const listing = token.pkcs11Tool(['--list-token-slots']);
    expect(listing).toContain(`serial num         : ${t?.serialNumber}`);
    expect(listing).toContain(`(0x${t?.slotId.toString(16)})`);
    expect(module.findToken({ serialNumber: t?.serialNumber as string }).token.label).toBe(token.label);
    expect(module.info()).toMatchObject({ manufacturer: 'SoftHSM', cryptokiVersion: expect.stringMatching(/^[23]\./) });
  });

  it('shares one initialised library between modules opened on the same path', async () => {
    const second = Pkcs11Module.open(token.library);
    second.close();
    expect(module.listTokens().length).toBeGreaterThan(0);
    expect(second.closed).toBe(true);
    expect(() => second.listTokens()).toThrow(expect.objectContaining({ code: 'PKCS11_SESSION_CLOSED' }));
  });
});

describe('key generation inside the token', () => {
  it('generates RSA-3072 and P-256 pairs whose private keys are sensitive and never leave the token', async () => {
    const rsa = await generateTokenKeyPair(admin, { keyType: 'RSA', modulusBits: 3072, label: 'gen-rsa-3072' });
    const ec = await generateTokenKeyPair(admin, { keyType: 'EC-P256', label: 'gen-p256', id: fromHex('c0ffee') });
    expect(toHex(ec.id)).toBe('c0ffee');
    expect(rsa.id.length).toBe(20);

    const objects = await listTokenObjects(admin);
    const priv = objects.find((o) => o.kind === 'private-key' && o.label === 'gen-rsa-3072');
    expect(priv).toMatchObject({ keyType: 'RSA', modulusBits: 3072, canSign: true, sensitive: true, extractable: false, id: toHex(rsa.id) });
    expect(objects.find((o) => o.kind === 'private-key' && o.label === 'gen-p256')).toMatchObject({ keyType: 'EC-P256', sensitive: true, extractable: false });
    expect(objects.find((o) => o.kind === 'public-key' && o.id === 'c0ffee')).toMatchObject({ keyType: 'EC-P256' });
    expect(objects.find((o) => o.kind === 'private-key' && o.label === 'tool-p256')).toMatchObject({ keyType: 'EC-P256', id: 'a1' });

    // The private value is not readable: CKA_VALUE / CKA_PRIVATE_EXPONENT are sensitive.
    const [handle] = await admin.findObjects([{ type: CKA.CLASS, value: CKO.PRIVATE_KEY }, { type: CKA.ID, value: rsa.id }]);
    const secret = await admin.readAttributes(handle as Buffer, [CKA.VALUE, 0x123 /* CKA_PRIVATE_EXPONENT */, CKA.MODULUS]);
    expect([...secret.keys()]).toEqual([CKA.MODULUS]);

    // pkcs11-tool exports the same public keys we derived from the token attributes.
    for (const pair of [rsa, ec]) {
      const file = token.path(`${toHex(pair.id)}.der`);
      token.pkcs11Tool(['--read-object', '--type', 'pubkey', '--id', toHex(pair.id), '--output-file', file]);
      const exported = createPublicKey({ key: readFileSync(file), format: 'der', type: 'spki' }).export({ format: 'der', type: 'spki' });
      expect(new Uint8Array(exported)).toEqual(pair.publicKey);
    }

    const signer = await openSigner({ label: 'gen-rsa-3072' });
    try {
      const signature = await signer.sign(MESSAGE);
      expect(signature.length).toBe(384);
      expect(verify('sha256', MESSAGE, { key: Buffer.from(rsa.publicKey), format: 'der', type: 'spki' }, signature)).toBe(true);
    } finally {
      await signer.close();
    }
  });

  it('makes an SM2-curve EC key on SoftHSM2 but refuses to sign with it: ECDSA on the SM2 curve is not SM2', async () => {
    // SoftHSM2 (OpenSSL backend) knows the sm2p256v1 curve but has no SM2 signature mechanism.
    const sm2 = await generateTokenKeyPair(admin, { keyType: 'SM2', label: 'sm2-curve' });
    expect((await listTokenObjects(admin)).find((o) => o.kind === 'private-key' && o.label === 'sm2-curve')).toMatchObject({ keyType: 'SM2' });
    const opened = await openSigner({ label: 'sm2-curve' }).catch((e: unknown) => e);
    expect(opened).toMatchObject({ code: 'PKCS11_MECHANISM_UNSUPPORTED', details: { algorithm: 'SM2/SM3', tried: [] } });
    const [priv] = await admin.findObjects([{ type: CKA.CLASS, value: CKO.PRIVATE_KEY }, { type: CKA.ID, value: sm2.id }]);
    const [pub] = await admin.findObjects([{ type: CKA.CLASS, value: CKO.PUBLIC_KEY }, { type: CKA.ID, value: sm2.id }]);
    await admin.destroyObject(priv as Buffer);
    await admin.destroyObject(pub as Buffer);
  });
});

describe('keys made by pkcs11-tool', () => {
  it.each([
    { id: 'a1', hash: 'sha256' as const, keyType: 'EC-P256' },
    { id: 'a2', hash: 'sha256' as const, keyType: 'RSA' },
  ])('signs with key id $id ($keyType) and openssl verifies; a flipped byte does not', async ({ id, hash, keyType }) => {
    const signer = await openSigner({ id });
    try {
      expect(signer.keyType).toBe(keyType);
      const signature = await signer.sign(MESSAGE);
      const pem = writePublicKeyPem(token, `tool-${id}`, signer.publicKey);
      expect(opensslVerifies(token, pem, hash, MESSAGE, signature)).toBe(true);
      const flipped = Uint8Array.from(MESSAGE, (b, i) => (i === 0 ? b ^ 0x80 : b));
      expect(opensslVerifies(token, pem, hash, flipped, signature)).toBe(false);
    } finally {
      await signer.close();
    }
  });
});

describe('CKA_ALWAYS_AUTHENTICATE', () => {
  it('logs in per signature (CKU_CONTEXT_SPECIFIC) for a key that demands it', async () => {
    const objects = await listTokenObjects(admin);
    expect(objects.find((o) => o.kind === 'private-key' && o.id === 'a3')).toMatchObject({ alwaysAuthenticate: true });
    let asked = 0;
    const signer = await Pkcs11Signer.open({ library: token.library, token: { label: token.label }, key: { id: 'a3' }, pin: () => { asked++; return token.pin; } });
    try {
      const signatures = await Promise.all([signer.sign(MESSAGE), signer.sign(MESSAGE), signer.sign(MESSAGE)]);
      for (const signature of signatures) {
        expect(verify('sha256', MESSAGE, { key: Buffer.from(signer.publicKey), format: 'der', type: 'spki' }, signature)).toBe(true);
      }
      expect(asked).toBe(4); // one user login, then one context-specific login per signature
    } finally {
      await signer.close();
    }
    // Without the context-specific login, SoftHSM2 refuses the signature.
    const [handle] = await admin.findObjects([{ type: CKA.CLASS, value: CKO.PRIVATE_KEY }, { type: CKA.ID, value: fromHex('a3') }]);
    const key = { handle: handle as Buffer, template: [] };
    await expect(admin.sign({ mechanism: CKM.ECDSA }, key, new Uint8Array(32), { maxLength: 64 })).rejects.toMatchObject({ code: 'PKCS11_NOT_PERMITTED' });
    expect(await admin.sign({ mechanism: CKM.ECDSA }, key, new Uint8Array(32), { maxLength: 64, alwaysAuthenticate: true })).toHaveLength(64);
  });
});

describe('certificates', () => {
  it('imports a certificate next to its key (matched by public key), and signs using it when the public key object is gone', async () => {
    const pair = await generateTokenKeyPair(admin, { keyType: 'EC-P384', label: 'cert-key' });
    const tokenPub = writePublicKeyPem(token, 'cert-key', pair.publicKey);
    const caKey = token.path('ca.key');
    const caPem = token.path('ca.pem');
    const certFile = token.path('cert.der');
    opensslOk(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', caKey]);
    opensslOk(['req', '-new', '-x509', '-key', caKey, '-subj', '/CN=Test CA', '-days', '1', '-out', caPem]);
    opensslOk(['x509', '-new', '-subj', '/CN=Seal/O=OpenSeal', '-force_pubkey', tokenPub, '-CA', caPem, '-CAkey', caKey, '-days', '1', '-set_serial', '0x81', '-outform', 'DER', '-out', certFile]);
    const certificate = new Uint8Array(readFileSync(certFile));

    const imported = await importTokenCertificate(admin, { certificate });
    expect(imported).toEqual({ id: pair.id, label: 'cert-key' });
    const objects = await listTokenObjects(admin);
    const certObject = objects.find((o) => o.kind === 'certificate' && o.id === toHex(pair.id));
    expect(certObject?.certificate).toEqual(certificate);
    expect(token.pkcs11Tool(['--list-objects', '--type', 'cert'])).toContain('subject:    DN: CN=Seal, O=OpenSeal');
    const [certHandle] = await admin.findObjects([{ type: CKA.CLASS, value: CKO.CERTIFICATE }, { type: CKA.ID, value: pair.id }]);
    const attrs = await admin.readAttributes(certHandle as Buffer, [CKA.SERIAL_NUMBER]);
    expect(toHex(attrs.get(CKA.SERIAL_NUMBER) as Uint8Array)).toBe('02020081');

    const [publicHandle] = await admin.findObjects([{ type: CKA.CLASS, value: CKO.PUBLIC_KEY }, { type: CKA.ID, value: pair.id }]);
    await admin.destroyObject(publicHandle as Buffer);
    const signer = await openSigner({ label: 'cert-key' });
    try {
      expect(signer.publicKey).toEqual(pair.publicKey);
      const signature = await signer.sign(MESSAGE);
      const certKey = new X509Certificate(certificate).publicKey;
      expect(verify('sha384', MESSAGE, certKey, signature)).toBe(true);
      expect(verify('sha384', MESSAGE.subarray(1), certKey, signature)).toBe(false);
    } finally {
      await signer.close();
    }
  });

  it('refuses a certificate for a key that is not on the token', async () => {
    const other = token.path('other.key');
    opensslOk(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', other]);
    const der = opensslOk(['req', '-new', '-x509', '-key', other, '-subj', '/CN=Elsewhere', '-days', '1', '-outform', 'DER']);
    await expect(importTokenCertificate(admin, { certificate: new Uint8Array(der) })).rejects.toMatchObject({ code: 'PKCS11_KEY_NOT_FOUND' });
  });
});

describe('PIN change', () => {
  it('changes the user PIN: the old one is then PKCS11_PIN_INCORRECT, the new one works', async () => {
    const newPin = '654321-new';
    await expect(changeTokenPin(admin, token.pin, '1')).rejects.toMatchObject({ code: 'PKCS11_PIN_INVALID' });
    // Login is per process and token (PKCS#11 §6.7.1): log out so that the next C_Login checks the PIN.
    await admin.logout();
    await changeTokenPin(admin, token.pin, newPin);
    try {
      const error = await openSigner({ id: 'a1' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'PKCS11_PIN_INCORRECT' });
      const signer = await openSigner({ id: 'a1' }, newPin);
      const signature = await signer.sign(MESSAGE);
      expect(verify('sha256', MESSAGE, { key: Buffer.from(signer.publicKey), format: 'der', type: 'spki' }, signature)).toBe(true);
      await signer.close();
    } finally {
      await changeTokenPin(admin, newPin, token.pin);
      await admin.login(token.pin);
    }
    const restored = await openSigner({ id: 'a1' });
    await restored.close();
  });

  it('needs a read-write session', async () => {
    const ro = await Pkcs11Session.open(module, { label: token.label }, { pin: token.pin });
    try {
      await expect(changeTokenPin(ro, token.pin, '99999999')).rejects.toMatchObject({ code: 'PKCS11_NOT_PERMITTED' });
    } finally {
      await ro.close();
    }
  });
});
