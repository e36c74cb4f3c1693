import { AsnProp, AsnPropTypes, OctetString } from '@peculiar/asn1-schema';
import { TBS_Sign } from './tbs-sign.js';

/**
 * GB/T 38540-2020 SES_Signature (电子签章数据, v4); field names as in the standard.
 * SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING -- signer certificate,
 *   signatureAlgID OBJECT IDENTIFIER, signature BIT STRING -- SM2: DER SEQUENCE{r,s} (GB/T 35276),
 *   timeStamp [0] EXPLICIT BIT STRING OPTIONAL -- RFC 3161 token over the signature value }
 */
export class SES_Signature {
  @AsnProp({ type: TBS_Sign }) toSign = new TBS_Sign();
  @AsnProp({ type: OctetString }) cert = new OctetString();
  @AsnProp({ type: AsnPropTypes.ObjectIdentifier }) signatureAlgID = '';
  @AsnProp({ type: AsnPropTypes.BitString }) signature = new ArrayBuffer(0);
  @AsnProp({ type: AsnPropTypes.BitString, context: 0, implicit: false, optional: true }) timeStamp?: ArrayBuffer;

  constructor(params: Partial<SES_Signature> = {}) {
    Object.assign(this, params);
  }
}
