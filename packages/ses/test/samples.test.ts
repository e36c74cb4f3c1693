import { AsnConvert } from '@peculiar/asn1-schema';
import { parseDer } from '@openseal/asn1';
import { equalBytes } from '@openseal/kernel';
import { describe, expect, it } from 'vitest';
import { SESeal, SESeal_V1, parseSeal, parseSesSignature, verifySeal } from '../src/index.js';
import { sesSample } from './support/ses-samples.js';
import { provider } from './support/ses-test-pki.js';

describe('third-party seals (MANIFEST.md verdicts)', () => {
  it('reads the ofdrw v1 seal and verifies its maker signature under the v1 rule', async () => {
    const der = sesSample('ofdrw-gm__UserV1.esl');
    const seal = parseSeal(der);
    expect(seal.version).toBe(1);
    expect(seal.header).toEqual({ id: 'ES', version: 1, vid: 'OFDR&WTest' });
    expect(seal.name).toBe('OFDRW测试用印章');
    expect(seal.picture.type).toBe('PNG');
    expect([seal.picture.widthMm, seal.picture.heightMm]).toEqual([40, 40]);
    expect(seal.createDate.encoding).toBe('UTCTime');
    const v = await verifySeal(der, { provider, at: seal.validStart.date });
    expect(v.makerSignedOver).toBe('SEQUENCE{SealInfo,cert,alg}');
    expect(v.valid).toBe(true);
    expect(v.trusted).toBe(false);
    expect(v.indication).toBe('INDETERMINATE');
  });

  it('reads the ofdrw v4 seal, whose maker signed SES_SealInfo alone', async () => {
    const der = sesSample('ofdrw-gm__UserV4.esl');
    const seal = parseSeal(der);
    expect(seal.version).toBe(4);
    expect(seal.type).toBe(3);
    expect(seal.certListType).toBe(1);
    expect(seal.certList.kind).toBe('certificates');
    const v = await verifySeal(der, { provider, at: seal.validStart.date });
    expect(v.makerSignedOver).toBe('SES_SealInfo');
    expect(v.valid).toBe(true);
  });

  it('reads the v5 seal with its [0] time-stamp and verifies the maker signature over SES_SealInfo', async () => {
    const der = sesSample('ofdrw-gm__UserV5_ts.esl');
    const seal = parseSeal(der);
    expect(seal.version).toBe(5);
    expect(seal.header.version).toBe(5);
    expect(seal.timeStamp?.length).toBeGreaterThan(0);
    const v = await verifySeal(der, { provider, at: seal.validStart.date });
    expect(v.makerSignedOver).toBe('SES_SealInfo');
    expect(v.valid).toBe(true);
  });

  it('parses the v5 SES_Signature structure reference', () => {
    const sig = parseSesSignature(sesSample('ofdrw-gm__SignedValueV5.dat'));
    expect(sig.version).toBe(5);
    expect(sig.tbsVersion).toBe(5);
    expect(sig.seal.version).toBe(5);
    expect(sig.dataHash.length).toBe(32);
  });

  it('parses the HebeiGede seal and reports its maker signature invalid under both rules', async () => {
    const der = sesSample('ofdrw-sign__SESealData.DER');
    const seal = parseSeal(der);
    expect(seal.header.vid).toBe('Vid HebeiGede');
    expect(seal.name).toBe('测试单位名称 合同专用章');
    expect(seal.picture.type).toBe('GIF');
    const v = await verifySeal(der, { provider, at: seal.validStart.date });
    expect(v.valid).toBe(false);
    expect(v.checks.find((c) => c.code === 'SEAL_MAKER_SIGNATURE')?.status).toBe('failed');
    expect(v.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });

  it('reports a seal outside its validity window', async () => {
    const der = sesSample('ofdrw-gm__UserV4.esl');
    const seal = parseSeal(der);
    const after = new Date(seal.validEnd.date.getTime() + 1000);
    const v = await verifySeal(der, { provider, at: after });
    expect(v.valid).toBe(false);
    expect(v.subIndication).toBe('EXPIRED');
  });

  it('the standard-named asn1-schema classes read and re-encode the real v1 and v4 seals byte for byte', () => {
    const v4 = sesSample('ofdrw-gm__UserV4.esl');
    const s4 = parseDer(v4, SESeal);
    expect(s4.eSealInfo.header.version).toBe(4);
    expect(equalBytes(new Uint8Array(AsnConvert.serialize(s4)), v4)).toBe(true);
    const v1 = sesSample('ofdrw-gm__UserV1.esl');
    const s1 = parseDer(v1, SESeal_V1);
    expect(s1.esealInfo.property.certList.length).toBeGreaterThan(0);
    expect(equalBytes(new Uint8Array(AsnConvert.serialize(s1)), v1)).toBe(true);
  });

  it('a flipped byte in a real seal picture breaks the maker signature (tamper twin)', async () => {
    const der = sesSample('ofdrw-gm__UserV4.esl').slice();
    const seal = parseSeal(der);
    const at = seal.validStart.date;
    const pos = der.length - 2000; // inside the picture data
    der[pos] = (der[pos] as number) ^ 0x01;
    const v = await verifySeal(der, { provider, at });
    expect(v.valid).toBe(false);
    expect(v.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });
});
