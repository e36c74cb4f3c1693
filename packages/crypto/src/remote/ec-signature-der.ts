import { checkDer, readDerHeader } from '@openseal/asn1';
import { OpenSealError, concatBytes } from '@openseal/kernel';

/** Whether `sig` is a DER SEQUENCE of two INTEGERs (ECDSA-Sig-Value, RFC 5480; SM2 per GB/T 35276). */
export function isDerEcSignature(sig: Uint8Array): boolean {
  try {
    checkDer(sig);
  } catch (e) {
    if (e instanceof OpenSealError) return false;
    throw e;
  }
  const top = readDerHeader(sig, 0);
  if (top.tag !== 0x30) return false;
  let offset = top.headerLength;
  for (let i = 0; i < 2; i++) {
    if (offset >= sig.length) return false;
    const h = readDerHeader(sig, offset);
    if (h.tag !== 0x02 || h.length === 0) return false;
    offset += h.headerLength + h.length;
  }
  return offset === sig.length;
}

/** Encodes raw r‖s (each `size` bytes) as DER SEQUENCE{INTEGER r, INTEGER s}. */
export function rawEcSignatureToDer(raw: Uint8Array, size: number): Uint8Array {
  const integer = (v: Uint8Array): Uint8Array => {
    let i = 0;
    while (i < v.length - 1 && v[i] === 0) i++;
    const body = ((v[i] as number) & 0x80) !== 0 ? concatBytes(new Uint8Array([0]), v.subarray(i)) : v.subarray(i);
    return concatBytes(new Uint8Array([0x02, body.length]), body);
  };
  const content = concatBytes(integer(raw.subarray(0, size)), integer(raw.subarray(size, 2 * size)));
  const header = content.length < 0x80 ? new Uint8Array([0x30, content.length]) : new Uint8Array([0x30, 0x81, content.length]);
  return concatBytes(header, content);
}
