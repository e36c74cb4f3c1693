// PAdES signing with the key on a PKCS#11 token (SoftHSM2): the signing core only ever hands the token
// the CMS signed attributes, through the same Signer interface as software keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '@openseal/kernel';
import { signPdf, verifyPdf } from '@openseal/pades';
import { Pkcs11Module, Pkcs11Session, Pkcs11Signer, generateTokenKeyPair } from '@openseal/pkcs11';
import type { Certificate } from '@openseal/pki';
import { createSoftHsmToken, type SoftHsmToken } from '../../adapters/pkcs11/test/softhsm.js';
import { clock, provider, sample, testPki } from '../../packages/pades/test/support/pades-test-pki.js';
import { byteInsideRange, flipByte } from '../../packages/pades/test/support/pdf-edits.js';

let token: SoftHsmToken;
const certs: Record<string, Certificate> = {};

beforeAll(async () => {
  token = createSoftHsmToken('pades-test');
  const module = Pkcs11Module.open(token.library);
  const admin = await Pkcs11Session.open(module, { label: token.label }, { readWrite: true, pin: token.pin });
  try {
    for (const [label, keyType] of [['seal-rsa', 'RSA'], ['seal-p256', 'EC-P256']] as const) {
      const pair = await generateTokenKeyPair(admin, keyType === 'RSA' ? { keyType, modulusBits: 2048, label } : { keyType, label });
      const pki = await testPki(keyType);
      certs[label] = await pki.intermediate.ca.issue({ profile: 'sealSigner', subject: [{ C: 'CN' }, { O: 'OpenSeal Demo' }, { CN: `token ${label}` }], publicKey: pair.publicKey });
    }
  } finally {
    await admin.close();
    module.close();
  }
});
afterAll(() => token?.cleanup());

describe('PAdES with a PKCS#11 token key', () => {
  it.each(['seal-rsa', 'seal-p256'])('%s: signs; the signature verifies and chains; the tamper twin fails', async (label) => {
    const signer = await Pkcs11Signer.open({ library: token.library, token: { label: token.label }, pin: token.pin, key: { label } });
    try {
      const cert = certs[label] as Certificate;
      const pki = await testPki(label === 'seal-rsa' ? 'RSA' : 'EC-P256');
      const signed = await signPdf(sample('pyHanko__minimal.pdf'), { signerCertificate: cert, chain: [pki.intermediate.certificate] }, { signer, provider, clock, random: new SeededRandom(1) });
      const r = await verifyPdf(signed, { provider, clock, trustAnchors: pki.trustAnchors });
      expect(r.signatures[0]).toMatchObject({ valid: true, trusted: true });
      const t = await verifyPdf(flipByte(signed, byteInsideRange(signed)), { provider, clock, trustAnchors: pki.trustAnchors });
      expect(t.valid).toBe(false);
    } finally {
      await signer.close();
    }
  });
});
