import { AsnProp, AsnPropTypes } from '@peculiar/asn1-schema';

/**
 * GB/T 38540-2020 / GM/T 0031-2014 SES_Header (印章头).
 * SES_Header ::= SEQUENCE { ID IA5String -- "ES", version INTEGER, Vid IA5String -- vendor }
 */
export class SES_Header {
  @AsnProp({ type: AsnPropTypes.IA5String }) ID = 'ES';
  @AsnProp({ type: AsnPropTypes.Integer }) version = 4;
  @AsnProp({ type: AsnPropTypes.IA5String }) Vid = '';

  constructor(params: Partial<SES_Header> = {}) {
    Object.assign(this, params);
  }
}
