import { listSignatures, type PdfDocument, type PdfSignatureInfo } from '@openseal/pdf';

function coveredEnd(s: PdfSignatureInfo): number {
  const br = s.byteRange;
  return br && br.length === 4 ? (br[2] as number) + (br[3] as number) : Number.MAX_SAFE_INTEGER;
}

/** Signature dictionaries in the order they were made (by the end of what they cover): report indexes. */
export function orderedSignatures(doc: PdfDocument): PdfSignatureInfo[] {
  return listSignatures(doc)
    .filter((s) => s.contents !== undefined || s.byteRange !== undefined)
    .map((s, i) => ({ s, i }))
    .sort((a, b) => coveredEnd(a.s) - coveredEnd(b.s) || a.s.revision - b.s.revision || a.i - b.i)
    .map((x) => x.s);
}
