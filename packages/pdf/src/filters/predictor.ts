/** ISO 32000-2 §7.4.4.4 predictors: TIFF Predictor 2 and PNG predictors 10–15 (RFC 2083 §6). */
import { PdfMalformedError, PdfUnsupportedError } from '../errors.js';

export interface PredictorParams {
  readonly predictor: number;
  readonly colors: number;
  readonly bitsPerComponent: number;
  readonly columns: number;
}

export function applyPredictor(data: Uint8Array, p: PredictorParams): Uint8Array {
  if (p.predictor <= 1) return data;
  if (![1, 2, 4, 8, 16].includes(p.bitsPerComponent)) throw new PdfMalformedError('invalid BitsPerComponent', { bpc: p.bitsPerComponent });
  if (p.colors < 1 || p.colors > 32 || p.columns < 1 || p.columns > 1 << 24) throw new PdfMalformedError('invalid predictor parameters');
  const bpp = Math.max(1, Math.ceil((p.colors * p.bitsPerComponent) / 8));
  const rowLen = Math.ceil((p.colors * p.bitsPerComponent * p.columns) / 8);
  if (p.predictor === 2) return tiff(data, p, rowLen);
  if (p.predictor >= 10) return png(data, rowLen, bpp);
  throw new PdfUnsupportedError('predictor', { predictor: p.predictor });
}

function png(data: Uint8Array, rowLen: number, bpp: number): Uint8Array {
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  let prev = new Uint8Array(rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)] as number;
    const src = data.subarray(r * (rowLen + 1) + 1, (r + 1) * (rowLen + 1));
    const cur = out.subarray(r * rowLen, (r + 1) * rowLen);
    for (let i = 0; i < rowLen; i++) {
      const x = src[i] as number;
      const a = i >= bpp ? (cur[i - bpp] as number) : 0;
      const b = prev[i] as number;
      const c = i >= bpp ? (prev[i - bpp] as number) : 0;
      switch (type) {
        case 0: cur[i] = x; break;
        case 1: cur[i] = x + a; break;
        case 2: cur[i] = x + b; break;
        case 3: cur[i] = x + ((a + b) >> 1); break;
        case 4: {
          const pa = Math.abs(b - c);
          const pb = Math.abs(a - c);
          const pc = Math.abs(a + b - 2 * c);
          cur[i] = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default: throw new PdfMalformedError('invalid PNG predictor row type', { type });
      }
    }
    prev = cur;
  }
  return out;
}

function tiff(data: Uint8Array, p: PredictorParams, rowLen: number): Uint8Array {
  const out = data.slice(0, Math.floor(data.length / rowLen) * rowLen);
  const n = p.colors;
  for (let r = 0; r < out.length; r += rowLen) {
    if (p.bitsPerComponent === 8) {
      for (let i = r + n; i < r + rowLen; i++) out[i] = ((out[i] as number) + (out[i - n] as number)) & 0xff;
    } else if (p.bitsPerComponent === 16) {
      for (let i = r + 2 * n; i + 1 < r + rowLen; i += 2) {
        const v = (((out[i] as number) << 8) | (out[i + 1] as number)) + (((out[i - 2 * n] as number) << 8) | (out[i - 2 * n + 1] as number));
        out[i] = (v >> 8) & 0xff;
        out[i + 1] = v & 0xff;
      }
    } else {
      // Sub-byte samples: unpack, difference-decode per component, repack.
      const bpc = p.bitsPerComponent;
      const mask = (1 << bpc) - 1;
      const samples = p.columns * n;
      const prev = new Array<number>(n).fill(0);
      for (let s = 0; s < samples; s++) {
        const bit = s * bpc;
        const byte = r + (bit >> 3);
        const shift = 8 - bpc - (bit & 7);
        const v = ((((out[byte] as number) >> shift) & mask) + (prev[s % n] as number)) & mask;
        prev[s % n] = v;
        out[byte] = ((out[byte] as number) & ~(mask << shift)) | (v << shift);
      }
    }
  }
  return out;
}
