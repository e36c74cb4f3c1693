/** ISO 32000-2 §7.4 Table 6: applies a stream's /Filter chain with its /DecodeParms. */
import { PdfDict, PdfName, type PdfObject } from '../core/objects.js';
import { PdfLimitExceededError, PdfMalformedError, PdfUnsupportedError } from '../errors.js';
import { ascii85Decode } from './ascii85.js';
import { asciiHexDecode } from './ascii-hex.js';
import { flateDecode } from './flate.js';
import { lzwDecode } from './lzw.js';
import { applyPredictor } from './predictor.js';
import { runLengthDecode } from './run-length.js';

/** Filters whose output is image data; the engine passes them through undecoded. */
const IMAGE_FILTERS = new Set(['DCTDecode', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode']);
/** §8.9.7 Table 92: abbreviations allowed in inline images (and tolerated elsewhere). */
const ABBREVIATIONS: Record<string, string> = { AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode', LZW: 'LZWDecode', Fl: 'FlateDecode', RL: 'RunLengthDecode', CCF: 'CCITTFaxDecode', DCT: 'DCTDecode' };

export interface DecodedStream {
  readonly data: Uint8Array;
  /** Image filters left undecoded (with their parameters), in order; empty when fully decoded. */
  readonly remainingFilters: readonly { readonly name: string; readonly params: PdfDict | null }[];
}

export type Resolver = (o: PdfObject | undefined) => PdfObject | undefined;

export function streamFilters(dict: PdfDict, resolve: Resolver): { name: string; params: PdfDict | null }[] {
  const f = resolve(dict.get('Filter') ?? dict.get('F'));
  const p = resolve(dict.get('DecodeParms') ?? dict.get('DP'));
  const names = f === undefined || f === null ? [] : Array.isArray(f) ? f.map((x) => resolve(x)) : [f];
  const params = Array.isArray(p) ? p.map((x) => resolve(x)) : [p];
  return names.map((n, i) => {
    if (!(n instanceof PdfName)) throw new PdfMalformedError('/Filter is not a name');
    const q = params[i];
    return { name: ABBREVIATIONS[n.value] ?? n.value, params: q instanceof PdfDict ? q : null };
  });
}

function intParam(params: PdfDict | null, key: string, dflt: number, resolve: Resolver): number {
  const v = resolve(params?.get(key));
  return typeof v === 'number' && Number.isInteger(v) ? v : dflt;
}

export function decodeStreamData(encoded: Uint8Array, dict: PdfDict, maxOutput: number, resolve: Resolver): DecodedStream {
  const filters = streamFilters(dict, resolve);
  let data = encoded;
  for (let i = 0; i < filters.length; i++) {
    const { name, params } = filters[i] as { name: string; params: PdfDict | null };
    if (IMAGE_FILTERS.has(name)) return { data, remainingFilters: filters.slice(i) };
    switch (name) {
      case 'FlateDecode':
        data = flateDecode(data, maxOutput);
        data = predict(data, params, resolve);
        break;
      case 'LZWDecode':
        data = lzwDecode(data, intParam(params, 'EarlyChange', 1, resolve), maxOutput);
        data = predict(data, params, resolve);
        break;
      case 'ASCIIHexDecode': data = asciiHexDecode(data); break;
      case 'ASCII85Decode': data = ascii85Decode(data); break;
      case 'RunLengthDecode': data = runLengthDecode(data, maxOutput); break;
      case 'Crypt': {
        // §7.4.10: only the Identity crypt filter is meaningful here; named ones need /CF lookups.
        const n = resolve(params?.get('Name'));
        if (n instanceof PdfName && n.value !== 'Identity') throw new PdfUnsupportedError('Crypt filter', { name: n.value });
        break;
      }
      default: throw new PdfUnsupportedError('stream filter', { filter: name });
    }
    if (data.length > maxOutput) throw new PdfLimitExceededError('maxDecodedStreamSize', maxOutput);
  }
  return { data, remainingFilters: [] };
}

function predict(data: Uint8Array, params: PdfDict | null, resolve: Resolver): Uint8Array {
  const predictor = intParam(params, 'Predictor', 1, resolve);
  if (predictor <= 1) return data;
  return applyPredictor(data, {
    predictor,
    colors: intParam(params, 'Colors', 1, resolve),
    bitsPerComponent: intParam(params, 'BitsPerComponent', 8, resolve),
    columns: intParam(params, 'Columns', 1, resolve),
  });
}
