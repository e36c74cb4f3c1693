import { InvalidArgumentError } from '@openseal/kernel';
import { PdfDocument, type PdfLoadOptions } from '@openseal/pdf';
import { PadesRevisionNotFoundError } from '../errors.js';
import { orderedSignatures } from './ordered-signatures.js';

/**
 * The file exactly as signature `index` (verifyPdf's index) signed it: the bytes up to the end of the
 * revision its ByteRange covers. Refuses when the ByteRange does not end at a revision boundary.
 */
export function extractSignedRevision(bytes: Uint8Array, index: number, options: PdfLoadOptions = {}): Uint8Array {
  const doc = PdfDocument.load(bytes, options);
  const sig = orderedSignatures(doc)[index];
  if (!sig) throw new InvalidArgumentError('no signature with that index', { index });
  const br = sig.byteRange;
  const end = br && br.length === 4 ? (br[2] as number) + (br[3] as number) : -1;
  if (sig.signedRevision === undefined || !doc.revisions.some((r) => r.end === end)) throw new PadesRevisionNotFoundError(sig.fieldName);
  return bytes.slice(0, end);
}
