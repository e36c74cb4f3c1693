import { AsnProp, AsnPropTypes, OctetString } from '@peculiar/asn1-schema';
import { SES_SealInfo } from './ses-seal-info.js';

/**
 * GB/T 38540-2020 SESeal (电子印章, v4); GM/T 0031-2025 (v5) adds the optional time-stamp.
 * SESeal ::= SEQUENCE { eSealInfo SES_SealInfo, cert OCTET STRING -- maker certificate,
 *   signAlgID OBJECT IDENTIFIER, signedValue BIT STRING, timeStamp [0] EXPLICIT BIT STRING OPTIONAL -- v5 }
 */
export class SESeal {
  @AsnProp({ type: SES_SealInfo }) eSealInfo = new SES_SealInfo();
  @AsnProp({ type: OctetString }) cert = new OctetString();
  @AsnProp({ type: AsnPropTypes.ObjectIdentifier }) signAlgID = '';
  @AsnProp({ type: AsnPropTypes.BitString }) signedValue = new ArrayBuffer(0);
  @AsnProp({ type: AsnPropTypes.BitString, context: 0, implicit: false, optional: true }) timeStamp?: ArrayBuffer;

  constructor(params: Partial<SESeal> = {}) {
    Object.assign(this, params);
  }
}

/** The same structure under the name some texts use. */
export { SESeal as SES_Seal };
