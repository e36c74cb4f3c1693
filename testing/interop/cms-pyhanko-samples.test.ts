// Interop: CMS signatures and RFC 3161 tokens made by pyHanko (third-party PDFs in ../shared/samples)
// parse and verify with our engines. The sample certificates expired long ago and no trust anchors
// come with them, so this checks integrity (digest, signature, ESS binding, timestamp imprint) only.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NodeCryptoProvider } from '@openseal/crypto/node';
import { readDerHeader } from '@openseal/asn1';
import { concatBytes, fromHex } from '@openseal/kernel';
import { Certificate, certIdMatches, parseOcspResponse, parseSignedData, verifyOcspResponse, verifySignedData, verifyTimestampToken } from '@openseal/pki';

const SAMPLES = fileURLToPath(new URL('../../../shared/samples/pdf/', import.meta.url));
const provider = new NodeCryptoProvider();

interface PdfSignature {
  subFilter: string;
  contents: Uint8Array;
  signedBytes: Uint8Array;
}

/** Finds each /ByteRange, takes the /Contents hex string in its gap and trims the zero padding. */
function signaturesOf(file: string): PdfSignature[] {
  const pdf = new Uint8Array(readFileSync(`${SAMPLES}${file}`));
  const text = Buffer.from(pdf).toString('latin1');
  const out: PdfSignature[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const hex = text.slice(a + b + 1, c - 1);
    const raw = fromHex(hex);
    const h = readDerHeader(raw, 0);
    const dict = text.slice(Math.max(0, (m.index ?? 0) - 600), (m.index ?? 0) + 600);
    out.push({
      subFilter: /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dict)?.[1] ?? '?',
      contents: raw.slice(0, h.headerLength + h.length),
      signedBytes: concatBytes(pdf.subarray(a, a + b), pdf.subarray(c, c + d)),
    });
  }
  return out;
}

/** The body of an uncompressed indirect object's stream (enough for pyHanko's DSS entries). */
function streamOf(text: string, pdf: Uint8Array, num: number): Uint8Array {
  const m = new RegExp(`\\n${num} 0 obj\\s*<<([^]*?)>>\\s*stream\\r?\\n`).exec(text);
  const length = m ? Number(/\/Length (\d+)/.exec(m[1] ?? '')?.[1]) : NaN;
  if (!m || !Number.isFinite(length) || /\/Filter/.test(m[1] ?? '')) throw new Error(`object ${num} is not a plain stream`);
  const start = (m.index ?? 0) + m[0].length;
  return pdf.slice(start, start + length);
}

/** The DER OCSP responses listed in the DSS /OCSPs arrays. */
function dssOcspResponses(file: string): Uint8Array[] {
  const pdf = new Uint8Array(readFileSync(`${SAMPLES}${file}`));
  const text = Buffer.from(pdf).toString('latin1');
  const refs = new Set<number>();
  for (const m of text.matchAll(/\/OCSPs (\d+) 0 R/g)) {
    const arr = new RegExp(`\\n${m[1]} 0 obj\\s*\\[([^\\]]*)\\]`).exec(text)?.[1] ?? '';
    for (const r of arr.matchAll(/(\d+) 0 R/g)) refs.add(Number(r[1]));
  }
  return [...refs].map((n) => streamOf(text, pdf, n));
}

const FILES = [
  'pyHanko__minimal-signed-twice-both-created.pdf',
  'pyHanko__minimal-two-fields-signed-twice.pdf',
  'pyHanko__certified-with-indirect-refs-in-dir.pdf',
  'pyHanko__pades-with-old-style-signing-cert-attr.pdf',
  'pyHanko__pades-lta-dss-indirect-arrs-test.pdf',
];

describe.skipIf(!existsSync(SAMPLES))('pyHanko-made signatures', () => {
  it.each(FILES)('%s: every CMS signature is intact and its one-byte tamper twin is not', async (file) => {
    const sigs = signaturesOf(file).filter((s) => s.subFilter !== 'ETSI.RFC3161');
    expect(sigs.length).toBeGreaterThan(0);
    for (const s of sigs) {
      const r = await verifySignedData(s.contents, { provider, detachedContent: s.signedBytes });
      const failedChecks = r.signers.flatMap((x) => x.checks.filter((c) => c.status === 'failed').map((c) => c.code));
      expect(failedChecks).toEqual([]);
      expect(r.signers[0]?.intact).toBe(true);
      expect(r.indication).toBe('INDETERMINATE'); // no trust anchors: NO_CERTIFICATE_CHAIN_FOUND
      expect(r.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
      const tampered = s.signedBytes.slice();
      tampered[100] = (tampered[100] as number) ^ 0x01;
      expect((await verifySignedData(s.contents, { provider, detachedContent: tampered })).subIndication).toBe('HASH_FAILURE');
    }
  });

  it('reads the ESS signing-certificate v1 attribute', async () => {
    const [s] = signaturesOf('pyHanko__pades-with-old-style-signing-cert-attr.pdf');
    if (!s) throw new Error('no signature');
    const r = await verifySignedData(s.contents, { provider, detachedContent: s.signedBytes });
    expect(r.signers[0]?.checks.find((c) => c.code === 'CMS_SIGNING_CERT_MISMATCH')).toMatchObject({
      status: 'passed',
      details: { attribute: 'signing-certificate' },
    });
  });

  it('PAdES B-LTA: the signature timestamp and the document timestamp verify', async () => {
    const sigs = signaturesOf('pyHanko__pades-lta-dss-indirect-arrs-test.pdf');
    const cades = sigs.find((s) => s.subFilter === 'ETSI.CAdES.detached');
    const docTs = sigs.find((s) => s.subFilter === 'ETSI.RFC3161');
    if (!cades || !docTs) throw new Error('sample layout changed');
    const r = await verifySignedData(cades.contents, { provider, detachedContent: cades.signedBytes });
    expect(r.signers[0]?.timestamps).toHaveLength(1);
    expect(r.signers[0]?.timestamps[0]?.intact).toBe(true);
    expect(r.signers[0]?.checks.find((c) => c.code === 'TSA_IMPRINT_MISMATCH')?.status).toBe('passed');
    expect(r.signers[0]?.validationTimeSource).toBe('timestamp');

    const ts = await verifyTimestampToken(docTs.contents, { provider, expectedImprint: { data: docTs.signedBytes } });
    expect(ts.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(ts.intact).toBe(true);
    const other = docTs.signedBytes.slice();
    other[0] = (other[0] as number) ^ 0x01;
    expect((await verifyTimestampToken(docTs.contents, { provider, expectedImprint: { data: other } })).subIndication).toBe('HASH_FAILURE');
    expect(parseSignedData(docTs.contents).eContentType).toBe('1.2.840.113549.1.9.16.1.4');
  });

  it('PAdES B-LTA: the OCSP responses in the DSS are authentic answers about the signer', async () => {
    const [ocsp] = dssOcspResponses('pyHanko__pades-lta-dss-indirect-arrs-test.pdf');
    if (!ocsp) throw new Error('no DSS OCSP response');
    const basic = parseOcspResponse(ocsp).basic;
    expect(basic?.responses.length).toBeGreaterThan(0);
    const cades = signaturesOf('pyHanko__pades-lta-dss-indirect-arrs-test.pdf').find((s) => s.subFilter === 'ETSI.CAdES.detached');
    const certs = (cades ? parseSignedData(cades.contents).certificates : []).map((d) => Certificate.fromDer(d));
    const single = basic?.responses[0];
    const pair = certs.flatMap((cert) => certs.map((issuer) => ({ cert, issuer }))).find((p) => single && certIdMatches(single.certId, p.cert, p.issuer, provider));
    if (!pair) throw new Error('the OCSP response names none of the embedded certificates');
    const v = await verifyOcspResponse(ocsp, { provider, issuer: pair.issuer, certificate: pair.cert, certificates: certs });
    expect(v.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(v.intact).toBe(true);
    expect(v.singleResponse?.status).toBe('good');
    const tbs = basic?.tbsResponseData as Uint8Array;
    const at = Buffer.from(ocsp).indexOf(Buffer.from(tbs)) + tbs.length - 5;
    const tampered = ocsp.slice();
    tampered[at] = (tampered[at] as number) ^ 0x01;
    expect((await verifyOcspResponse(tampered, { provider, issuer: pair.issuer, certificate: pair.cert, certificates: certs })).subIndication).toBe('SIG_CRYPTO_FAILURE');
  });
});
