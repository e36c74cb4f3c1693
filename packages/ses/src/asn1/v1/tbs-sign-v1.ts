import { AsnProp, AsnPropTypes, OctetString } from '@peculiar/asn1-schema';
import { SESeal_V1 } from './se-seal-v1.js';

/**
 * GM/T 0031-2014 TBS_Sign (v1): the signer certificate and algorithm are inside the signed data.
 * TBS_Sign ::= SEQUENCE { version INTEGER, eseal SESeal, timeInfo BIT STRING, dataHash BIT STRING,
 *   propertyInfo IA5String, cert OCTET STRING, signatureAlgorithm OBJECT IDENTIFIER }
 * timeInfo holds time text in real files ("yyyy-MM-dd HH:mm:ss", "2020-01-25T07:31:56.377Z").
 */
export class TBS_Sign_V1 {
  @AsnProp({ type: AsnPropTypes.Integer }) version = 1;
  @AsnProp({ type: SESeal_V1 }) eseal = new SESeal_V1();
  @AsnProp({ type: AsnPropTypes.BitString }) timeInfo = new ArrayBuffer(0);
  @AsnProp({ type: AsnPropTypes.BitString }) dataHash = new ArrayBuffer(0);
  @AsnProp({ type: AsnPropTypes.IA5String }) propertyInfo = '';
  @AsnProp({ type: OctetString }) cert = new OctetString();
  @AsnProp({ type: AsnPropTypes.ObjectIdentifier }) signatureAlgorithm = '';
}
