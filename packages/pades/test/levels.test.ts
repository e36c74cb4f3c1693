import { describe, expect, it } from 'vitest';
import { SeededRandom, toHex } from '@openseal/kernel';
import { PdfDocument, listSignatures, type PdfDict } from '@openseal/pdf';
import { addDocumentTimestamp, addValidationData, signPdf, verifyPdf, vriKey, type PadesLevel, type ValidationDataSources } from '../src/index.js';
import { flipByte } from './support/pdf-edits.js';
import { clock, inMemoryTsa, provider, revocationData, sample, sealSigner, type testPki } from './support/pades-test-pki.js';

const random = new SeededRandom(11);

async function signAt(level: PadesLevel, validation?: (pki: Awaited<ReturnType<typeof testPki>>) => Promise<ValidationDataSources>, revoked = false) {
  const s = await sealSigner('RSA');
  const tsa = await inMemoryTsa('RSA');
  const data = await revocationData(s.pki, revoked ? [s.certificate.serialNumber] : []);
  // The root CRL covers the intermediate; end entities get OCSP answers fetched on demand.
  const sources = validation ? await validation(s.pki) : { crls: data.crls.slice(0, 1), fetchOcsp: data.ocsp, certificates: [...s.chain, s.pki.root.certificate] };
  const bytes = await signPdf(
    sample('pyHanko__minimal.pdf'),
    { signerCertificate: s.certificate, chain: s.chain, level, validation: sources },
    { signer: s.signer, provider, clock, random, tsa: tsa.client },
  );
  return { bytes, s, tsa };
}

describe('PAdES levels', () => {
  it('B-T: a signature timestamp over the signature value, from the library TSA', async () => {
    const { bytes, s, tsa } = await signAt('B-T');
    expect(tsa.requests()).toBe(1);
    const r = await verifyPdf(bytes, { provider, clock, trustAnchors: s.pki.trustAnchors });
    expect(r.valid).toBe(true);
    const sig = r.signatures[0];
    expect(sig?.level).toBe('B-T');
    expect(sig?.timestamp).toMatchObject({ time: clock.now().toISOString(), verified: true, trusted: true });
    expect(sig?.timestamp?.tsa).toContain('Time Stamping Authority');
    expect(sig?.signedAtSource).toBe('timestamp');
    expect(sig?.trust.timeSource).toBe('timestamp');
  });

  it('B-T tamper twin: a flipped byte in the signed range breaks the signature', async () => {
    const { bytes, s } = await signAt('B-T');
    const r = await verifyPdf(flipByte(bytes, 300), { provider, clock, trustAnchors: s.pki.trustAnchors });
    expect(r.signatures[0]?.intact).toBe(false);
    expect(r.valid).toBe(false);
  });

  it('B-LT: a DSS revision with the chains, CRLs, OCSP responses and a VRI entry for the signature', async () => {
    const { bytes, s } = await signAt('B-LT');
    const doc = PdfDocument.load(bytes);
    expect(doc.revisions).toHaveLength(3);
    const [sig] = listSignatures(doc);
    const dss = doc.latest.resolve(doc.catalog.get('DSS')) as PdfDict;
    const vri = doc.latest.resolve(dss.get('VRI')) as PdfDict;
    const key = vriKey(sig?.contents as Uint8Array, provider);
    expect(key).toBe(toHex(provider.digest('SHA-1', sig?.contents as Uint8Array)).toUpperCase());
    expect([...vri.keys()]).toEqual([key]);
    const r = await verifyPdf(bytes, { provider, clock, trustAnchors: s.pki.trustAnchors });
    expect(r.dss).toMatchObject({ vri: 1 });
    expect(r.dss?.crls).toBeGreaterThanOrEqual(1);
    expect(r.dss?.ocspResponses).toBeGreaterThanOrEqual(1);
    expect(r.dss?.certificates).toBeGreaterThanOrEqual(4);
    expect(r.signatures[0]).toMatchObject({ level: 'B-LT', valid: true, trusted: true });
    expect(r.signatures[0]?.modifications.map((m) => m.category)).toEqual(expect.arrayContaining(['dss']));
    expect(r.signatures[0]?.modifications.every((m) => m.allowed)).toBe(true);
  });

  it('B-LT with CRLs only gathers the CRLs; with nothing to check against it refuses', async () => {
    const crlOnly = await signAt('B-LT', async (pki) => ({ crls: (await revocationData(pki)).crls, certificates: [pki.intermediate.certificate, pki.root.certificate] }));
    const r = await verifyPdf(crlOnly.bytes, { provider, clock, trustAnchors: crlOnly.s.pki.trustAnchors });
    expect(r.dss?.ocspResponses).toBe(0);
    expect(r.signatures[0]).toMatchObject({ level: 'B-LT', trusted: true });
    await expect(signAt('B-LT', async (pki) => ({ certificates: [pki.intermediate.certificate, pki.root.certificate] }))).rejects.toMatchObject({
      code: 'PADES_VALIDATION_DATA_MISSING',
    });
  });

  it('B-LT: embedded revocation data showing the signer revoked makes the signature invalid', async () => {
    const { bytes, s } = await signAt('B-LT', undefined, true);
    const r = await verifyPdf(bytes, { provider, clock, trustAnchors: s.pki.trustAnchors });
    expect(r.signatures[0]?.trusted).toBe(false);
    expect(r.signatures[0]?.errors).toContain('CERT_REVOKED');
    expect(r.valid).toBe(false);
  });

  it('B-LTA: document timestamp over the DSS, then a DSS update for the TSA', async () => {
    const { bytes, s, tsa } = await signAt('B-LTA');
    expect(tsa.requests()).toBe(2);
    const doc = PdfDocument.load(bytes);
    expect(doc.revisions).toHaveLength(5);
    const r = await verifyPdf(bytes, { provider, clock, trustAnchors: s.pki.trustAnchors });
    expect(r.valid).toBe(true);
    expect(r.signatures[0]).toMatchObject({ level: 'B-LTA', valid: true, trusted: true });
    expect(r.documentTimestamps).toHaveLength(1);
    expect(r.documentTimestamps[0]).toMatchObject({ kind: 'document-timestamp', subFilter: 'ETSI.RFC3161', intact: true, valid: true, trusted: true, index: 1 });
    expect(r.dss?.vri).toBe(2);
  });

  it('B-LTA tamper twin: a byte changed in the DSS revision breaks the document timestamp only', async () => {
    const { bytes, s } = await signAt('B-LTA');
    const doc = PdfDocument.load(bytes);
    const sigEnd = doc.revisions[1]?.end as number;
    const dssEnd = doc.revisions[2]?.end as number;
    // a byte of the DSS revision's xref table: covered by the document timestamp, not by the signature
    const text = new TextDecoder('latin1').decode(bytes.subarray(sigEnd, dssEnd));
    const at = sigEnd + text.lastIndexOf('0000') ;
    const r = await verifyPdf(flipByte(bytes, at), { provider, clock, trustAnchors: s.pki.trustAnchors });
    expect(r.documentTimestamps[0]?.intact).toBe(false);
    expect(r.documentTimestamps[0]?.valid).toBe(false);
    expect(r.signatures[0]?.intact).toBe(true);
    expect(r.valid).toBe(false);
  });

  it('document timestamps and DSS can be added to an already signed file, also by steps', async () => {
    const { bytes, s } = await signAt('B-B');
    const tsa = await inMemoryTsa('RSA', clock, 21);
    const data = await revocationData(s.pki);
    const ts = await addDocumentTimestamp(PdfDocument.load(bytes), { tsa: tsa.client, provider });
    expect(ts.fieldName).toBe('DocTimeStamp1');
    const withDss = await addValidationData(PdfDocument.load(ts.bytes), { provider, sources: { crls: data.crls, fetchOcsp: data.ocsp } });
    const r = await verifyPdf(withDss, { provider, clock, trustAnchors: s.pki.trustAnchors });
    expect(r.valid).toBe(true);
    // a later document timestamp gives the signature B-T; the DSS comes after it, so no B-LTA yet
    expect(r.signatures[0]?.level).toBe('B-LT');
  });
});

describe('long-term validation of a certified document', () => {
  it('DocMDP P=1 still allows the LTA updates: a document timestamp and DSS revisions', async () => {
    const s = await sealSigner('RSA');
    const tsa = await inMemoryTsa('RSA', clock, 41);
    const data = await revocationData(s.pki);
    const bytes = await signPdf(
      sample('pyHanko__minimal.pdf'),
      { signerCertificate: s.certificate, chain: s.chain, certify: { P: 1 }, level: 'B-LTA', validation: { crls: data.crls.slice(0, 1), fetchOcsp: data.ocsp } },
      { signer: s.signer, provider, clock, random, tsa: tsa.client },
    );
    const r = await verifyPdf(bytes, { provider, clock, trustAnchors: s.pki.trustAnchors });
    expect(r.certification?.permission).toBe(1);
    expect(r.valid).toBe(true);
    expect(r.signatures[0]).toMatchObject({ level: 'B-LTA', valid: true });
    expect(new Set(r.signatures[0]?.modifications.map((m) => m.category))).toEqual(new Set(['dss', 'document-timestamp']));
  });
});
