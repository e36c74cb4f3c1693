import { AsnConvert } from '@peculiar/asn1-schema';
import { GeneralName, Name, OtherName } from '@peculiar/asn1-x509';
import { encodeDer } from '@openseal/asn1';
import { toArrayBuffer } from '@openseal/kernel';
import { DistinguishedName } from './distinguished-name.js';

/** A GeneralName (RFC 5280 §4.2.1.6) in friendly form. */
export type GeneralNameValue =
  | { readonly type: 'email'; readonly value: string }
  | { readonly type: 'dns'; readonly value: string }
  | { readonly type: 'uri'; readonly value: string }
  | { readonly type: 'ip'; readonly value: string }
  | { readonly type: 'directory'; readonly value: DistinguishedName }
  | { readonly type: 'registeredId'; readonly value: string }
  /** otherName: `value` is the DER of the [0] EXPLICIT content. */
  | { readonly type: 'other'; readonly typeId: string; readonly value: Uint8Array }
  /** x400Address and ediPartyName are kept only as a marker. */
  | { readonly type: 'unsupported'; readonly form: 'x400Address' | 'ediPartyName' };

export function fromAsnGeneralName(g: GeneralName): GeneralNameValue {
  if (g.rfc822Name !== undefined) return { type: 'email', value: g.rfc822Name };
  if (g.dNSName !== undefined) return { type: 'dns', value: g.dNSName };
  if (g.uniformResourceIdentifier !== undefined) return { type: 'uri', value: g.uniformResourceIdentifier };
  if (g.iPAddress !== undefined) return { type: 'ip', value: g.iPAddress };
  if (g.directoryName !== undefined) return { type: 'directory', value: DistinguishedName.fromDer(encodeDer(g.directoryName)) };
  if (g.registeredID !== undefined) return { type: 'registeredId', value: g.registeredID };
  if (g.otherName !== undefined) return { type: 'other', typeId: g.otherName.typeId, value: new Uint8Array(g.otherName.value) };
  return { type: 'unsupported', form: g.x400Address !== undefined ? 'x400Address' : 'ediPartyName' };
}

export function toAsnGeneralName(v: GeneralNameValue): GeneralName {
  switch (v.type) {
    case 'email':
      return new GeneralName({ rfc822Name: v.value });
    case 'dns':
      return new GeneralName({ dNSName: v.value });
    case 'uri':
      return new GeneralName({ uniformResourceIdentifier: v.value });
    case 'ip':
      return new GeneralName({ iPAddress: v.value });
    case 'directory':
      return new GeneralName({ directoryName: AsnConvert.parse(v.value.der, Name) });
    case 'registeredId':
      return new GeneralName({ registeredID: v.value });
    case 'other':
      return new GeneralName({ otherName: new OtherName({ typeId: v.typeId, value: toArrayBuffer(v.value) }) });
    case 'unsupported':
      throw new RangeError(`cannot encode a ${v.form} general name`);
  }
}

/** Display form, e.g. "URI:http://…", "email:a@b", "DirName:CN=…". */
export function formatGeneralName(v: GeneralNameValue): string {
  switch (v.type) {
    case 'email':
      return `email:${v.value}`;
    case 'dns':
      return `DNS:${v.value}`;
    case 'uri':
      return `URI:${v.value}`;
    case 'ip':
      return `IP:${v.value}`;
    case 'directory':
      return `DirName:${v.value.toString()}`;
    case 'registeredId':
      return `RID:${v.value}`;
    case 'other':
      return `othername:${v.typeId}`;
    case 'unsupported':
      return v.form;
  }
}
