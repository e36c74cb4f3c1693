import { AsnArray, AsnProp, AsnPropTypes, AsnType, AsnTypeTypes, OctetString } from '@peculiar/asn1-schema';

/** GB/T 38540 CertDigestObj ::= SEQUENCE { type PrintableString, value OCTET STRING } */
export class CertDigestObj {
  @AsnProp({ type: AsnPropTypes.PrintableString }) type = '';
  @AsnProp({ type: OctetString }) value = new OctetString();

  constructor(params: Partial<CertDigestObj> = {}) {
    Object.assign(this, params);
  }
}

/** GB/T 38540 CertInfoList ::= SEQUENCE OF cert -- each OCTET STRING holding a DER signer certificate */
@AsnType({ type: AsnTypeTypes.Sequence, itemType: OctetString })
export class CertInfoList extends AsnArray<OctetString> {
  constructor(items?: OctetString[]) {
    super(items);
    Object.setPrototypeOf(this, CertInfoList.prototype);
  }
}

/** GB/T 38540 CertDigestList ::= SEQUENCE OF CertDigestObj */
@AsnType({ type: AsnTypeTypes.Sequence, itemType: CertDigestObj })
export class CertDigestList extends AsnArray<CertDigestObj> {
  constructor(items?: CertDigestObj[]) {
    super(items);
    Object.setPrototypeOf(this, CertDigestList.prototype);
  }
}
