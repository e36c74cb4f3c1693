import { constants, createHash, verify } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignatureAlgorithm } from '@openseal/crypto';
import {
  CKM,
  DEFAULT_MECHANISM_PROFILE,
  Pkcs11Module,
  Pkcs11Session,
  Pkcs11Signer,
  defineMechanismProfile,
  generateTokenKeyPair,
  type GeneratedKeyPair,
} from '@openseal/pkcs11';
import { openssl } from '../../../testing/support/openssl.js';
import { createSoftHsmToken, opensslVerifies, writePublicKeyPem, type SoftHsmToken } from './softhsm.js';

const MESSAGE = new TextEncoder().encode('OpenSeal PKCS#11 test: 公章 seal over a document digest');

function tampered(data: Uint8Array): Uint8Array {
  const copy = data.slice();
  copy[5] = (copy[5] as number) ^ 0x01;
  return copy;
}

function nodeVerifies(alg: SignatureAlgorithm, spki: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  const key = { key: Buffer.from(spki), format: 'der' as const, type: 'spki' as const };
  const hash = alg.hash.replace('-', '').toLowerCase();
  if (alg.name === 'RSA-PSS') {
    return verify(hash, data, { ...key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength ?? createHash(hash).digest().length }, signature);
  }
  return verify(hash, data, key, signature); // ECDSA: DER by default
}

let token: SoftHsmToken;
let module: Pkcs11Module;
let keys: Record<'rsa' | 'p256' | 'p384', GeneratedKeyPair>;

beforeAll(async () => {
  token = createSoftHsmToken('signer-test');
  module = Pkcs11Module.open(token.library);
  const admin = await Pkcs11Session.open(module, { label: token.label }, { readWrite: true, pin: token.pin });
  try {
    keys = {
      rsa: await generateTokenKeyPair(admin, { keyType: 'RSA', modulusBits: 2048, label: 'rsa-2048' }),
      p256: await generateTokenKeyPair(admin, { keyType: 'EC-P256', label: 'ec-p256' }),
      p384: await generateTokenKeyPair(admin, { keyType: 'EC-P384', label: 'ec-p384' }),
    };
  } finally {
    await admin.close();
  }
});

afterAll(() => {
  module?.close();
  token?.cleanup();
});

const open = (label: string, extra: Partial<Parameters<typeof Pkcs11Signer.open>[0]> = {}): Promise<Pkcs11Signer> =>
  Pkcs11Signer.open({ library: token.library, token: { label: token.label }, pin: token.pin, key: { label }, ...extra });

const cases: { name: string; key: 'rsa' | 'p256' | 'p384'; alg: SignatureAlgorithm; mechanism: number }[] = [
  { name: 'RSA-2048 PKCS#1 v1.5 SHA-256', key: 'rsa', alg: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, mechanism: CKM.SHA256_RSA_PKCS },
  { name: 'RSA-2048 PKCS#1 v1.5 SHA-384', key: 'rsa', alg: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' }, mechanism: CKM.SHA384_RSA_PKCS },
  { name: 'RSA-2048 PKCS#1 v1.5 SHA-512', key: 'rsa', alg: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }, mechanism: CKM.SHA512_RSA_PKCS },
  { name: 'RSA-2048 PSS SHA-256', key: 'rsa', alg: { name: 'RSA-PSS', hash: 'SHA-256' }, mechanism: CKM.SHA256_RSA_PKCS_PSS },
  { name: 'RSA-2048 PSS SHA-384 salt 20', key: 'rsa', alg: { name: 'RSA-PSS', hash: 'SHA-384', saltLength: 20 }, mechanism: CKM.SHA384_RSA_PKCS_PSS },
  { name: 'ECDSA P-256 SHA-256', key: 'p256', alg: { name: 'ECDSA', hash: 'SHA-256' }, mechanism: CKM.ECDSA },
  { name: 'ECDSA P-384 SHA-384', key: 'p384', alg: { name: 'ECDSA', hash: 'SHA-384' }, mechanism: CKM.ECDSA },
  { name: 'ECDSA P-384 SHA-512', key: 'p384', alg: { name: 'ECDSA', hash: 'SHA-512' }, mechanism: CKM.ECDSA },
];

describe('Pkcs11Signer on SoftHSM2', () => {
  it.each(cases)('$name: node:crypto and openssl verify; a flipped data byte does not', async ({ key, alg, mechanism }) => {
    const signer = await open(keys[key].label, { algorithm: alg });
    try {
      expect(signer.publicKey).toEqual(keys[key].publicKey);
      expect(signer.mechanismFor(alg).mechanism).toBe(mechanism);
      const signature = await signer.sign(MESSAGE);
      expect(nodeVerifies(alg, signer.publicKey, MESSAGE, signature)).toBe(true);
      expect(nodeVerifies(alg, signer.publicKey, tampered(MESSAGE), signature)).toBe(false);
      const pem = writePublicKeyPem(token, key, signer.publicKey);
      const hash = alg.hash.replace('-', '').toLowerCase() as 'sha256' | 'sha384' | 'sha512';
      const pss = alg.name === 'RSA-PSS' ? { saltLength: alg.saltLength ?? createHash(hash).digest().length } : undefined;
      expect(opensslVerifies(token, pem, hash, MESSAGE, signature, pss)).toBe(true);
      expect(opensslVerifies(token, pem, hash, tampered(MESSAGE), signature, pss)).toBe(false);
    } finally {
      await signer.close();
    }
  });

  it('uses the key type default algorithm and checks it with openssl pkeyutl over the digest', async () => {
    const signer = await open('ec-p256');
    try {
      expect(signer.keyType).toBe('EC-P256');
      expect(signer.algorithm).toEqual({ name: 'ECDSA', hash: 'SHA-256' });
      const signature = await signer.sign(MESSAGE);
      const pem = writePublicKeyPem(token, 'pkeyutl', signer.publicKey);
      const digestFile = token.path('digest.bin');
      const sigFile = token.path('pkeyutl.sig');
      writeFileSync(sigFile, signature);
      writeFileSync(digestFile, createHash('sha256').update(MESSAGE).digest());
      const ok = openssl(['pkeyutl', '-verify', '-pubin', '-inkey', pem, '-in', digestFile, '-sigfile', sigFile]);
      expect(ok.stdout.toString()).toContain('Signature Verified Successfully');
      writeFileSync(digestFile, createHash('sha256').update(tampered(MESSAGE)).digest());
      const bad = openssl(['pkeyutl', '-verify', '-pubin', '-inkey', pem, '-in', digestFile, '-sigfile', sigFile]);
      expect(bad.code).not.toBe(0);
    } finally {
      await signer.close();
    }
  });

  it('falls back to CKM_RSA_PKCS over a DigestInfo and CKM_RSA_PKCS_PSS over the digest when the profile says so', async () => {
    const { mechanisms } = DEFAULT_MECHANISM_PROFILE;
    const fallbackOnly = defineMechanismProfile(DEFAULT_MECHANISM_PROFILE, {
      name: 'no-combined-rsa',
      mechanisms: {
        'RSASSA-PKCS1-v1_5/SHA-256': mechanisms['RSASSA-PKCS1-v1_5/SHA-256']?.filter((c) => c.mechanism === CKM.RSA_PKCS) ?? [],
        'RSA-PSS/SHA-256': mechanisms['RSA-PSS/SHA-256']?.filter((c) => c.mechanism === CKM.RSA_PKCS_PSS) ?? [],
      },
    });
    const signer = await open('rsa-2048', { profile: fallbackOnly });
    try {
      for (const alg of [{ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, { name: 'RSA-PSS', hash: 'SHA-256' }] as const) {
        expect(signer.mechanismFor(alg).input).toBe(alg.name === 'RSA-PSS' ? 'digest' : 'digest-info');
        const signature = await signer.sign(MESSAGE, alg);
        expect(nodeVerifies(alg, signer.publicKey, MESSAGE, signature)).toBe(true);
        expect(nodeVerifies(alg, signer.publicKey, tampered(MESSAGE), signature)).toBe(false);
      }
      // PKCS#1 v1.5 is deterministic: the fallback must give the same bytes as CKM_SHA256_RSA_PKCS.
      const combined = await open('rsa-2048');
      try {
        expect(await signer.sign(MESSAGE)).toEqual(await combined.sign(MESSAGE));
      } finally {
        await combined.close();
      }
    } finally {
      await signer.close();
    }
  });

  it('signs 20 concurrent requests on one session, all valid', async () => {
    const signer = await open('ec-p256');
    try {
      const messages = Array.from({ length: 20 }, (_, i) => new TextEncoder().encode(`document ${i}`));
      const signatures = await Promise.all(messages.map((m) => signer.sign(m)));
      signatures.forEach((sig, i) => expect(nodeVerifies(signer.algorithm, signer.publicKey, messages[i] as Uint8Array, sig)).toBe(true));
      expect(nodeVerifies(signer.algorithm, signer.publicKey, messages[1] as Uint8Array, signatures[0] as Uint8Array)).toBe(false);
    } finally {
      await signer.close();
    }
  });

  it('logs in again after the token was logged out underneath it (CKR_USER_NOT_LOGGED_IN)', async () => {
    const signer = await open('rsa-2048');
    const other = await Pkcs11Session.open(module, { label: token.label });
    try {
      await signer.sign(MESSAGE);
      await other.logout(); // the login state is shared by every session of the process
      const signature = await signer.sign(MESSAGE);
      expect(nodeVerifies(signer.algorithm, signer.publicKey, MESSAGE, signature)).toBe(true);
    } finally {
      await other.close();
      await signer.close();
    }
  });

  it('asks a PIN function at login instead of holding a PIN string', async () => {
    let asked = 0;
    const signer = await open('ec-p384', { pin: () => { asked++; return token.pin; } });
    try {
      const signature = await signer.sign(MESSAGE);
      expect(asked).toBe(1);
      expect(nodeVerifies(signer.algorithm, signer.publicKey, MESSAGE, signature)).toBe(true);
    } finally {
      await signer.close();
    }
  });
});

describe('Pkcs11Signer errors on SoftHSM2', () => {
  it('reports PKCS11_PIN_INCORRECT for a wrong PIN, without the PIN in the error', async () => {
    const wrong = 'wrong-pin-9999';
    const error = await open('rsa-2048', { pin: wrong }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PKCS11_PIN_INCORRECT', details: { operation: 'C_Login', ckr: 'CKR_PIN_INCORRECT' } });
    expect(JSON.stringify(error)).not.toContain(wrong);
    expect(String((error as Error).message)).not.toContain(wrong);
    // One wrong attempt only, then a good login, so the token never nears a lockout.
    const signer = await open('rsa-2048');
    await signer.close();
  });

  it('reports PKCS11_KEY_NOT_FOUND for an unknown key label or id', async () => {
    await expect(open('no-such-key')).rejects.toMatchObject({ code: 'PKCS11_KEY_NOT_FOUND', details: { label: 'no-such-key' } });
    await expect(open('x', { key: { id: 'deadbeef' } })).rejects.toMatchObject({ code: 'PKCS11_KEY_NOT_FOUND', details: { id: 'deadbeef' } });
  });

  it('reports PKCS11_TOKEN_NOT_FOUND for an unknown token label', async () => {
    await expect(open('rsa-2048', { token: { label: 'no-such-token' } })).rejects.toMatchObject({ code: 'PKCS11_TOKEN_NOT_FOUND' });
  });

  it('reports PKCS11_MODULE_LOAD_FAILED for a missing library and for a file that is not a module', async () => {
    await expect(open('rsa-2048', { library: token.path('missing.so') })).rejects.toMatchObject({ code: 'PKCS11_MODULE_LOAD_FAILED' });
    writeFileSync(token.path('not-a-module.so'), 'not an ELF file');
    await expect(open('rsa-2048', { library: token.path('not-a-module.so') })).rejects.toMatchObject({ code: 'PKCS11_MODULE_LOAD_FAILED' });
  });

  it('reports PKCS11_MECHANISM_UNSUPPORTED when no profile entry is on the token', async () => {
    const vendorOnly = defineMechanismProfile(DEFAULT_MECHANISM_PROFILE, {
      name: 'vendor-only',
      mechanisms: { 'RSASSA-PKCS1-v1_5/SHA-256': [{ mechanism: CKM.VENDOR_DEFINED + 0x1234, input: 'message', output: 'rsa' }] },
    });
    await expect(open('rsa-2048', { profile: vendorOnly })).rejects.toMatchObject({
      code: 'PKCS11_MECHANISM_UNSUPPORTED',
      details: { algorithm: 'RSASSA-PKCS1-v1_5/SHA-256', tried: ['CKM_VENDOR_DEFINED+0x1234'] },
    });
    const signer = await open('rsa-2048');
    try {
      await expect(signer.sign(MESSAGE, { name: 'RSASSA-PKCS1-v1_5', hash: 'SM3' })).rejects.toMatchObject({ code: 'PKCS11_MECHANISM_UNSUPPORTED' });
      await expect(signer.sign(MESSAGE, { name: 'ECDSA', hash: 'SHA-256' })).rejects.toMatchObject({ code: 'KEY_ALGORITHM_MISMATCH' });
    } finally {
      await signer.close();
    }
  });

  it('refuses to sign after close', async () => {
    const signer = await open('ec-p256');
    await signer.close();
    await expect(signer.sign(MESSAGE)).rejects.toMatchObject({ code: 'PKCS11_SESSION_CLOSED' });
  });
});
