import { describe, expect, it } from 'vitest';
import { SeededRandom } from '@openseal/kernel';
import type { KeyType } from '@openseal/crypto';
import { signPdf, verifyPdf, type MdpPermission, type PdfVerificationReport } from '../src/index.js';
import { addTextAnnotation, fillTextField, replacePageContent, touchInfo } from './support/pdf-edits.js';
import { clock, provider, sample, sealSigner, testPki } from './support/pades-test-pki.js';

const random = new SeededRandom(7);

async function sign(keyType: KeyType, input: Uint8Array, extra: Record<string, unknown> = {}): Promise<Uint8Array> {
  const s = await sealSigner(keyType);
  return signPdf(input, { signerCertificate: s.certificate, chain: s.chain, ...extra }, { signer: s.signer, provider, clock, random });
}

async function verify(bytes: Uint8Array): Promise<PdfVerificationReport> {
  const anchors = (await Promise.all((['RSA', 'EC-P256', 'SM2'] as const).map(testPki))).flatMap((p) => p.trustAnchors);
  return verifyPdf(bytes, { provider, clock, trustAnchors: anchors });
}

describe('stacked signatures', () => {
  it('three signatures one after another all stay valid; each later change is an allowed signature', async () => {
    let pdf = sample('pyHanko__minimal.pdf');
    for (const kt of ['RSA', 'EC-P256', 'SM2'] as const) pdf = await sign(kt, pdf);
    const r = await verify(pdf);
    expect(r.valid).toBe(true);
    expect(r.trusted).toBe(true);
    expect(r.signatures.map((s) => s.field)).toEqual(['Signature1', 'Signature2', 'Signature3']);
    expect(r.signatures.map((s) => s.coversWholeDocument)).toEqual([false, false, true]);
    expect(r.signatures.map((s) => s.coverage.level)).toEqual(['ENTIRE_REVISION', 'ENTIRE_REVISION', 'ENTIRE_FILE']);
    const first = r.signatures[0];
    expect(first?.modifications.length).toBeGreaterThan(0);
    expect(first?.modifications.every((m) => m.allowed)).toBe(true);
    expect(new Set(first?.modifications.map((m) => m.category))).toEqual(new Set(['signature']));
  });

  it('a page content change after signing is forbidden, and reported as such', async () => {
    const signed = await sign('RSA', sample('pyHanko__minimal.pdf'));
    const r = await verify(replacePageContent(signed));
    expect(r.valid).toBe(false);
    const s = r.signatures[0];
    expect(s?.intact).toBe(true); // the signed revision itself is untouched
    expect(s?.valid).toBe(false);
    expect(s?.errors).toContain('PADES_FORBIDDEN_MODIFICATION');
    expect(s?.modifications.filter((m) => !m.allowed).map((m) => m.category)).toContain('page-content');
  });

  it('annotations and metadata after an approval signature are allowed', async () => {
    const signed = await sign('RSA', sample('pyHanko__minimal.pdf'));
    const r = await verify(touchInfo(addTextAnnotation(signed)));
    expect(r.valid).toBe(true);
    expect(r.signatures[0]?.modifications.map((m) => m.category)).toEqual(expect.arrayContaining(['annotation', 'metadata']));
  });

  it('a form fill after signing is allowed (form kept, field value changed)', async () => {
    const signed = await sign('RSA', sample('pyHanko__minimal-with-simple-form.pdf'), { existingField: 'Sig1' });
    const r = await verify(fillTextField(signed, 'TextField1', 'filled later'));
    expect(r.valid).toBe(true);
    expect(r.signatures[0]?.modifications).toEqual([expect.objectContaining({ category: 'form-fill', field: 'TextField1', allowed: true })]);
  });
});

describe('certification (DocMDP)', () => {
  it('P=1: a second signature is refused with PADES_DOCMDP_FORBIDS', async () => {
    const certified = await sign('RSA', sample('pyHanko__minimal.pdf'), { certify: { P: 1 } });
    const r = await verify(certified);
    expect(r.certification).toEqual({ field: 'Signature1', permission: 1 });
    expect(r.signatures[0]?.certification).toEqual({ permission: 1 });
    expect(r.valid).toBe(true);
    await expect(sign('EC-P256', certified)).rejects.toMatchObject({ code: 'PADES_DOCMDP_FORBIDS', details: { permission: 1 } });
  });

  it('P=1: an appended annotation or form fill invalidates the certification', async () => {
    const certified = await sign('RSA', sample('pyHanko__minimal.pdf'), { certify: { P: 1 } });
    const r = await verify(addTextAnnotation(certified));
    expect(r.valid).toBe(false);
    expect(r.signatures[0]?.errors).toContain('PADES_FORBIDDEN_MODIFICATION');
  });

  it.each<[MdpPermission, boolean]>([
    [2, false],
    [3, true],
  ])('P=%i: signing is allowed; an annotation is allowed = %s', async (P, annotationAllowed) => {
    const certified = await sign('RSA', sample('pyHanko__minimal.pdf'), { certify: { P } });
    const twice = await sign('SM2', certified);
    const r = await verify(twice);
    expect(r.valid).toBe(true);
    expect(r.signatures).toHaveLength(2);
    const annotated = await verify(addTextAnnotation(twice));
    expect(annotated.signatures[0]?.valid).toBe(annotationAllowed);
    expect(annotated.signatures[1]?.valid).toBe(annotationAllowed);
  });

  it('certification must be the first signature', async () => {
    const once = await sign('RSA', sample('pyHanko__minimal.pdf'));
    await expect(sign('RSA', once, { certify: { P: 2 } })).rejects.toMatchObject({ code: 'PADES_CERTIFY_NOT_FIRST' });
  });
});

describe('field locks (FieldMDP)', () => {
  it('a signature locking a field refuses a later signature into it, and flags a later fill of it', async () => {
    const input = sample('pyHanko__minimal-with-simple-form.pdf');
    const locked = await sign('RSA', input, { fieldName: 'Approver', lock: { action: 'Include', fields: ['Sig1', 'TextField1'] } });
    const r = await verify(locked);
    expect(r.signatures[0]?.locks).toEqual([{ action: 'Include', fields: ['Sig1', 'TextField1'] }]);
    await expect(sign('EC-P256', locked, { existingField: 'Sig1' })).rejects.toMatchObject({ code: 'PADES_FIELD_LOCKED' });
    const filled = await verify(fillTextField(locked, 'TextField1', 'changed'));
    expect(filled.signatures[0]?.valid).toBe(false);
    expect(filled.signatures[0]?.modifications[0]).toMatchObject({ category: 'form-fill', field: 'TextField1', allowed: false });
  });

  it('fields outside the lock can still be signed', async () => {
    const input = sample('pyHanko__minimal-with-simple-form.pdf');
    const locked = await sign('RSA', input, { fieldName: 'Approver', lock: { action: 'Exclude', fields: ['Sig1'] } });
    const twice = await sign('EC-P256', locked, { existingField: 'Sig1' });
    const r = await verify(twice);
    expect(r.valid).toBe(true);
  });

  it('a SigFieldLock with /P 1 forbids any later signature once the field is signed', async () => {
    const input = sample('pyHanko__minimal.pdf');
    const locked = await sign('RSA', input, { lock: { action: 'All', permission: 1 } });
    await expect(sign('EC-P256', locked)).rejects.toMatchObject({ code: 'PADES_DOCMDP_FORBIDS' });
  });
});
