// Verdicts on the third-party samples (../shared/samples/MANIFEST.md) and sealing every sample marked
// "can be sealed". pyHanko's roots are not available: trust is unknown, validity must still hold.
import { describe, expect, it } from 'vitest';
import { SeededRandom, equalBytes } from '@openseal/kernel';
import { signPdf, verifyPdf } from '../src/index.js';
import { byteInsideRange, flipByte } from './support/pdf-edits.js';
import { clock, provider, sample, sealSigner } from './support/pades-test-pki.js';

const verify = (name: string, password?: string) => verifyPdf(sample(name), { provider, clock, ...(password ? { password } : {}) });

describe('verdicts on the pyHanko samples', () => {
  it('minimal-signed-twice-both-created: #1 intact, later change = one added signature (allowed); #2 whole file', async () => {
    const r = await verify('pyHanko__minimal-signed-twice-both-created.pdf');
    expect(r.valid).toBe(true);
    expect(r.trusted).toBe(false);
    const [a, b] = r.signatures;
    expect(a).toMatchObject({ intact: true, valid: true, trusted: false, coversWholeDocument: false, subFilter: 'adbe.pkcs7.detached' });
    const notable = a?.modifications.filter((m) => m.category !== 'metadata') ?? [];
    expect(new Set(notable.map((m) => m.category))).toEqual(new Set(['signature']));
    expect(notable.every((m) => m.allowed)).toBe(true);
    expect(notable.some((m) => m.description.includes('Signature3'))).toBe(true);
    expect(b).toMatchObject({ intact: true, valid: true, coversWholeDocument: true, modifications: [] });
  });

  it('minimal-two-fields-signed-twice: both intact; #1 later change is the second signature into its field', async () => {
    const r = await verify('pyHanko__minimal-two-fields-signed-twice.pdf');
    expect(r.valid).toBe(true);
    const [a, b] = r.signatures;
    expect(a).toMatchObject({ field: 'Sig2', intact: true, valid: true, coversWholeDocument: false });
    expect(a?.modifications.filter((m) => m.category === 'signature').some((m) => m.description.includes('"Sig1" signed'))).toBe(true);
    expect(b).toMatchObject({ field: 'Sig1', intact: true, valid: true, coversWholeDocument: true });
  });

  it('certified-with-indirect-refs-in-dir: intact, certified with P=1, no later changes', async () => {
    const r = await verify('pyHanko__certified-with-indirect-refs-in-dir.pdf');
    expect(r.valid).toBe(true);
    expect(r.certification).toEqual({ field: 'Sig1', permission: 1 });
    expect(r.signatures[0]).toMatchObject({ intact: true, valid: true, trusted: false, certification: { permission: 1 }, modifications: [], coversWholeDocument: true });
  });

  it('pades-lta-dss-indirect-arrs-test: signature and document timestamp intact, level B-LTA', async () => {
    const r = await verify('pyHanko__pades-lta-dss-indirect-arrs-test.pdf');
    expect(r.valid).toBe(true);
    expect(r.signatures[0]).toMatchObject({ intact: true, valid: true, level: 'B-LTA', subFilter: 'ETSI.CAdES.detached' });
    expect(r.signatures[0]?.timestamp?.verified).toBe(true);
    expect(r.documentTimestamps[0]).toMatchObject({ intact: true, valid: true, subFilter: 'ETSI.RFC3161' });
    expect(r.dss).toMatchObject({ certificates: 5, ocspResponses: 1, crls: 1, vri: 1 });
  });

  it('pades-with-old-style-signing-cert-attr: intact (ESS signing-certificate v1 accepted)', async () => {
    const r = await verify('pyHanko__pades-with-old-style-signing-cert-attr.pdf');
    expect(r.valid).toBe(true);
    expect(r.signatures[0]).toMatchObject({ intact: true, valid: true, level: 'B-B' });
  });

  it('coverage-anomalies_weird-byterange: flagged, not valid', async () => {
    const r = await verify('pyHanko__coverage-anomalies_weird-byterange.pdf');
    expect(r.valid).toBe(false);
    const s = r.signatures[0];
    expect(s?.valid).toBe(false);
    expect(s?.coversWholeDocument).toBe(false);
    expect(s?.coverage.level).toBe('UNCLEAR');
    expect(s?.coverage.anomalies).toEqual(expect.arrayContaining(['GAP_NOT_CONTENTS', 'NOT_REVISION_END']));
    expect(s?.errors).toContain('PADES_BYTE_RANGE_INVALID');
  });

  it.each(['pyHanko__minimal-aes256.pdf', 'pyHanko__minimal-rc4.pdf'])('%s: a clear error without the password', async (name) => {
    const r = await verify(name);
    expect(r.valid).toBe(false);
    expect(r.encrypted).toBe(true);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'PDF_PASSWORD_REQUIRED' })]);
    const wrong = await verify(name, 'nope');
    expect(wrong.errors[0]?.code).toBe('PDF_PASSWORD_INCORRECT');
  });

  it.each(['pyHanko__minimal.pdf', 'pyHanko__ja-vert-stamps.pdf', 'pyHanko__CompactedPDFSyntaxTest.pdf', 'ofdrw__Test.pdf', 'derived__xbrl-objstm-xrefstream.pdf'])(
    '%s (unsigned): read, no signatures, no exception',
    async (name) => {
      const r = await verify(name);
      expect(r.valid).toBe(false);
      expect(r.signatures).toEqual([]);
      expect(r.errors.map((e) => e.code)).toEqual(['PADES_NO_SIGNATURES']);
    },
  );
});

const SEALABLE: readonly [string, string?][] = [
  ['pyHanko__minimal.pdf'],
  ['pyHanko__minimal-hybrid-xref.pdf'],
  ['pyHanko__uncompressed-objstream-sample.pdf'],
  ['pyHanko__minimal-with-simple-form.pdf'],
  ['derived__xbrl-objstm-xrefstream.pdf'],
  ['ofdrw__Test.pdf'],
  ['pyHanko__ja-vert-stamps.pdf'],
  ['pyHanko__minimal-aes256.pdf', 'usersecret'],
  ['pyHanko__minimal-rc4.pdf', 'usersecret'],
  ['pyHanko__minimal-signed-twice-both-created.pdf'],
  ['pyHanko__minimal-two-fields-signed-twice.pdf'],
  ['pyHanko__pades-lta-dss-indirect-arrs-test.pdf'],
];

describe('sealing the samples', () => {
  it.each(SEALABLE)('%s: signed as an increment, new signature valid, earlier ones unchanged', async (name, password) => {
    const input = sample(name);
    const s = await sealSigner('EC-P256');
    const before = await verifyPdf(input, { provider, clock, ...(password ? { password } : {}) });
    const signed = await signPdf(input, { signerCertificate: s.certificate, chain: s.chain, ...(password ? { password } : {}) }, { signer: s.signer, provider, clock, random: new SeededRandom(5) });
    expect(equalBytes(signed.subarray(0, input.length), input)).toBe(true);
    const after = await verifyPdf(signed, { provider, clock, trustAnchors: s.pki.trustAnchors, ...(password ? { password } : {}) });
    const mine = after.signatures[after.signatures.length - 1];
    expect(mine).toMatchObject({ valid: true, trusted: true, coversWholeDocument: true });
    // each earlier signature keeps its verdict; the new signature is an allowed later change
    for (const old of before.signatures) {
      const now = after.signatures.find((x) => x.index === old.index);
      expect(now?.intact).toBe(old.intact);
      expect(now?.valid).toBe(old.valid);
    }
    expect(after.valid).toBe(true);
    const tampered = await verifyPdf(flipByte(signed, byteInsideRange(signed)), { provider, clock, ...(password ? { password } : {}) });
    expect(tampered.valid).toBe(false);
  });

  it('pyHanko certified P=1 sample: sealing is refused', async () => {
    const s = await sealSigner('RSA');
    await expect(
      signPdf(sample('pyHanko__certified-with-indirect-refs-in-dir.pdf'), { signerCertificate: s.certificate }, { signer: s.signer, provider, clock, random: new SeededRandom(5) }),
    ).rejects.toMatchObject({ code: 'PADES_DOCMDP_FORBIDS' });
  });
});
