/** Plain-text encodings the converter accepts, in the order it tries them. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * The encoding of a text file, or undefined for binary data: a BOM decides; else strict UTF-8; else
 * strict GB 18030 (the Chinese national superset of GBK/GB2312). Text must not contain NUL or many
 * other control characters (at most 1 % besides tab, CR, LF, FF, ESC).
 */
export function detectTextEncoding(bytes: Uint8Array): TextEncoding | undefined {
  const sample = bytes.subarray(0, 1024 * 1024);
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return plausible(sample, 'utf-8');
  if (sample[0] === 0xff && sample[1] === 0xfe) return plausible(sample, 'utf-16le');
  if (sample[0] === 0xfe && sample[1] === 0xff) return plausible(sample, 'utf-16be');
  if (sample.includes(0)) return undefined;
  return plausible(sample, 'utf-8') ?? plausible(sample, 'gb18030');
}

function plausible(sample: Uint8Array, encoding: TextEncoding): TextEncoding | undefined {
  let text: string;
  try {
    // A sample cut mid-character would fail strict decoding: decode in streaming mode.
    text = new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
  } catch (e) {
    if (e instanceof TypeError) return undefined;
    throw e;
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) || c === 0x7f) controls++;
  }
  return controls <= text.length / 100 ? encoding : undefined;
}
