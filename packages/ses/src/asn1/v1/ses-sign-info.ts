import { AsnProp, AsnPropTypes, OctetString } from '@peculiar/asn1-schema';

/**
 * GM/T 0031-2014 SES_SignInfo (制章人对印章签名的信息, v1). The maker signs the DER of
 * SEQUENCE { esealInfo, cert, signatureAlgorithm } (GM/T 0031-2014 §6.1.1).
 * SES_SignInfo ::= SEQUENCE { cert OCTET STRING, signatureAlgorithm OBJECT IDENTIFIER, signData BIT STRING }
 */
export class SES_SignInfo {
  @AsnProp({ type: OctetString }) cert = new OctetString();
  @AsnProp({ type: AsnPropTypes.ObjectIdentifier }) signatureAlgorithm = '';
  @AsnProp({ type: AsnPropTypes.BitString }) signData = new ArrayBuffer(0);
}
