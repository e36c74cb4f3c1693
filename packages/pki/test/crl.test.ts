import { describe, expect, it } from 'vitest';
import { toHex } from '@openseal/kernel';
import { Crl, issueCrl, parseCrl, verifyCrlSignature } from '../src/crl/index.js';
import { CompositeRevocationSource, CrlRevocationSource, type RevocationSource } from '../src/revocation/index.js';
import { generateTestSigner } from './support/test-crypto.js';
import { T0, makeHierarchy, provider } from './support/test-pki.js';

const DAY = 86_400_000;
const at = (days: number): Date => new Date(T0.getTime() + days * DAY);

describe.each(['SM2', 'RSA', 'EC-P384'] as const)('CRL (%s)', async (keyType) => {
  const pki = await makeHierarchy(keyType);
  const ca = pki.intermediate;
  const leaf = pki.endEntities.sealSigner!.certificate;

  it('issues, parses and verifies a v2 CRL with reasons, invalidity dates and a large CRL number', async () => {
    const crl = await issueCrl({
      issuer: ca.certificate,
      signer: ca.key.signer,
      thisUpdate: at(1),
      nextUpdate: at(8),
      crlNumber: 2n ** 70n + 1n,
      revoked: [
        { serialNumber: leaf.serialNumber, revokedAt: at(0.5), reason: 'keyCompromise', invalidityDate: at(0.25) },
        { serialNumber: 0xabcdefn, revokedAt: at(0.75) },
        { serialNumber: '0100', revokedAt: at(0.8), reason: 'unspecified' },
      ],
    });
    const parsed = parseCrl(crl.toPem());
    expect(parsed.der).toEqual(crl.der);
    expect(parsed.version).toBe(2);
    expect(parsed.issuer.equals(ca.certificate.subject)).toBe(true);
    expect(parsed.thisUpdate).toEqual(at(1));
    expect(parsed.nextUpdate).toEqual(at(8));
    expect(parsed.crlNumber).toBe(2n ** 70n + 1n);
    expect(parsed.authorityKeyIdentifier).toEqual(ca.certificate.subjectKeyIdentifier);
    expect(parsed.entries).toEqual([
      { serialNumber: leaf.serialNumber, revokedAt: at(0.5), reason: 'keyCompromise', invalidityDate: at(0.25), unknownCriticalExtensions: [] },
      { serialNumber: 'abcdef', revokedAt: at(0.75), unknownCriticalExtensions: [] },
      { serialNumber: '0100', revokedAt: at(0.8), unknownCriticalExtensions: [] },
    ]);
    expect(parsed.findEntry('abcdef')?.revokedAt).toEqual(at(0.75));
    expect(await verifyCrlSignature(parsed, ca.certificate, provider)).toBe(true);
    expect(await verifyCrlSignature(parsed, pki.root.certificate, provider)).toBe(false);
  });

  it('fails the signature check when one byte of the TBSCertList changes (tamper twin)', async () => {
    const crl = await issueCrl({ issuer: ca.certificate, signer: ca.key.signer, thisUpdate: at(1), nextUpdate: at(8), crlNumber: 1, revoked: [{ serialNumber: '0a', revokedAt: at(0) }] });
    const der = crl.der.slice();
    const i = toHex(der).indexOf('02010a') / 2; // the entry's serial INTEGER 0x0a
    der[i + 2] = 0x0b;
    const tampered = Crl.fromDer(der);
    expect(tampered.findEntry('0b')).toBeDefined();
    expect(await verifyCrlSignature(tampered, ca.certificate, provider)).toBe(false);
  });
});

describe('large CRLs', async () => {
  const pki = await makeHierarchy('EC-P256');
  it('parses a CRL with 20,000 entries (beyond asn1js node limits) and looks entries up by serial', async () => {
    const revoked = Array.from({ length: 20_000 }, (_, i) => ({ serialNumber: BigInt(i + 1) * 0x1000193n, revokedAt: at(-1), reason: 'superseded' as const }));
    const crl = await pki.intermediate.ca.issueCrl({ crlNumber: 1, revoked });
    const parsed = parseCrl(crl.der);
    expect(parsed.entries).toHaveLength(20_000);
    expect(parsed.findEntry((20_000n * 0x1000193n).toString(16))).toMatchObject({ reason: 'superseded', revokedAt: at(-1) });
    expect(await verifyCrlSignature(parsed, pki.intermediate.certificate, provider)).toBe(true);
  });
});

describe('CRL input checks', async () => {
  const pki = await makeHierarchy('EC-P256');
  const ca = pki.intermediate;
  it('refuses a signer that is not the issuer key, an issuer without cRLSign and inverted dates', async () => {
    const leaf = pki.endEntities.sealSigner!;
    const common = { thisUpdate: at(1), nextUpdate: at(2), crlNumber: 1, revoked: [] };
    await expect(issueCrl({ ...common, issuer: ca.certificate, signer: generateTestSigner('EC-P256') })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(issueCrl({ ...common, issuer: leaf.certificate, signer: leaf.key.signer })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(issueCrl({ ...common, issuer: ca.certificate, signer: ca.key.signer, nextUpdate: at(0) })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
  it('rejects impossible dates instead of rolling them over', async () => {
    const crl = await ca.ca.issueCrl({ crlNumber: 1, thisUpdate: new Date('2026-11-30T00:00:00Z'), nextUpdate: at(400), revoked: [] });
    const hex = toHex(crl.der).replace(toHex(new TextEncoder().encode('261130000000Z')), toHex(new TextEncoder().encode('261131000000Z')));
    expect(() => parseCrl(Uint8Array.from(Buffer.from(hex, 'hex')))).toThrowError(expect.objectContaining({ code: 'PKI_CRL_MALFORMED' }));
  });
  it('throws PKI_CRL_MALFORMED for bytes that are not a CRL', () => {
    expect(() => parseCrl(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01))).toThrowError(expect.objectContaining({ code: 'PKI_CRL_MALFORMED' }));
    expect(() => parseCrl(pki.root.certificate.der)).toThrowError(expect.objectContaining({ code: 'PKI_CRL_MALFORMED' }));
    expect(() => parseCrl(pki.root.certificate.toPem())).toThrowError(expect.objectContaining({ code: 'PKI_CRL_MALFORMED' }));
  });
});

describe('CrlRevocationSource', async () => {
  const pki = await makeHierarchy('EC-P256');
  const ca = pki.intermediate;
  const inter = ca.certificate;
  const leaf = pki.endEntities.sealSigner!.certificate;
  const other = pki.endEntities.personSigner!.certificate;
  const crl = (thisUpdate: number, nextUpdate: number, revokedAt?: number, reason?: 'keyCompromise' | 'certificateHold') =>
    ca.ca.issueCrl({
      crlNumber: thisUpdate * 10,
      thisUpdate: at(thisUpdate),
      nextUpdate: at(nextUpdate),
      revoked: revokedAt === undefined ? [] : [{ serialNumber: leaf.serialNumber, revokedAt: at(revokedAt), ...(reason ? { reason } : {}) }],
    });

  it('reports revoked, with date and reason, when revoked at or before `at`', async () => {
    const src = new CrlRevocationSource([await crl(10, 17, 5, 'keyCompromise')], provider);
    expect(await src.check(leaf, inter, at(12))).toEqual({ status: 'revoked', source: 'crl', revokedAt: at(5), reason: 'keyCompromise', thisUpdate: at(10) });
    expect(await src.check(leaf, inter, at(5))).toMatchObject({ status: 'revoked' });
  });

  it('reports good at `at` from a later CRL that lists the revocation after `at`, or does not list the certificate', async () => {
    const src = new CrlRevocationSource([await crl(10, 17, 5)], provider);
    expect(await src.check(leaf, inter, at(4))).toEqual({ status: 'good', source: 'crl', checkedAt: at(4), thisUpdate: at(10), nextUpdate: at(17) });
    expect(await src.check(other, inter, at(4))).toMatchObject({ status: 'good', thisUpdate: at(10) });
  });

  it('lets a revocation on a newer CRL win over an older CRL that was current at `at`', async () => {
    const src = new CrlRevocationSource([await crl(1, 30), await crl(10, 17, 5)], provider);
    expect(await src.check(leaf, inter, at(8))).toMatchObject({ status: 'revoked', revokedAt: at(5) });
    expect(await src.check(other, inter, at(8))).toMatchObject({ status: 'good', thisUpdate: at(10) });
  });

  it('reports unknown for a stale CRL, a foreign issuer, a bad signature or an issuer without cRLSign', async () => {
    const stale = new CrlRevocationSource([await crl(1, 3)], provider);
    expect(await stale.check(leaf, inter, at(5))).toMatchObject({ status: 'unknown', source: 'crl', reason: expect.stringContaining('expired') });
    expect(await stale.check(leaf, inter, at(2))).toMatchObject({ status: 'good' });
    const foreign = await pki.root.ca.issueCrl({ crlNumber: 1, thisUpdate: at(1), nextUpdate: at(30), revoked: [] });
    expect(await new CrlRevocationSource([foreign], provider).check(leaf, inter, at(2))).toMatchObject({ status: 'unknown', reason: expect.stringContaining('no CRL') });
    const good = await crl(1, 30);
    const der = good.der.slice();
    der[der.length - 3] = (der[der.length - 3] as number) ^ 0x01;
    expect(await new CrlRevocationSource([Crl.fromDer(der)], provider).check(leaf, inter, at(2))).toMatchObject({ status: 'unknown', reason: 'CRL signature is invalid' });
    const leafAsIssuer = pki.endEntities.sealMaker!.certificate;
    expect(await new CrlRevocationSource([good], provider).check(leaf, leafAsIssuer, at(2))).toMatchObject({ status: 'unknown' });
  });

  it('does not prove good from a CRL issued after the certificate expired (RFC 5280 §3.3)', async () => {
    const src = new CrlRevocationSource([await ca.ca.issueCrl({ crlNumber: 9, thisUpdate: new Date(leaf.notAfter.getTime() + DAY), nextUpdate: new Date(leaf.notAfter.getTime() + 8 * DAY), revoked: [] })], provider);
    expect(await src.check(leaf, inter, at(2))).toMatchObject({ status: 'unknown', reason: expect.stringContaining('expired') });
  });
});

describe('CompositeRevocationSource', async () => {
  const pki = await makeHierarchy('EC-P256');
  const inter = pki.intermediate.certificate;
  const leaf = pki.endEntities.sealSigner!.certificate;
  const fixed = (answer: Awaited<ReturnType<RevocationSource['check']>>): RevocationSource => ({ check: async () => answer });

  it('returns the first definitive answer and combines the reasons otherwise', async () => {
    const good = fixed({ status: 'good', source: 'ocsp', checkedAt: at(1), thisUpdate: at(1) });
    const unknownA = fixed({ status: 'unknown', source: 'ocsp', reason: 'responder down' });
    const unknownB = fixed({ status: 'unknown', source: 'crl', reason: 'no CRL' });
    const thrower: RevocationSource = { check: async () => Promise.reject(new (await import('@openseal/kernel')).CodedError('OCSP_UNAVAILABLE', 'timeout')) };
    expect(await new CompositeRevocationSource([unknownA, thrower, good]).check(leaf, inter, at(1))).toMatchObject({ status: 'good', source: 'ocsp' });
    expect(await new CompositeRevocationSource([unknownA, unknownB]).check(leaf, inter, at(1))).toEqual({ status: 'unknown', source: 'none', reason: 'responder down; no CRL' });
    expect(await new CompositeRevocationSource([]).check(leaf, inter, at(1))).toEqual({ status: 'unknown', source: 'none', reason: 'no revocation source configured' });
    expect(await new CompositeRevocationSource([thrower]).check(leaf, inter, at(1))).toMatchObject({ status: 'unknown', reason: 'OCSP_UNAVAILABLE: timeout' });
  });
});
