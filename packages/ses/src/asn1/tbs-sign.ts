import { AsnProp, AsnPropTypes } from '@peculiar/asn1-schema';
import { ExtensionDatas } from './ext-data.js';
import { SESeal } from './se-seal.js';

/**
 * GB/T 38540-2020 TBS_Sign (待电子签章数据, v4): the signer signs its DER.
 * TBS_Sign ::= SEQUENCE { version INTEGER, eseal SESeal, timeInfo GeneralizedTime, dataHash BIT STRING,
 *   propertyInfo IA5String, extDatas [0] EXPLICIT ExtensionDatas OPTIONAL }
 */
export class TBS_Sign {
  @AsnProp({ type: AsnPropTypes.Integer }) version = 4;
  @AsnProp({ type: SESeal }) eseal = new SESeal();
  @AsnProp({ type: AsnPropTypes.GeneralizedTime }) timeInfo = new Date(0);
  @AsnProp({ type: AsnPropTypes.BitString }) dataHash = new ArrayBuffer(0);
  @AsnProp({ type: AsnPropTypes.IA5String }) propertyInfo = '';
  @AsnProp({ type: ExtensionDatas, context: 0, implicit: false, optional: true }) extDatas?: ExtensionDatas;

  constructor(params: Partial<TBS_Sign> = {}) {
    Object.assign(this, params);
  }
}
