import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createSesSignature, makeSeal, parseSeal, parseSesSignature } from '../src/index.js';
import { openssl, tempDir } from '../../../testing/support/openssl.js';
import { T1, clock, entity, provider, redPng } from './support/ses-test-pki.js';

const tmp = tempDir('openseal-ses-');
afterAll(() => tmp.cleanup());

/** OpenSSL checks an SM2 signature with the GM/T 0009 default ID over exactly `data`. */
function opensslVerifies(certPem: string, data: Uint8Array, sig: Uint8Array, name: string): boolean {
  writeFileSync(tmp.path(`${name}.crt`), certPem);
  writeFileSync(tmp.path(`${name}.bin`), data);
  writeFileSync(tmp.path(`${name}.sig`), sig);
  const pub = openssl(['x509', '-in', tmp.path(`${name}.crt`), '-pubkey', '-noout']);
  writeFileSync(tmp.path(`${name}.pub`), pub.stdout);
  const r = openssl(['pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-pubin', '-inkey', tmp.path(`${name}.pub`), '-pkeyopt', 'distid:1234567812345678', '-in', tmp.path(`${name}.bin`), '-sigfile', tmp.path(`${name}.sig`)]);
  return r.code === 0;
}

describe('OpenSSL as an independent SM2 peer', () => {
  it('verifies the maker signature over SES_SealInfo and the signer signature over TBS_Sign; not tampered data', async () => {
    const signer = await entity('sealSigner');
    const maker = await entity('sealMaker');
    const sealDer = await makeSeal(
      { esID: 'S1', vid: 'OpenSeal', type: 1, name: '章', certList: [signer.certificate], validStart: T1, validEnd: new Date('2027-01-01Z'), picture: { type: 'PNG', data: redPng(), widthMm: 40, heightMm: 40 } },
      { signer: maker.signer, makerCertificate: maker.certificate, provider, clock },
    );
    const seal = parseSeal(sealDer);
    expect(opensslVerifies(maker.certificate.toPem(), seal.sealInfoDer, seal.maker.signature, 'maker')).toBe(true);
    const der = await createSesSignature(
      { seal: sealDer, signerCertificate: signer.certificate, timeInfo: T1, dataHash: provider.digest('SM3', new Uint8Array([1])), propertyInfo: '/x' },
      { signer: signer.signer, provider },
    );
    const sig = parseSesSignature(der);
    expect(opensslVerifies(signer.certificate.toPem(), sig.toSignDer, sig.signature, 'signer')).toBe(true);
    const tampered = sig.toSignDer.slice();
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] as number) ^ 1;
    expect(opensslVerifies(signer.certificate.toPem(), tampered, sig.signature, 'tampered')).toBe(false);
  });
});
