import { it, expect } from 'vitest';
import { AsnConvert } from "@peculiar/asn1-schema";
import { RawSD } from "../src/cms/zz-exp.js";
import { TSTInfo } from '@peculiar/asn1-tsp';
import * as tsp from '@peculiar/asn1-tsp';
import { ResponseData } from '@peculiar/asn1-ocsp';
import * as ocsp from '@peculiar/asn1-ocsp';

it('x', () => {
  const der = Uint8Array.from([0x30, 0x12, 0x02,0x01,0x01, 0xa0,0x06, 0x04,0x01,0x00, 0x04,0x01,0x01, 0xa1, 0x02, 0x04, 0x00, 0x31,0x02,0x30,0x00]);
  der[1] = der.length - 2;
  const p = AsnConvert.parse(der, RawSD);
  console.log(p.certificates?.map(b=>Buffer.from(b).toString('hex')), p.crls?.map(b=>Buffer.from(b).toString('hex')), p.signerInfos.map(b=>Buffer.from(b).toString('hex')));
  console.log(Buffer.from(AsnConvert.serialize(p)).toString('hex'), Buffer.from(der).toString('hex'));
  const t = new TSTInfo({ policy: '1.2.3', messageImprint: new tsp.MessageImprint(), serialNumber: new Uint8Array([1]).buffer, genTime: new Date(Date.UTC(2024,0,1,12,0,0,250)), nonce: new Uint8Array([5]).buffer, accuracy: new tsp.Accuracy({seconds: 1, millis: 500}) });
  const tder = AsnConvert.serialize(t);
  console.log(Buffer.from(tder).toString('hex'));
  console.log(AsnConvert.parse(tder, TSTInfo));
  const rd = new ResponseData({ responderID: new ocsp.ResponderID({ byKey: new ocsp.KeyHash(new Uint8Array(20)) }), producedAt: new Date(Date.UTC(2024,0,1)), responses: [] });
  const rder = AsnConvert.serialize(rd);
  console.log(Buffer.from(rder).toString('hex'));
  console.log(AsnConvert.parse(rder, ResponseData));
});
