import { AsnProp, AsnPropTypes } from '@peculiar/asn1-schema';
import { ExtensionDatas } from './ext-data.js';
import { SES_ESPictrueInfo } from './ses-es-pictrue-info.js';
import { SES_ESPropertyInfo } from './ses-es-property-info.js';
import { SES_Header } from './ses-header.js';

/**
 * GB/T 38540-2020 SES_SealInfo (印章信息, v4 and v5); the seal maker signs its DER alone (ses digest §6).
 * SES_SealInfo ::= SEQUENCE { header SES_Header, esID IA5String, property SES_ESPropertyInfo,
 *   picture SES_ESPictrueInfo, extDatas ExtensionDatas OPTIONAL -- untagged in every real file }
 */
export class SES_SealInfo {
  @AsnProp({ type: SES_Header }) header = new SES_Header();
  @AsnProp({ type: AsnPropTypes.IA5String }) esID = '';
  @AsnProp({ type: SES_ESPropertyInfo }) property = new SES_ESPropertyInfo();
  @AsnProp({ type: SES_ESPictrueInfo }) picture = new SES_ESPictrueInfo();
  @AsnProp({ type: ExtensionDatas, optional: true }) extDatas?: ExtensionDatas;

  constructor(params: Partial<SES_SealInfo> = {}) {
    Object.assign(this, params);
  }
}
