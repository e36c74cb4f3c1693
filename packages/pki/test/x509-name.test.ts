import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from '@openseal/kernel';
import { DistinguishedName, parseDnString, toDistinguishedName } from '../src/x509/index.js';
import { derOid, derSequence, derSetOf, derTlv } from '../src/x509/der-writer.js';

function rawName(...atvs: Array<[string, number, Uint8Array]>): Uint8Array {
  return derSequence(...atvs.map(([oid, tag, bytes]) => derSetOf([derSequence(derOid(oid), derTlv(tag, bytes))])));
}

describe('DistinguishedName', () => {
  it('accepts RDN lists, RFC 4514 strings and OpenSSL slash strings with the same result', () => {
    const fromList = toDistinguishedName([{ C: 'CN' }, { O: '某某市人民政府' }, { CN: '张三' }]);
    const fromRfc = toDistinguishedName('CN=张三, O=某某市人民政府, C=CN');
    const fromSlash = toDistinguishedName('/C=CN/O=某某市人民政府/CN=张三');
    expect(toHex(fromRfc.der)).toBe(toHex(fromList.der));
    expect(toHex(fromSlash.der)).toBe(toHex(fromList.der));
    expect(fromList.toString()).toBe('CN=张三,O=某某市人民政府,C=CN');
    expect(DistinguishedName.fromDer(fromList.der).rdns).toEqual(fromList.rdns);
  });

  it('encodes C and serialNumber as PrintableString, emailAddress as IA5String, the rest as UTF8String', () => {
    const dn = toDistinguishedName([{ C: 'CN' }, { serialNumber: '91330100MA27XL0X7K' }, { emailAddress: 'a@b.cn' }, { O: 'Org' }]);
    const hex = toHex(dn.der);
    expect(hex).toContain(`550406130243 4e`.replace(' ', ''));
    expect(hex).toContain(`5504051312${toHex(utf8('91330100MA27XL0X7K'))}`);
    expect(hex).toContain(`2a864886f70d010901160661`);
    expect(hex).toContain(`55040a0c03${toHex(utf8('Org'))}`);
  });

  it('handles RFC 4514 escapes, quotes and multi-valued RDNs', () => {
    const parsed = parseDnString('CN=Smith\\, John+UID=jsmith,O="Acme, Inc.",OU=R\\26D,C=CN');
    expect(parsed).toEqual([[['C', 'CN']], [['OU', 'R&D']], [['O', 'Acme, Inc.']], [['CN', 'Smith, John'], ['UID', 'jsmith']]]);
    const dn = toDistinguishedName('CN=Smith\\, John+UID=jsmith,O=Acme');
    expect(dn.rdns[1]).toHaveLength(2);
    expect(dn.toString()).toBe('CN=Smith\\, John+UID=jsmith,O=Acme');
    expect(toDistinguishedName(dn.toString()).equals(dn)).toBe(true);
    expect(toDistinguishedName('CN=\\ lead and trail\\ ').get('CN')).toBe(' lead and trail ');
    expect(toDistinguishedName('CN=\\#hash').get('CN')).toBe('#hash');
    expect(toDistinguishedName([{ CN: ' x ' }]).toString()).toBe('CN=\\ x\\ ');
  });

  it('sorts the members of a multi-valued RDN (DER SET OF)', () => {
    const a = toDistinguishedName([{ UID: 'z', CN: 'a' }]);
    const b = toDistinguishedName([{ CN: 'a', UID: 'z' }]);
    expect(toHex(a.der)).toBe(toHex(b.der));
  });

  it('rejects bad names with PKI_NAME_INVALID', () => {
    for (const bad of ['CN', 'XX=1', 'C=China', 'CN="open', 'CN=#0403']) {
      expect(() => toDistinguishedName(bad), bad).toThrowError(expect.objectContaining({ code: 'PKI_NAME_INVALID' }));
    }
    expect(() => toDistinguishedName([{ serialNumber: '编号' }])).toThrowError(expect.objectContaining({ code: 'PKI_NAME_INVALID' }));
  });

  it('decodes BMPString, UniversalString, TeletexString and non-string values', () => {
    const bmp = Uint8Array.from([0x67, 0xd0, 0x67, 0xd0, 0x5e, 0x02]); // 某某市 in UTF-16BE
    const universal = Uint8Array.from([0, 0, 0x4e, 0x2d, 0, 0, 0x56, 0xfd]); // 中国
    const der = rawName(
      ['2.5.4.10', 0x1e, bmp],
      ['2.5.4.11', 0x1c, universal],
      ['2.5.4.7', 0x14, Uint8Array.from([0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e])], // Latin-1 "München"
      ['2.5.4.3', 0x14, utf8('杭州')], // UTF-8 bytes mislabelled as T.61, as some issuers do
      ['1.2.3.4', 0x02, Uint8Array.of(5)],
    );
    const dn = DistinguishedName.fromDer(der);
    expect(dn.get('O')).toBe('某某市');
    expect(dn.get('OU')).toBe('中国');
    expect(dn.get('L')).toBe('München');
    expect(dn.get('CN')).toBe('杭州');
    expect(dn.get('1.2.3.4')).toBe('#020105');
    expect(dn.attributes.map((a) => a.stringType)).toEqual(['BMPString', 'UniversalString', 'TeletexString', 'TeletexString', undefined]);
    expect(dn.toString()).toBe('1.2.3.4=#020105,CN=杭州,L=München,OU=中国,O=某某市');
  });

  it('matches names case-insensitively and across string types (RFC 5280 §7.1)', () => {
    const printable = DistinguishedName.fromDer(rawName(['2.5.4.6', 0x13, utf8('CN')], ['2.5.4.3', 0x13, utf8('Test  CA')]));
    const utf = DistinguishedName.fromDer(rawName(['2.5.4.6', 0x13, utf8('CN')], ['2.5.4.3', 0x0c, utf8('test ca')]));
    const other = DistinguishedName.fromDer(rawName(['2.5.4.6', 0x13, utf8('CN')], ['2.5.4.3', 0x0c, utf8('test cb')]));
    const reordered = DistinguishedName.fromDer(rawName(['2.5.4.3', 0x0c, utf8('test ca')], ['2.5.4.6', 0x13, utf8('CN')]));
    expect(printable.equals(utf)).toBe(true);
    expect(printable.equals(other)).toBe(false);
    expect(printable.equals(reordered)).toBe(false);
  });

  it('rejects DER that is not a Name', () => {
    expect(() => DistinguishedName.fromDer(derSequence(derTlv(0x02, Uint8Array.of(1))))).toThrowError(
      expect.objectContaining({ code: 'ASN1_UNEXPECTED_STRUCTURE' }),
    );
  });
});
