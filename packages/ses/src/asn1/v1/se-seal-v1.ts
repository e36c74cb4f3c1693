import { AsnProp } from '@peculiar/asn1-schema';
import { SES_SealInfo_V1 } from './ses-seal-info-v1.js';
import { SES_SignInfo } from './ses-sign-info.js';

/** GM/T 0031-2014 SESeal (v1): SESeal ::= SEQUENCE { esealInfo SES_SealInfo, signInfo SES_SignInfo } */
export class SESeal_V1 {
  @AsnProp({ type: SES_SealInfo_V1 }) esealInfo = new SES_SealInfo_V1();
  @AsnProp({ type: SES_SignInfo }) signInfo = new SES_SignInfo();
}
