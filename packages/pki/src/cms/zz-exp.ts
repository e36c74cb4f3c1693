import { AsnProp, AsnPropTypes } from '@peculiar/asn1-schema';
export class RawSD {
  @AsnProp({ type: AsnPropTypes.Integer }) version = 1;
  @AsnProp({ type: AsnPropTypes.Any, context: 0, implicit: true, repeated: 'set', optional: true }) certificates?: ArrayBuffer[];
  @AsnProp({ type: AsnPropTypes.Any, context: 1, implicit: true, repeated: 'set', optional: true }) crls?: ArrayBuffer[];
  @AsnProp({ type: AsnPropTypes.Any, repeated: 'set' }) signerInfos: ArrayBuffer[] = [];
}
