/**
 * Appends a Document Security Store revision (ETSI EN 319 142-1 §5.4.2, ISO 32000-2 §12.8.4.3): /Certs,
 * /OCSPs and /CRLs streams, merged with an existing DSS, and /VRI entries keyed by the upper-case hex
 * SHA-1 of each signature's /Contents (zero padding included, as pyHanko and Adobe compute it).
 */
import type { CryptoProvider } from '@openseal/crypto';
import { equalBytes, toHex, type RandomSource } from '@openseal/kernel';
import { IncrementalWriter, PdfDict, PdfRef, PdfStream, PdfString, name, type PdfArray, type PdfDocument, type RevisionView } from '@openseal/pdf';
import { formatPdfDate } from '../pdf-date.js';
import { RevisionEdit } from '../signing/revision-edit.js';
import type { ValidationData } from './gather-validation-data.js';

export interface DssVriEntry {
  /** The signature's full /Contents bytes. */
  readonly signatureContents: Uint8Array;
  readonly data: ValidationData;
}

export interface AppendDssOptions {
  readonly provider: Pick<CryptoProvider, 'digest'>;
  /** Needed for AES-encrypted documents. */
  readonly random?: RandomSource;
  /** Per-signature VRI dictionaries (default true; optional in PAdES baseline). */
  readonly vri?: boolean;
  /** Written as /TU of new VRI entries when given. */
  readonly time?: Date;
}

const KINDS = [
  ['Certs', 'certificates', 'Cert'],
  ['OCSPs', 'ocspResponses', 'OCSP'],
  ['CRLs', 'crls', 'CRL'],
] as const;

/** Upper-case hex SHA-1 of a signature's /Contents: the VRI key. */
export function vriKey(contents: Uint8Array, provider: Pick<CryptoProvider, 'digest'>): string {
  return toHex(provider.digest('SHA-1', contents)).toUpperCase();
}

class StreamPool {
  readonly #entries: { ref: PdfRef; der: Uint8Array | undefined }[] = [];
  constructor(
    readonly view: RevisionView,
    readonly writer: IncrementalWriter,
    existing: PdfArray,
  ) {
    for (const r of existing) if (r instanceof PdfRef) this.#entries.push({ ref: r, der: undefined });
  }
  get refs(): PdfRef[] {
    return this.#entries.map((e) => e.ref);
  }
  /** The reference of a stream holding `der`, reusing an existing one. */
  refFor(der: Uint8Array): PdfRef {
    for (const e of this.#entries) {
      if (e.der === undefined) {
        const s = this.view.getObject(e.ref);
        e.der = s instanceof PdfStream ? this.view.streamData(s) : new Uint8Array(0);
      }
      if (equalBytes(e.der, der)) return e.ref;
    }
    const ref = this.writer.add(new PdfStream(new PdfDict(), der));
    this.#entries.push({ ref, der });
    return ref;
  }
}

/** Returns the document with one more revision holding the merged DSS. */
export function appendDss(doc: PdfDocument, data: ValidationData, vri: readonly DssVriEntry[], options: AppendDssOptions): Uint8Array {
  const view = doc.latest;
  const writer = new IncrementalWriter(doc, { compressStreams: true, ...(options.random ? { random: options.random } : {}) });
  const edit = new RevisionEdit(view, writer);
  const raw = view.catalog.get('DSS');
  const old = view.resolve(raw);
  const dss = old instanceof PdfDict ? old.clone() : new PdfDict([['Type', name('DSS')]]);
  const pools = new Map<string, StreamPool>();
  for (const [key, field] of KINDS) {
    const arr = view.resolve(dss.get(key));
    const pool = new StreamPool(view, writer, Array.isArray(arr) ? arr : []);
    pools.set(key, pool);
    for (const der of data[field]) pool.refFor(der);
    for (const v of vri) for (const der of v.data[field]) pool.refFor(der);
    if (pool.refs.length > 0) dss.set(key, pool.refs);
  }
  if (options.vri !== false && vri.length > 0) {
    const oldVri = view.resolve(dss.get('VRI'));
    const vriDict = oldVri instanceof PdfDict ? oldVri.clone() : new PdfDict();
    for (const v of vri) {
      const entry = new PdfDict();
      for (const [key, field, vriName] of KINDS) {
        const refs = v.data[field].map((der) => (pools.get(key) as StreamPool).refFor(der));
        if (refs.length > 0) entry.set(vriName, refs);
      }
      if (options.time) entry.set('TU', PdfString.fromLatin1(formatPdfDate(options.time)));
      vriDict.set(vriKey(v.signatureContents, options.provider), entry);
    }
    dss.set('VRI', vriDict);
  }
  if (raw instanceof PdfRef && old instanceof PdfDict) writer.set(raw, dss);
  else edit.catalog().set('DSS', writer.add(dss));
  edit.commit();
  return writer.write().toBytes();
}
