import { AsnProp, AsnPropTypes } from '@peculiar/asn1-schema';
import { ExtensionDatas } from '../ext-data.js';
import { SES_ESPictrueInfo } from '../ses-es-pictrue-info.js';
import { SES_Header } from '../ses-header.js';
import { SES_ESPropertyInfo_V1 } from './ses-es-property-info-v1.js';

/**
 * GM/T 0031-2014 SES_SealInfo (v1).
 * SES_SealInfo ::= SEQUENCE { header SES_Header, esID IA5String, property SES_ESPropertyInfo,
 *   picture SES_ESPictrueInfo, extDatas ExtensionDatas OPTIONAL }
 */
export class SES_SealInfo_V1 {
  @AsnProp({ type: SES_Header }) header = new SES_Header({ version: 1 });
  @AsnProp({ type: AsnPropTypes.IA5String }) esID = '';
  @AsnProp({ type: SES_ESPropertyInfo_V1 }) property = new SES_ESPropertyInfo_V1();
  @AsnProp({ type: SES_ESPictrueInfo }) picture = new SES_ESPictrueInfo();
  @AsnProp({ type: ExtensionDatas, optional: true }) extDatas?: ExtensionDatas;
}
