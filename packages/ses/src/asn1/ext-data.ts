import { AsnArray, AsnProp, AsnPropTypes, AsnType, AsnTypeTypes, OctetString } from '@peculiar/asn1-schema';

/** ExtData ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
export class ExtData {
  @AsnProp({ type: AsnPropTypes.ObjectIdentifier }) extnID = '';
  @AsnProp({ type: AsnPropTypes.Boolean, defaultValue: false }) critical = false;
  @AsnProp({ type: OctetString }) extnValue = new OctetString();

  constructor(params: Partial<ExtData> = {}) {
    Object.assign(this, params);
  }
}

/** ExtensionDatas ::= SEQUENCE SIZE (0..MAX) OF ExtData */
@AsnType({ type: AsnTypeTypes.Sequence, itemType: ExtData })
export class ExtensionDatas extends AsnArray<ExtData> {
  constructor(items?: ExtData[]) {
    super(items);
    Object.setPrototypeOf(this, ExtensionDatas.prototype);
  }
}
