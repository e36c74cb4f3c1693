import { AsnProp, AsnPropTypes, OctetString } from '@peculiar/asn1-schema';

/**
 * GM/T 0031-2014 SES_ESPropertyInfo (v1): certificates directly, dates as UTCTime.
 * SES_ESPropertyInfo ::= SEQUENCE { type INTEGER, name UTF8String, certList SEQUENCE OF cert,
 *   createDate UTCTime, validStart UTCTime, validEnd UTCTime }  -- cert: OCTET STRING with a DER certificate
 */
export class SES_ESPropertyInfo_V1 {
  @AsnProp({ type: AsnPropTypes.Integer }) type = 1;
  @AsnProp({ type: AsnPropTypes.Utf8String }) name = '';
  @AsnProp({ type: OctetString, repeated: 'sequence' }) certList: OctetString[] = [];
  @AsnProp({ type: AsnPropTypes.UTCTime }) createDate = new Date(0);
  @AsnProp({ type: AsnPropTypes.UTCTime }) validStart = new Date(0);
  @AsnProp({ type: AsnPropTypes.UTCTime }) validEnd = new Date(0);
}
