import { Asn1MalformedError, checkDer } from '@openseal/asn1';
import { bigIntToBytes, bytesToBigInt, InvalidArgumentError } from '@openseal/kernel';

/** The two integers of an SM2 or ECDSA signature. */
export interface SignatureScalars {
  readonly r: bigint;
  readonly s: bigint;
}

const MAX_SIGNATURE_BYTES = 160; // DER of two 66-byte integers (P-521) plus headers, with room to spare

/**
 * Encodes r, s as DER `SEQUENCE { INTEGER r, INTEGER s }` (GB/T 35276 §7.3 SM2Signature,
 * RFC 5480 §2.2.3 ECDSA-Sig-Value).
 */
export function encodeSignatureDer(r: bigint, s: bigint): Uint8Array {
  const ri = derInteger(r);
  const si = derInteger(s);
  const body = ri.length + si.length;
  const header = body < 0x80 ? [0x30, body] : [0x30, 0x81, body];
  const out = new Uint8Array(header.length + body);
  out.set(header);
  out.set(ri, header.length);
  out.set(si, header.length + ri.length);
  return out;
}

/**
 * Reads a signature given as DER SEQUENCE{r,s} or as raw r‖s of `2 × scalarLength` bytes.
 * Returns null for anything else (verification is a verdict, never a throw).
 */
export function decodeSignature(signature: Uint8Array, scalarLength: number): SignatureScalars | null {
  const der = decodeSignatureDer(signature);
  if (der) return der;
  if (signature.length === 2 * scalarLength) {
    return { r: bytesToBigInt(signature.subarray(0, scalarLength)), s: bytesToBigInt(signature.subarray(scalarLength)) };
  }
  return null;
}

/** DER SEQUENCE{r,s} → raw r‖s, each left-padded to `scalarLength` bytes. Throws on malformed input. */
export function signatureDerToRaw(der: Uint8Array, scalarLength: number): Uint8Array {
  const sig = decodeSignatureDer(der);
  if (!sig) throw new InvalidArgumentError('not a DER SEQUENCE { INTEGER r, INTEGER s } signature');
  return signatureScalarsToRaw(sig, scalarLength);
}

/** Raw r‖s (even length) → DER SEQUENCE{r,s}. */
export function signatureRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0 || raw.length > 2 * 66) {
    throw new InvalidArgumentError('raw r‖s signature must have an even length of at most 132 bytes', { length: raw.length });
  }
  const half = raw.length / 2;
  return encodeSignatureDer(bytesToBigInt(raw.subarray(0, half)), bytesToBigInt(raw.subarray(half)));
}

export function signatureScalarsToRaw(sig: SignatureScalars, scalarLength: number): Uint8Array {
  const out = new Uint8Array(2 * scalarLength);
  try {
    out.set(bigIntToBytes(sig.r, scalarLength), 0);
    out.set(bigIntToBytes(sig.s, scalarLength), scalarLength);
  } catch (e) {
    if (e instanceof RangeError) throw new InvalidArgumentError(`signature integer longer than ${scalarLength} bytes`);
    throw e;
  }
  return out;
}

/** Strict DER: minimal positive INTEGERs, no trailing data. Null when the input is anything else. */
function decodeSignatureDer(bytes: Uint8Array): SignatureScalars | null {
  if (bytes.length < 8 || bytes.length > MAX_SIGNATURE_BYTES || bytes[0] !== 0x30) return null;
  try {
    checkDer(bytes, { maxDepth: 2, maxNodes: 3 });
  } catch (e) {
    if (e instanceof Asn1MalformedError) return null;
    throw e;
  }
  let offset = bytes[1] === 0x81 ? 3 : 2;
  if (bytes[1] === 0x81 && (bytes[2] as number) < 0x80) return null; // non-minimal length
  const r = readInteger(bytes, offset);
  if (!r) return null;
  offset = r.end;
  const s = readInteger(bytes, offset);
  if (!s || s.end !== bytes.length) return null;
  return { r: r.value, s: s.value };
}

function readInteger(bytes: Uint8Array, offset: number): { value: bigint; end: number } | null {
  if (bytes[offset] !== 0x02) return null;
  const length = bytes[offset + 1] as number;
  if (length === 0 || length >= 0x80) return null;
  const start = offset + 2;
  const end = start + length;
  if (end > bytes.length) return null;
  const first = bytes[start] as number;
  if (first & 0x80) return null; // negative
  if (first === 0 && length > 1 && ((bytes[start + 1] as number) & 0x80) === 0) return null; // non-minimal
  return { value: bytesToBigInt(bytes.subarray(start, end)), end };
}

function derInteger(v: bigint): Uint8Array {
  if (v < 0n) throw new InvalidArgumentError('signature integers are non-negative');
  const raw = v === 0n ? new Uint8Array([0]) : bigIntToBytes(v);
  const pad = ((raw[0] as number) & 0x80) !== 0 ? 1 : 0;
  if (raw.length + pad > 0x7f) throw new InvalidArgumentError('signature integer too long');
  const out = new Uint8Array(2 + pad + raw.length);
  out[0] = 0x02;
  out[1] = raw.length + pad;
  out.set(raw, 2 + pad);
  return out;
}
