import { AsnConvert } from '@peculiar/asn1-schema';
import { parseDer } from '@openseal/asn1';
import type { SoftwareSigner } from '@openseal/crypto/node';
import { equalBytes, FixedClock } from '@openseal/kernel';
import { describe, expect, it } from 'vitest';
import { SESeal, SealInputError, makeSeal, parseSeal, verifySeal, type MakeSealInput } from '../src/index.js';
import { T1, clock, entity, provider, redPng } from './support/ses-test-pki.js';

async function input(overrides: Partial<MakeSealInput> = {}): Promise<MakeSealInput> {
  const signer = await entity('sealSigner');
  return {
    esID: '11010800000001',
    vid: 'OpenSeal',
    type: 1,
    name: '某某市人民政府办公室',
    certList: [signer.certificate],
    validStart: T1,
    validEnd: new Date('2027-01-01T00:00:00Z'),
    picture: { type: 'PNG', data: redPng(), widthMm: 42, heightMm: 42 },
    ...overrides,
  };
}

async function makerDeps() {
  const maker = await entity('sealMaker');
  return { signer: maker.signer, makerCertificate: maker.certificate, provider, clock, pki: maker.pki };
}

describe('makeSeal (GB/T 38540 v4)', () => {
  it('makes a v4 seal whose maker signature covers SES_SealInfo alone and verifies with a trusted maker path', async () => {
    const deps = await makerDeps();
    const der = await makeSeal(await input(), deps);
    const seal = parseSeal(der);
    expect(seal.version).toBe(4);
    expect(seal.header).toEqual({ id: 'ES', version: 4, vid: 'OpenSeal' });
    expect(seal.name).toBe('某某市人民政府办公室');
    expect(seal.createDate.date).toEqual(T1);
    expect(seal.createDate.encoding).toBe('GeneralizedTime');
    expect(seal.maker.signatureAlgorithmOid).toBe('1.2.156.10197.1.501');
    const v = await verifySeal(der, { provider, at: T1, trustAnchors: deps.pki.trustAnchors, intermediates: deps.pki.intermediates });
    expect(v.makerSignedOver).toBe('SES_SealInfo');
    expect(v.valid).toBe(true);
    expect(v.trusted).toBe(true);
    expect(v.indication).toBe('TOTAL_PASSED');
    // The maker signature is over the stored SES_SealInfo with the standard SM2 ID.
    expect(await provider.verify({ name: 'SM2', hash: 'SM3' }, deps.makerCertificate.publicKey, seal.sealInfoDer, seal.maker.signature)).toBe(true);
  });

  it('is DER that the standard-named classes read and re-encode identically', async () => {
    const der = await makeSeal(await input({ extDatas: [{ extnId: '1.2.3.4', critical: false, value: new Uint8Array([1]) }] }), await makerDeps());
    const s = parseDer(der, SESeal);
    expect(s.eSealInfo.extDatas?.length).toBe(1);
    expect(equalBytes(new Uint8Array(AsnConvert.serialize(s)), der)).toBe(true);
    // critical DEFAULT FALSE is omitted in DER (X.690 §11.5)
    expect(parseSeal(der).extDatas).toEqual([{ extnId: '1.2.3.4', critical: false, value: new Uint8Array([1]) }]);
  });

  it('a flipped byte anywhere in SES_SealInfo makes the maker signature fail (tamper twin)', async () => {
    const der = await makeSeal(await input(), await makerDeps());
    const seal = parseSeal(der);
    const offset = der.indexOf(0x89); // the PNG signature inside the picture
    const tampered = der.slice();
    tampered[offset + 20] = (tampered[offset + 20] as number) ^ 0x01;
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(seal.sealInfoDer.length);
    const v = await verifySeal(tampered, { provider, at: T1 });
    expect(v.valid).toBe(false);
    expect(v.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });

  it('writes certificate digests for certListType 2', async () => {
    const signer = await entity('sealSigner');
    const der = await makeSeal(await input({ certListType: 2 }), await makerDeps());
    const seal = parseSeal(der);
    expect(seal.certList.kind).toBe('digests');
    if (seal.certList.kind === 'digests') expect(seal.certList.digests[0]?.value).toEqual(provider.digest('SM3', signer.certificate.der));
  });

  it('makes RSA seals with sha256WithRSAEncryption', async () => {
    const maker = await entity('sealMaker', 'RSA');
    const signer = await entity('sealSigner', 'RSA');
    const der = await makeSeal(await input({ certList: [signer.certificate] }), { signer: maker.signer, makerCertificate: maker.certificate, provider, clock });
    const seal = parseSeal(der);
    expect(seal.maker.signatureAlgorithmOid).toBe('1.2.840.113549.1.1.11');
    expect((await verifySeal(der, { provider, at: T1 })).valid).toBe(true);
  });

  it('refuses bad input with SEAL_INVALID_INPUT and signs nothing', async () => {
    const deps = await makerDeps();
    await expect(makeSeal(await input({ certList: [] }), deps)).rejects.toBeInstanceOf(SealInputError);
    await expect(makeSeal(await input({ picture: { type: 'GIF', data: redPng(), widthMm: 40, heightMm: 40 } }), deps)).rejects.toThrow(/not GIF/);
    await expect(makeSeal(await input({ picture: { type: 'PNG', data: redPng(), widthMm: 40.5, heightMm: 40 } }), deps)).rejects.toThrow(/whole number/);
    await expect(makeSeal(await input({ validEnd: T1 }), deps)).rejects.toThrow(/validStart/);
    await expect(makeSeal(await input({ esID: '印章' }), deps)).rejects.toThrow(/IA5String/);
    const other = await entity('sealSigner');
    await expect(makeSeal(await input(), { ...deps, signer: other.signer })).rejects.toThrow(/does not match/);
    await expect(makeSeal(await input(), { ...deps, clock: new FixedClock('2040-01-01T00:00:00Z') })).rejects.toThrow(/not valid at the creation date/);
  });

  it('refuses a signer that returns a wrong signature (fail closed)', async () => {
    const deps = await makerDeps();
    const liar: SoftwareSigner = Object.create(deps.signer) as SoftwareSigner;
    Object.defineProperty(liar, 'sign', { value: async (d: Uint8Array) => deps.signer.sign(new Uint8Array([...d, 0])) });
    await expect(makeSeal(await input(), { ...deps, signer: liar })).rejects.toMatchObject({ code: 'SEAL_SIGNING_FAILED' });
  });
});
