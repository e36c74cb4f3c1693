/**
 * A PDF file opened lazily: the xref chain is read up front, objects only when asked for, so memory stays
 * close to the file size. Revisions are kept apart so a verifier can see the file "as it was signed".
 */
import { WorkBudget, resolveLimits, type PdfLimits } from '../core/limits.js';
import { PdfDict, PdfRef, PdfString, type PdfObject } from '../core/objects.js';
import type { PdfRevision } from '../core/revision.js';
import type { XrefEntry, XrefSection } from '../core/xref-section.js';
import { StandardSecurityHandler, type EncryptionInfo } from '../crypt/security-handler.js';
import { PdfMalformedError } from '../errors.js';
import { indexOfAscii } from '../parse/char-class.js';
import { recoverXref } from '../parse/recover.js';
import { findStartxref, groupRevisions, readXrefChain, type ParseContext } from '../parse/xref-reader.js';
import { ObjectLoader } from './object-loader.js';
import { RevisionView } from './revision-view.js';

export interface PdfLoadOptions {
  /** User or owner password; the empty user password is tried when omitted. */
  readonly password?: string;
  readonly limits?: Partial<PdfLimits>;
}

export class PdfDocument {
  readonly #loader: ObjectLoader;
  readonly #views = new Map<number, RevisionView>();
  #recovered: boolean;
  #repairIndex: XrefSection | undefined;

  private constructor(
    readonly bytes: Uint8Array,
    readonly limits: PdfLimits,
    readonly budget: WorkBudget,
    /** Oldest first; the last one is the current state of the document. */
    readonly revisions: readonly PdfRevision[],
    recovered: boolean,
    /** The value of the file's last `startxref` (−1 when the structure was recovered). */
    readonly startxref: number,
  ) {
    this.#loader = new ObjectLoader(bytes, limits, budget);
    this.#recovered = recovered;
  }

  static load(bytes: Uint8Array, options: PdfLoadOptions = {}): PdfDocument {
    const limits = resolveLimits(options.limits);
    const budget = new WorkBudget(limits.maxWork);
    const ctx: ParseContext = { bytes, limits, budget };
    // §7.5.2: the header may be preceded by junk; readers look in the first KiB.
    if (indexOfAscii(bytes, '%PDF-', 0, 1024) < 0) throw new PdfMalformedError('no %PDF- header');
    let doc: PdfDocument;
    try {
      const startxref = findStartxref(ctx);
      doc = new PdfDocument(bytes, limits, budget, groupRevisions(ctx, readXrefChain(ctx, startxref)), false, startxref);
      doc.#openSecurity(options.password);
      doc.#checkCatalog(); // a broken /Root or entry offsets mean the xref cannot be trusted
    } catch (e) {
      if (!(e instanceof PdfMalformedError)) throw e;
      const section = recoverXref(ctx);
      const rev: PdfRevision = { index: 0, sections: [section], xrefOffset: -1, end: bytes.length, trailer: section.trailer, kind: 'recovered' };
      doc = new PdfDocument(bytes, limits, budget, [rev], true, -1);
      doc.#repairIndex = section;
      doc.#openSecurity(options.password);
      doc.#checkCatalog();
    }
    return doc;
  }

  #openSecurity(password: string | undefined): void {
    const trailer = this.trailer;
    const enc = trailer.get('Encrypt');
    if (enc === undefined || enc === null) return;
    const view = this.latest;
    const dict = view.resolve(enc);
    if (!(dict instanceof PdfDict)) throw new PdfMalformedError('/Encrypt is not a dictionary');
    const id = view.resolve(trailer.get('ID'));
    const id0 = Array.isArray(id) && id[0] instanceof PdfString ? id[0].bytes : new Uint8Array(0);
    if (enc instanceof PdfRef) this.#loader.encryptNum = enc.num;
    this.#loader.security = StandardSecurityHandler.open(dict, id0, password, (o) => view.resolve(o));
  }

  #checkCatalog(): void {
    if (!(this.latest.catalog instanceof PdfDict)) throw new PdfMalformedError('no catalog');
  }

  /** True when the xref had to be rebuilt or an object repaired: do not append to such a file. */
  get recovered(): boolean {
    return this.#recovered;
  }

  /** Bytes after the end of the last revision (kept as they are by the incremental writer). */
  get trailingBytes(): number {
    return this.bytes.length - (this.revisions[this.revisions.length - 1]?.end ?? this.bytes.length);
  }

  /** The document at the end of revision `index` (0 = original). */
  revision(index: number): RevisionView {
    if (!Number.isInteger(index) || index < 0 || index >= this.revisions.length) throw new RangeError(`no revision ${index}`);
    let v = this.#views.get(index);
    if (!v) {
      v = new RevisionView(this.#loader, this.revisions.slice(0, index + 1), (num) => this.#repair(num));
      this.#views.set(index, v);
    }
    return v;
  }

  get latest(): RevisionView {
    return this.revision(this.revisions.length - 1);
  }

  get trailer(): PdfDict {
    return this.latest.trailer;
  }

  get catalog(): PdfDict {
    return this.latest.catalog;
  }

  getObject(target: PdfRef | number): PdfObject {
    return this.latest.getObject(target);
  }

  resolve(o: PdfObject | undefined): PdfObject | undefined {
    return this.latest.resolve(o);
  }

  get encryption(): EncryptionInfo | undefined {
    return this.#loader.security?.info;
  }

  /** The security handler (and file key) an incremental writer uses to encrypt appended objects. */
  get securityHandler(): StandardSecurityHandler | undefined {
    return this.#loader.security;
  }

  /** The object number of /Encrypt (its strings are never encrypted), or −1. */
  get encryptObjectNumber(): number {
    return this.#loader.encryptNum;
  }

  #repair(num: number): XrefEntry | undefined {
    if (!this.#repairIndex) this.#repairIndex = recoverXref({ bytes: this.bytes, limits: this.limits, budget: this.budget });
    const e = this.#repairIndex.get(num);
    if (e) this.#recovered = true;
    return e;
  }
}
