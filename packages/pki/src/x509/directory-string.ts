/** ASN.1 string types that appear in names and general names (X.680 universal tags). */
export type StringType =
  | 'UTF8String'
  | 'PrintableString'
  | 'TeletexString'
  | 'BMPString'
  | 'UniversalString'
  | 'IA5String'
  | 'NumericString'
  | 'VisibleString';

export const STRING_TAGS: Readonly<Record<StringType, number>> = {
  UTF8String: 0x0c,
  NumericString: 0x12,
  PrintableString: 0x13,
  TeletexString: 0x14,
  IA5String: 0x16,
  VisibleString: 0x1a,
  UniversalString: 0x1c,
  BMPString: 0x1e,
};

const TYPE_BY_TAG: ReadonlyMap<number, StringType> = new Map(
  Object.entries(STRING_TAGS).map(([k, v]) => [v, k as StringType]),
);

const utf8Lenient = new TextDecoder('utf-8', { fatal: false });
const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: false });
const latin1 = new TextDecoder('latin1');

export function stringTypeForTag(tag: number): StringType | undefined {
  return TYPE_BY_TAG.get(tag);
}

/** Decodes the content octets of a string value with the given universal tag. */
export function decodeStringValue(tag: number, content: Uint8Array): string | undefined {
  switch (TYPE_BY_TAG.get(tag)) {
    case 'UTF8String':
      return utf8Lenient.decode(content);
    case 'BMPString':
      return utf16be.decode(content);
    case 'UniversalString':
      return decodeUtf32be(content);
    case 'TeletexString':
      // T.61 in theory; in practice issuers put Latin-1 or UTF-8 bytes here, so prefer UTF-8 when valid.
      return decodeUtf8OrLatin1(content);
    case 'PrintableString':
    case 'IA5String':
    case 'NumericString':
    case 'VisibleString':
      return decodeUtf8OrLatin1(content);
    case undefined:
      return undefined;
  }
}

function decodeUtf8OrLatin1(content: Uint8Array): string {
  try {
    return utf8Strict.decode(content);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return latin1.decode(content);
  }
}

function decodeUtf32be(content: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 3 < content.length; i += 4) {
    const cp = (((content[i] as number) << 24) | ((content[i + 1] as number) << 16) | ((content[i + 2] as number) << 8) | (content[i + 3] as number)) >>> 0;
    s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  }
  return s;
}
