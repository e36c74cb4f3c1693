import { AsnProp, AsnPropTypes, OctetString } from '@peculiar/asn1-schema';

/**
 * GB/T 38540 / GM/T 0031 SES_ESPictrueInfo (印章图像, "Pictrue" sic in the standard); width and height in mm.
 * SES_ESPictrueInfo ::= SEQUENCE { type IA5String, data OCTET STRING, width INTEGER, height INTEGER }
 */
export class SES_ESPictrueInfo {
  @AsnProp({ type: AsnPropTypes.IA5String }) type = 'PNG';
  @AsnProp({ type: OctetString }) data = new OctetString();
  @AsnProp({ type: AsnPropTypes.Integer }) width = 0;
  @AsnProp({ type: AsnPropTypes.Integer }) height = 0;

  constructor(params: Partial<SES_ESPictrueInfo> = {}) {
    Object.assign(this, params);
  }
}
