import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  OfdDocument,
  OfdDuplicateEntryError,
  OfdMissingPartError,
  OfdPackage,
  OfdUnsafePathError,
  serializeSignaturesXml,
  serializeSignatureXml,
  setSignaturesLocation,
  updatePackage,
} from '../src/index.js';
import { ofdSample } from './support/samples.js';
import { unzipTest } from './support/unzip.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const sm3 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sm3').update(b).digest());
const modifiedAt = new Date('2025-06-07T08:09:10Z');

describe('updatePackage', () => {
  it('adds a second signature while every other entry keeps its exact bytes (stored and compressed)', () => {
    const before = OfdPackage.read(ofdSample('ofdrw-converter__1.ofd'));
    const doc = OfdDocument.open(before);
    const list = doc.signatures();
    if (list === undefined) throw new Error('sample has a signature list');
    const signature = serializeSignatureXml({
      signedInfo: {
        provider: { providerName: 'OpenSeal', version: '0.1' },
        signatureMethod: '1.2.156.10197.1.501',
        signatureDateTime: '20250607080910Z',
        checkMethod: '1.2.156.10197.1.401',
        references: [{ fileRef: '/Doc_0/Pages/Page_0/Content.xml', checkValue: sm3(before.bytes('Doc_0/Pages/Page_0/Content.xml')) }],
        stampAnnots: [{ id: '3', pageRef: 1, boundary: { x: 150, y: 90, width: 40, height: 40 } }],
      },
      signedValue: '/Doc_0/Signs/Sign_1/SignedValue.dat',
    });
    const newList = serializeSignaturesXml({
      maxSignId: '3',
      signatures: [...list.xml.signatures, { id: '3', type: 'Seal', baseLoc: '/Doc_0/Signs/Sign_1/Signature.xml' }],
    });
    const out = updatePackage(
      before,
      { put: { 'Doc_0/Signs/Signatures.xml': newList, '/Doc_0/Signs/Sign_1/Signature.xml': signature, 'Doc_0/Signs/Sign_1/SignedValue.dat': new Uint8Array([0x30, 0]) } },
      { modifiedAt },
    );

    const after = OfdPackage.read(out);
    const changed = new Set(['Doc_0/Signs/Signatures.xml', 'Doc_0/Signs/Sign_1/Signature.xml', 'Doc_0/Signs/Sign_1/SignedValue.dat']);
    expect(after.storedEntries.map((s) => s.path)).toEqual([...before.storedEntries.map((s) => s.path), 'Doc_0/Signs/Sign_1/Signature.xml', 'Doc_0/Signs/Sign_1/SignedValue.dat']);
    for (const old of before.storedEntries) {
      const now = after.storedEntries.find((s) => s.path === old.path);
      if (changed.has(old.path)) continue;
      expect(now?.record.compressed, old.path).toEqual(old.record.compressed);
      expect([now?.record.crc32, now?.record.dosDate, now?.record.dosTime]).toEqual([old.record.crc32, old.record.dosDate, old.record.dosTime]);
      if (!old.isDirectory) expect(after.bytes(old.path)).toEqual(before.bytes(old.path));
    }
    expect(after.entry('Doc_0/Signs/Sign_1/Signature.xml')?.modifiedAt?.toISOString()).toBe('2025-06-07T08:09:10.000Z');

    // The earlier signature still covers identical bytes: all 13 digests match.
    const reread = OfdDocument.open(after).signatures();
    expect(reread?.signatures.map((s) => s.entry.id)).toEqual(['2', '3']);
    for (const ref of reread?.signatures[0]?.references ?? []) expect(sm3(after.bytes(ref.path)), ref.path).toEqual(ref.checkValue);
    expect(unzipTest(out)).toMatch(/No errors detected/);
  });

  it('lets the first signature add DocBody/Signatures to OFD.xml, keeping the rest of OFD.xml', () => {
    const pkg = OfdPackage.read(ofdSample('ofdrw-sign__helloworld.ofd'));
    const ofdXml = setSignaturesLocation(pkg.bytes('OFD.xml'), '/Doc_0/Signs/Signatures.xml');
    const out = updatePackage(pkg, { put: { 'OFD.xml': ofdXml, 'Doc_0/Signs/Signatures.xml': serializeSignaturesXml({ signatures: [] }) } });
    const doc = OfdDocument.read(out);
    const original = OfdDocument.open(pkg);
    expect(doc.body).toEqual({ ...original.body, signatures: '/Doc_0/Signs/Signatures.xml' });
    expect(doc.signatures()?.signatures).toEqual([]);
    expect(new TextDecoder().decode(ofdXml)).toContain('<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot><ofd:Signatures>/Doc_0/Signs/Signatures.xml</ofd:Signatures></ofd:DocBody>');
  });

  it('keeps a legacy-namespace OFD.xml in its namespace and replaces an existing Signatures location', () => {
    const legacy = OfdPackage.read(ofdSample('ofdrw-converter__z.ofd')).bytes('OFD.xml');
    const once = new TextDecoder().decode(setSignaturesLocation(legacy, 'a.xml'));
    expect(once).toContain('xmlns:ofd="http://www.ofdspec.org"');
    expect(once).toContain('<ofd:Signatures>a.xml</ofd:Signatures>');
    const twice = new TextDecoder().decode(setSignaturesLocation(enc(once), 'b.xml'));
    expect(twice.match(/<ofd:Signatures>/g)).toHaveLength(1);
    expect(twice).toContain('<ofd:Signatures>b.xml</ofd:Signatures>');
  });

  it('removes entries and refuses clashing, unsafe or unknown names', () => {
    const pkg = OfdPackage.read(ofdSample('ofdrw-sign__helloworld.ofd'));
    const out = OfdPackage.read(updatePackage(pkg, { remove: ['/Doc_0/PublicRes.xml'] }));
    expect(out.has('Doc_0/PublicRes.xml')).toBe(false);
    expect(out.paths).toHaveLength(pkg.paths.length - 1);
    expect(() => updatePackage(pkg, { put: { 'ofd.xml': enc('x') } })).toThrow(OfdDuplicateEntryError);
    expect(() => updatePackage(pkg, { put: { 'A.xml': enc('x'), 'a.XML': enc('y') } })).toThrow(OfdDuplicateEntryError);
    expect(() => updatePackage(pkg, { put: { '../evil.xml': enc('x') } })).toThrow(OfdUnsafePathError);
    expect(() => updatePackage(pkg, { remove: ['nope.xml'] })).toThrow(OfdMissingPartError);
  });
});
