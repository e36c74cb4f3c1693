import { AsnProp, AsnPropTypes } from '@peculiar/asn1-schema';

/**
 * GB/T 38540-2020 SES_ESPropertyInfo (印章属性, v4).
 * SES_ESPropertyInfo ::= SEQUENCE { type INTEGER, name UTF8String, certListType INTEGER,
 *   certList SES_CertList, createDate GeneralizedTime, validStart GeneralizedTime, validEnd GeneralizedTime }
 * SES_CertList ::= CHOICE { certs CertInfoList, certDigestList CertDigestList } -- untagged, chosen by
 * certListType (1 = certificates, 2 = digests); both alternatives are SEQUENCEs, so it is carried as ANY.
 */
export class SES_ESPropertyInfo {
  @AsnProp({ type: AsnPropTypes.Integer }) type = 1;
  @AsnProp({ type: AsnPropTypes.Utf8String }) name = '';
  @AsnProp({ type: AsnPropTypes.Integer }) certListType = 1;
  @AsnProp({ type: AsnPropTypes.Any }) certList = new ArrayBuffer(0);
  @AsnProp({ type: AsnPropTypes.GeneralizedTime }) createDate = new Date(0);
  @AsnProp({ type: AsnPropTypes.GeneralizedTime }) validStart = new Date(0);
  @AsnProp({ type: AsnPropTypes.GeneralizedTime }) validEnd = new Date(0);

  constructor(params: Partial<SES_ESPropertyInfo> = {}) {
    Object.assign(this, params);
  }
}
