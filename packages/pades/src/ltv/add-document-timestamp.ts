/**
 * PAdES document timestamp (ETSI EN 319 142-1 §5.4.3, ISO 32000-2 §12.8.5): a revision with an invisible
 * signature field whose value is /Type /DocTimeStamp /SubFilter /ETSI.RFC3161 and whose /Contents is an
 * RFC 3161 token over the digest of that revision's ByteRange (so it covers any DSS before it).
 */
import type { CryptoProvider, DigestAlgorithm } from '@openseal/crypto';
import type { RandomSource } from '@openseal/kernel';
import { IncrementalWriter, listFields, type PdfDocument } from '@openseal/pdf';
import type { TimestampClient } from '@openseal/pki';
import { digestChunks } from '../digest-chunks.js';
import { PadesContentsTooSmallError } from '../errors.js';
import { addSignatureField, WIDGET_PRINT_LOCKED } from '../signing/add-signature-field.js';
import { checkSigningAllowed } from '../signing/check-signing-allowed.js';
import { TIMESTAMP_ALLOWANCE } from '../signing/contents-size.js';
import { signatureDictionary } from '../signing/prepare-pdf-signature.js';
import { RevisionEdit } from '../signing/revision-edit.js';

export interface AddDocumentTimestampOptions {
  readonly tsa: TimestampClient;
  readonly provider: CryptoProvider;
  /** Imprint hash (default SHA-256). */
  readonly digestAlgorithm?: DigestAlgorithm;
  /** Default DocTimeStamp1, DocTimeStamp2, … */
  readonly fieldName?: string;
  /** DER bytes reserved for the token (default 10 KiB + margin). */
  readonly contentsSize?: number;
  readonly random?: RandomSource;
}

export interface DocumentTimestampResult {
  readonly bytes: Uint8Array;
  readonly token: Uint8Array;
  readonly fieldName: string;
}

export async function addDocumentTimestamp(doc: PdfDocument, options: AddDocumentTimestampOptions): Promise<DocumentTimestampResult> {
  const view = doc.latest;
  const taken = new Set(listFields(view).map((f) => f.name));
  let fieldName = options.fieldName;
  if (fieldName === undefined) {
    let n = 1;
    while (taken.has(`DocTimeStamp${n}`)) n++;
    fieldName = `DocTimeStamp${n}`;
  }
  checkSigningAllowed(doc, { fieldName, existingField: false, certify: false, what: 'document timestamp' });
  const capacity = options.contentsSize ?? TIMESTAMP_ALLOWANCE + 2048;
  const writer = new IncrementalWriter(doc, options.random ? { random: options.random } : {});
  const edit = new RevisionEdit(view, writer);
  const sigRef = writer.allocate();
  writer.set(sigRef, signatureDictionary({ subFilter: 'ETSI.RFC3161', contentsWidth: capacity * 2 + 2, type: 'DocTimeStamp' }));
  addSignatureField(edit, { fieldName, value: sigRef, widgetFlags: WIDGET_PRINT_LOCKED });
  edit.commit();
  const update = writer.write();
  const byteRange = update.signatureByteRange();
  update.fillByteRange(byteRange);
  const digestAlgorithm = options.digestAlgorithm ?? 'SHA-256';
  const digest = digestChunks(options.provider, digestAlgorithm, update.rangeChunks(byteRange));
  const { token } = await options.tsa.timestamp({ digest, digestAlgorithm });
  if (token.length > capacity) throw new PadesContentsTooSmallError(token.length, capacity);
  update.fillContents(token);
  return { bytes: update.toBytes(), token, fieldName };
}
