// Third-party certificates found inside the sample seals and OFD signatures of ../shared/samples.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OID } from '@openseal/asn1';
import { Certificate, buildCertificate, parseCertificate, verifyCertificateSignature } from '../src/x509/index.js';
import { derBitString, derSequence } from '../src/x509/der-writer.js';
import { derChildren, derNodeAt, derSlice } from '../src/x509/der-reader.js';
import { validateCertificatePath } from '../src/path/index.js';
import { readZipEntry } from './support/read-zip-entry.js';
import { generateTestSigner } from './support/test-crypto.js';
import { provider } from './support/test-pki.js';

const SAMPLES = new URL('../../../../shared/samples/ofd/', import.meta.url);
const sample = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, SAMPLES)));
const signedValue = (ofd: string): Uint8Array => readZipEntry(sample(ofd), 'Doc_0/Signs/Sign_0/SignedValue.dat');

/** Every DER certificate embedded in a blob (seals and SES signatures carry them as OCTET STRINGs). */
function embeddedCertificates(blob: Uint8Array): Certificate[] {
  const out: Certificate[] = [];
  for (let i = 0; i + 4 < blob.length; i++) {
    if (blob[i] !== 0x30 || blob[i + 1] !== 0x82 || blob[i + 4] !== 0x30) continue;
    const length = ((blob[i + 2] as number) << 8) + (blob[i + 3] as number) + 4;
    try {
      out.push(Certificate.fromDer(blob.subarray(i, i + length)));
    } catch (e) {
      if (!(e instanceof Error && 'code' in e)) throw e; // a byte pattern that is not a certificate
    }
  }
  return out;
}

describe('sample certificates', () => {
  it('reads the tax-authority certificate whose SM3withSM2 AlgorithmIdentifier has NULL parameters', () => {
    const [cert] = embeddedCertificates(signedValue('ofdrw-converter__1.ofd'));
    expect(cert).toBeDefined();
    const c = cert as Certificate;
    expect(c.tbsDer.subarray(18, 32)).toEqual(Uint8Array.from([0x30, 0x0c, 0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x83, 0x75, 0x05, 0x00]));
    expect(c.signatureAlgorithm).toEqual({ name: 'SM2', hash: 'SM3' });
    expect(c.keyType).toBe('SM2');
    expect(c.subject.commonName).toBe('浙江省税务监制章电子证书');
    expect(c.issuer.toString()).toBe('CN=税务电子证书管理中心(SM2),OU=国家税务总局,C=CN');
    expect(c.notAfter.toISOString()).toBe('2022-10-24T00:00:00.000Z');
  });

  it('reports an untrusted real certificate as INDETERMINATE (no anchor), not as an error', async () => {
    const [c] = embeddedCertificates(signedValue('ofdrw-converter__1.ofd'));
    const r = await validateCertificatePath(c as Certificate, { trustAnchors: [], at: new Date('2020-07-23T13:09:00Z'), provider });
    expect(r.status).toBe('INDETERMINATE');
    expect(r.reasons).toEqual(['PATH_NO_ANCHOR']);
    expect(r.checks.find((k) => k.code === 'CERT_VALIDITY')?.status).toBe('passed');
  });

  it('verifies the self-signed SM2 certificate of the dms360 sample with the standard SM2 ID', async () => {
    const certs = embeddedCertificates(signedValue('ofdrw-converter__n.ofd'));
    const c = certs[0] as Certificate;
    expect(c.isSelfIssued).toBe(true);
    expect(await verifyCertificateSignature(c, c, provider)).toBe(true);
    expect(c.extensions.malformed).toEqual([OID.subjectAltName]); // its SAN is double-wrapped; OpenSSL cannot read it either
    expect(c.extensions.crlDistributionPoints?.[1]?.uris).toEqual(['http://www.sohu.com']);
    const r = await validateCertificatePath(c, { trustAnchors: [c], at: new Date('2020-01-01T00:00:00Z'), provider });
    expect(r.status).toBe('VALID');
  });

  it('reads the certificates inside SES_Seal files (UTF-8 and IA5 names)', () => {
    const seal = embeddedCertificates(sample('ofdrw-gm__UserV4.esl'));
    expect(seal.map((c) => c.subject.toString())).toEqual([
      'CN=Test Certificate,L=Hangzhou,ST=Zhejiang,O=OFD R&W,C=CN',
      'CN=Test Certificate,L=Hangzhou,ST=Zhejiang,O=OFD R&W,C=CN',
    ]);
    const gede = embeddedCertificates(sample('ofdrw-sign__SESealData.DER'))[0] as Certificate;
    expect(gede.subject.get('emailAddress')).toBe('2811391541@qq.com');
    expect(gede.subject.get('O')).toBe('河北戈德防伪科技有限公司');
    expect(gede.issuer.commonName).toBe('Hebei Gede SM2CA');
  });
});

describe('SM3withSM2 with NULL parameters in our own chain', () => {
  it('verifies and validates a certificate whose AlgorithmIdentifier carries NULL, and rejects its tamper twin', async () => {
    const signer = generateTestSigner('SM2');
    const plain = await buildCertificate({
      subject: [{ C: 'CN' }, { O: '税务测试' }, { CN: 'NULL params' }],
      serialNumber: '01',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
      publicKey: signer.publicKey,
      signer,
      extensions: { basicConstraints: { cA: true }, keyUsage: ['keyCertSign'] },
    });
    // re-assemble the TBS with 300C 0608 2A811CCF55018375 0500 as the tax authority does, and re-sign it
    const withNull = Uint8Array.from([0x30, 0x0c, 0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x83, 0x75, 0x05, 0x00]);
    const tbsNode = derNodeAt(plain.tbsDer, 0);
    const fields = derChildren(plain.tbsDer, tbsNode).map((n, i) => (i === 2 ? withNull : derSlice(plain.tbsDer, n)));
    const tbs = derSequence(...fields);
    const der = derSequence(tbs, withNull, derBitString(await signer.sign(tbs)));
    const cert = parseCertificate(der);
    expect(cert.signatureAlgorithm).toEqual({ name: 'SM2', hash: 'SM3' });
    expect((await validateCertificatePath(cert, { trustAnchors: [], intermediates: [], at: new Date('2026-06-01T00:00:00Z'), provider })).reasons).toEqual(['PATH_NO_ANCHOR']);
    expect(await verifyCertificateSignature(cert, cert, provider)).toBe(true);
    const tampered = der.slice();
    tampered[60] = (tampered[60] as number) ^ 0x01; // inside the issuer name
    expect(await verifyCertificateSignature(parseCertificate(tampered), cert, provider)).toBe(false);
  });
});
