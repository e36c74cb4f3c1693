import { AsnProp, AsnPropTypes } from '@peculiar/asn1-schema';
import { Attribute, EncryptedContentInfo } from '@peculiar/asn1-cms';

/**
 * RFC 5652 §8 (PKCS#12 password-privacy SafeContents):
 * EncryptedData ::= SEQUENCE { version CMSVersion, encryptedContentInfo EncryptedContentInfo,
 *                              unprotectedAttrs [1] IMPLICIT UnprotectedAttributes OPTIONAL }
 */
export class EncryptedData {
  @AsnProp({ type: AsnPropTypes.Integer }) version = 0;
  @AsnProp({ type: EncryptedContentInfo }) encryptedContentInfo = new EncryptedContentInfo();
  @AsnProp({ type: Attribute, repeated: 'set', context: 1, implicit: true, optional: true }) unprotectedAttrs?: Attribute[];

  constructor(params: Partial<EncryptedData> = {}) {
    Object.assign(this, params);
  }
}
