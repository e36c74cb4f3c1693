import { AsnProp, AsnPropTypes } from '@peculiar/asn1-schema';
import { TBS_Sign_V1 } from './tbs-sign-v1.js';

/** GM/T 0031-2014 SES_Signature (v1): SES_Signature ::= SEQUENCE { toSign TBS_Sign, signature BIT STRING } */
export class SES_Signature_V1 {
  @AsnProp({ type: TBS_Sign_V1 }) toSign = new TBS_Sign_V1();
  @AsnProp({ type: AsnPropTypes.BitString }) signature = new ArrayBuffer(0);
}
