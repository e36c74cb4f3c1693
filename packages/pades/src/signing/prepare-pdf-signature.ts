/**
 * Stage 1 of PDF signing: appends the revision that holds the signature field and a signature dictionary
 * with fixed-width /ByteRange and /Contents slots, digests the ByteRange, and builds the CMS signed
 * attributes. The result's `toBeSigned` goes to any Signer (software, PKCS#11 token, remote agent).
 */
import type { CryptoProvider, DigestAlgorithm, Hasher, SignatureAlgorithm } from '@openseal/crypto';
import { InvalidArgumentError, type RandomSource } from '@openseal/kernel';
import {
  IncrementalWriter,
  PdfDict,
  PdfPlaceholder,
  PdfString,
  listFields,
  name,
  type IncrementalUpdate,
  type PdfDocument,
  type PdfField,
} from '@openseal/pdf';
import { prepareSignedData, type Certificate, type PreparedSignedData, type SignedAttributeOptions } from '@openseal/pki';
import { digestChunks } from '../digest-chunks.js';
import { PadesFieldInvalidError } from '../errors.js';
import { docMdpReference, fieldMdpReference, readFieldLock, sigFieldLock, type FieldLock, type MdpPermission } from '../mdp.js';
import { formatPdfDate } from '../pdf-date.js';
import type { SealAppearance } from '../widget-spec.js';
import { addSignatureField } from './add-signature-field.js';
import { checkSigningAllowed } from './check-signing-allowed.js';
import { estimateContentsSize } from './contents-size.js';
import { RevisionEdit } from './revision-edit.js';

export type PdfSubFilter = 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached';

export interface PreparePdfSignatureOptions {
  /** Name of a new field (default Signature1, Signature2, …); an empty signature field of that name is signed into. */
  readonly fieldName?: string;
  /** Sign into this existing empty signature field (PADES_FIELD_INVALID when missing or signed). */
  readonly existingField?: string;
  /** Visible widgets; invisible (/Rect [0 0 0 0] on the first page) when absent. */
  readonly appearance?: SealAppearance;
  /** How several widgets are written: kid widgets of one field (default) or extra Stamp annotations. */
  readonly multiWidget?: 'kids' | 'stamps';
  /** Default ETSI.CAdES.detached (PAdES baseline). */
  readonly subFilter?: PdfSubFilter;
  /** Written to /M; also the CMS signing-time for adbe.pkcs7.detached only (PAdES forbids the attribute). */
  readonly signingTime: Date;
  /** Zone of /M, minutes east of UTC (480 = UTC+8); default 0. */
  readonly timeZoneOffsetMinutes?: number;
  readonly reason?: string;
  readonly location?: string;
  readonly contactInfo?: string;
  readonly name?: string;
  /** Make this a certification signature (DocMDP, ISO 32000-2 §12.8.2.2). */
  readonly certify?: { readonly P: MdpPermission };
  /** Lock fields once this signature is made (FieldMDP + the field's /Lock). */
  readonly lock?: FieldLock;
  /** DER bytes reserved for the CMS; default: a dry-run estimate (with room for a timestamp when `timestamp`). */
  readonly contentsSize?: number;
  /** Reserve room for a signature timestamp (B-T and above). */
  readonly timestamp?: boolean;
  readonly signerCertificate: Certificate;
  /** Certificates to embed besides the signer's (its chain). */
  readonly chain?: readonly Certificate[];
  readonly signatureAlgorithm: SignatureAlgorithm;
  /** Default: the signature algorithm's hash. */
  readonly digestAlgorithm?: DigestAlgorithm;
  /** GB/T 35275 content-type OIDs and sm2-1 for SM2 (default: PKCS#7 OIDs and SM3withSM2). */
  readonly gm?: boolean;
  readonly provider: CryptoProvider;
  /** Needed for AES-encrypted documents (IVs of the new strings and streams). */
  readonly random?: RandomSource;
  /**
   * A hasher (of `digestAlgorithm`) already fed exactly the document's bytes, e.g. while the file was
   * read: the ByteRange starts with the whole original file, so only the new revision is hashed here.
   */
  readonly prehashed?: Hasher;
}

export interface PreparedPdfSignature {
  /** The new revision, /ByteRange filled, /Contents still zeros. */
  readonly update: IncrementalUpdate;
  readonly byteRange: readonly [number, number, number, number];
  /** Digest of the ByteRange (the CMS message-digest). */
  readonly documentDigest: Uint8Array;
  readonly cms: PreparedSignedData;
  /** The DER SET OF signed attributes: what the signer signs. */
  readonly toBeSigned: Uint8Array;
  readonly signatureAlgorithm: SignatureAlgorithm;
  readonly fieldName: string;
  /** DER bytes that fit into /Contents. */
  readonly contentsCapacity: number;
}

/** A /ByteRange slot wide enough for four 12-digit numbers. */
const BYTE_RANGE_WIDTH = 54;

function findTarget(fields: readonly PdfField[], options: PreparePdfSignatureOptions): { fieldName: string; existing: PdfField | undefined } {
  if (options.existingField !== undefined) {
    const f = fields.find((x) => x.name === options.existingField);
    if (!f) throw new PadesFieldInvalidError(options.existingField, 'no such field');
    return { fieldName: f.name, existing: f };
  }
  if (options.fieldName !== undefined) {
    if (options.fieldName === '' || options.fieldName.includes('.')) throw new PadesFieldInvalidError(options.fieldName, 'a new field needs a name without periods');
    const f = fields.find((x) => x.name === options.fieldName);
    if (f && (f.type !== 'Sig' || (f.value !== undefined && f.value !== null))) throw new PadesFieldInvalidError(options.fieldName, 'a field of that name exists');
    return { fieldName: options.fieldName, existing: f };
  }
  const taken = new Set(fields.map((f) => f.name));
  let n = 1;
  while (taken.has(`Signature${n}`)) n++;
  return { fieldName: `Signature${n}`, existing: undefined };
}

export function signatureDictionary(options: {
  readonly subFilter: string;
  readonly contentsWidth: number;
  readonly signingTime?: string;
  readonly texts?: Readonly<Record<string, string | undefined>>;
  readonly type?: 'Sig' | 'DocTimeStamp';
}): PdfDict {
  const d = new PdfDict([
    ['Type', name(options.type ?? 'Sig')],
    ['Filter', name('Adobe.PPKLite')],
    ['SubFilter', name(options.subFilter)],
    ['ByteRange', new PdfPlaceholder('byteRange', BYTE_RANGE_WIDTH)],
    ['Contents', new PdfPlaceholder('contents', options.contentsWidth)],
  ]);
  if (options.signingTime) d.set('M', PdfString.fromLatin1(options.signingTime));
  for (const [k, v] of Object.entries(options.texts ?? {})) if (v !== undefined) d.set(k, PdfString.fromText(v));
  return d;
}

function digestByteRange(update: IncrementalUpdate, byteRange: readonly number[], algorithm: DigestAlgorithm, options: PreparePdfSignatureOptions): Uint8Array {
  const chunks = update.rangeChunks(byteRange);
  const pre = options.prehashed;
  if (!pre) return digestChunks(options.provider, algorithm, chunks);
  if (pre.algorithm !== algorithm) throw new InvalidArgumentError('the prehashed digest uses another algorithm', { expected: algorithm, actual: pre.algorithm });
  // The first range always covers the whole original file, then the new revision up to /Contents.
  const [first, ...rest] = chunks;
  if (first?.buffer !== update.original.buffer || first.byteOffset !== update.original.byteOffset || first.length !== update.original.length) {
    throw new InvalidArgumentError('the ByteRange does not start with the whole original file');
  }
  for (const c of rest) pre.update(c);
  return pre.digest();
}

export function preparePdfSignature(doc: PdfDocument, options: PreparePdfSignatureOptions): PreparedPdfSignature {
  if (Number.isNaN(options.signingTime.getTime())) throw new InvalidArgumentError('signingTime is not a valid date');
  const subFilter = options.subFilter ?? 'ETSI.CAdES.detached';
  if (subFilter !== 'ETSI.CAdES.detached' && subFilter !== 'adbe.pkcs7.detached') throw new InvalidArgumentError('unsupported SubFilter', { subFilter });
  const { signatureAlgorithm, signerCertificate, provider } = options;
  const digestAlgorithm = options.digestAlgorithm ?? signatureAlgorithm.hash;
  const gm = options.gm === true;
  const view = doc.latest;
  const { fieldName, existing } = findTarget(listFields(view), options);
  checkSigningAllowed(doc, { fieldName, existingField: existing !== undefined, certify: options.certify !== undefined, what: 'signature' });

  const signedAttributes: SignedAttributeOptions = subFilter === 'adbe.pkcs7.detached' ? { signingTime: options.signingTime } : {};
  const chain = options.chain ?? [];
  const capacity =
    options.contentsSize ??
    estimateContentsSize({ signerCertificate, chain, digestAlgorithm, signatureAlgorithm, signedAttributes, gm, provider, timestamp: options.timestamp === true });
  if (!Number.isSafeInteger(capacity) || capacity < 64) throw new InvalidArgumentError('contentsSize must be an integer of at least 64', { contentsSize: capacity });

  const writer = new IncrementalWriter(doc, options.random ? { random: options.random } : {});
  const edit = new RevisionEdit(view, writer);
  const sigRef = writer.allocate();
  const sig = signatureDictionary({
    subFilter,
    contentsWidth: capacity * 2 + 2,
    signingTime: formatPdfDate(options.signingTime, options.timeZoneOffsetMinutes ?? 0),
    texts: { Name: options.name, Reason: options.reason, Location: options.location, ContactInfo: options.contactInfo },
  });
  const references: PdfDict[] = [];
  if (options.certify) references.push(docMdpReference(options.certify.P));
  // ISO 32000-2 Table 255: a field with /Lock gets the matching FieldMDP reference when signed.
  const fieldLock = existing?.lock ? readFieldLock(view, existing.lock) : undefined;
  const locks = [...(fieldLock ? [fieldLock] : []), ...(options.lock ? [options.lock] : [])];
  for (const lock of locks) references.push(fieldMdpReference(lock));
  if (references.length > 0) sig.set('Reference', references);
  writer.set(sigRef, sig);
  addSignatureField(edit, {
    fieldName,
    value: sigRef,
    ...(options.appearance ? { appearance: options.appearance } : {}),
    ...(options.multiWidget ? { multiWidget: options.multiWidget } : {}),
    ...(options.lock && !existing ? { lock: sigFieldLock(options.lock) } : {}),
    ...(existing ? { existing } : {}),
  });
  if (options.certify) {
    const catalog = edit.catalog();
    const old = view.resolve(catalog.get('Perms'));
    const perms = old instanceof PdfDict ? old.clone() : new PdfDict();
    perms.set('DocMDP', sigRef);
    catalog.set('Perms', perms);
  }
  edit.commit();
  const update = writer.write();
  const byteRange = update.signatureByteRange();
  update.fillByteRange(byteRange);
  const documentDigest = digestByteRange(update, byteRange, digestAlgorithm, options);
  const cms = prepareSignedData({
    detached: { digest: documentDigest, digestAlgorithm },
    digestAlgorithm,
    signatureAlgorithm,
    signerCertificate,
    certificates: chain,
    signedAttributes,
    gm,
    provider,
  });
  return { update, byteRange, documentDigest, cms, toBeSigned: cms.toBeSigned, signatureAlgorithm, fieldName, contentsCapacity: capacity };
}
