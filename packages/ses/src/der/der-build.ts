import { concatBytes } from '@openseal/kernel';

/** A DER TLV with definite length (X.690 §8.1.3) around already-encoded content. */
export function derTlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  let header: number[];
  if (n < 0x80) header = [tag, n];
  else {
    const lenBytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) lenBytes.unshift(v & 0xff);
    header = [tag, 0x80 | lenBytes.length, ...lenBytes];
  }
  return concatBytes(new Uint8Array(header), content);
}

/** SEQUENCE { parts… } from the parts' exact encodings. */
export function derSequenceOf(...parts: Uint8Array[]): Uint8Array {
  return derTlv(0x30, concatBytes(...parts));
}
