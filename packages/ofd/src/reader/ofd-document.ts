import { InvalidArgumentError } from '@openseal/kernel';
import { OfdMissingPartError } from '../errors.js';
import type { AnnotationsXml, PageAnnotXml } from '../model/annotations-xml.js';
import { parseAnnotationsXml, parsePageAnnotXml } from '../model/annotations-xml.js';
import type { AttachmentsXml, CT_Attachment, CustomTagsXml } from '../model/attachments-xml.js';
import { parseAttachmentsXml, parseCustomTagsXml } from '../model/attachments-xml.js';
import type { CT_PageArea } from '../model/ct-page-area.js';
import type { DocumentXml } from '../model/document-xml.js';
import { parseDocumentXml } from '../model/document-xml.js';
import type { DocBody, OfdXml } from '../model/ofd-xml.js';
import { parseOfdXml } from '../model/ofd-xml.js';
import type { PageXml } from '../model/page-xml.js';
import { parsePageXml } from '../model/page-xml.js';
import { parseResXml } from '../model/res-xml.js';
import type { ReadContext } from '../model/xml-read.js';
import type { OfdPackageLimits } from '../package/package-limits.js';
import { OfdPackage } from '../package/ofd-package.js';
import { dirOf, resolveLoc } from '../package/st-loc.js';
import type { XmlElement } from '../xml/xml-element.js';
import type { XmlLimits } from '../xml/xml-limits.js';
import { parseXml } from '../xml/parse-xml.js';
import type { ResFile } from './resource-table.js';
import { ResourceTable } from './resource-table.js';
import type { TextRun } from './text-runs.js';
import { layoutTextRuns } from './text-runs.js';
import { readSignatures } from './read-signatures.js';
import type { SignatureList } from './read-signatures.js';

export interface OfdReadOptions {
  readonly limits?: Partial<OfdPackageLimits>;
  readonly xmlLimits?: Partial<XmlLimits>;
  /** Which DocBody of OFD.xml to open (default 0). */
  readonly docIndex?: number;
}

/** Something the reader tolerated instead of failing: a declared resource file that is not in the package. */
export interface OfdWarning {
  readonly code: 'OFD_MISSING_PART';
  readonly path: string;
  readonly referencedFrom: string;
}

export interface PageEntry {
  readonly index: number;
  readonly id: number;
  /** Package path of the page's Content.xml. */
  readonly path: string;
}

export interface TemplateUse {
  readonly id: number;
  readonly path: string;
  readonly zOrder: 'Background' | 'Foreground';
  readonly xml: PageXml;
}

/** A parsed page with what it draws from: its templates, effective area and visible resources. */
export interface OfdPage extends PageEntry {
  readonly xml: PageXml;
  /** The page's Area, else the document's PageArea. */
  readonly area: CT_PageArea | undefined;
  readonly templates: readonly TemplateUse[];
  readonly resources: ResourceTable;
}

/**
 * An opened OFD document: OFD.xml → DocBody → Document.xml (GB/T 33190 §7.4), with its resources.
 * Pages, annotations and signatures are parsed when asked for, so large documents stay light.
 */
export class OfdDocument {
  readonly ofd: OfdXml;
  readonly body: DocBody;
  readonly documentPath: string;
  readonly document: DocumentXml;
  readonly resources: ResourceTable;
  /** Declared Res files that are missing (real producers write PublicRes entries they never store). */
  readonly warnings: OfdWarning[] = [];
  readonly #xmlLimits: Partial<XmlLimits>;
  #pages: readonly PageEntry[] | undefined;

  private constructor(readonly pkg: OfdPackage, options: OfdReadOptions) {
    this.#xmlLimits = options.xmlLimits ?? {};
    this.ofd = parseOfdXml(this.readXml('OFD.xml'), { part: 'OFD.xml' });
    const docIndex = options.docIndex ?? 0;
    const body = this.ofd.docBodies[docIndex];
    if (body === undefined) throw new InvalidArgumentError(`OFD.xml has no DocBody ${docIndex}`, { docIndex });
    this.body = body;
    this.documentPath = resolveLoc(body.docRoot, '');
    this.document = parseDocumentXml(this.readXml(this.documentPath, 'OFD.xml'), this.ctx(this.documentPath));
    const docDir = dirOf(this.documentPath);
    const cd = this.document.commonData;
    this.resources = new ResourceTable(this.readResList([...cd.publicRes, ...cd.documentRes], docDir, this.documentPath), pkg);
  }

  static open(pkg: OfdPackage, options: OfdReadOptions = {}): OfdDocument {
    return new OfdDocument(pkg, options);
  }

  /** Opens package bytes: OfdPackage.read with `limits`, then the document. */
  static read(bytes: Uint8Array, options: OfdReadOptions = {}): OfdDocument {
    return new OfdDocument(OfdPackage.read(bytes, options.limits === undefined ? {} : { limits: options.limits }), options);
  }

  /** Parses a package part as XML with this document's limits (OFD_MISSING_PART when absent). */
  readXml(path: string, referencedFrom?: string): XmlElement {
    const entry = this.pkg.entry(path);
    if (entry === undefined) throw new OfdMissingPartError(path, referencedFrom);
    return parseXml(entry.bytes, entry.path, this.#xmlLimits);
  }

  get pageCount(): number {
    return this.document.pages.length;
  }

  /** Pages in document order with their Content.xml paths (resolved once). */
  get pages(): readonly PageEntry[] {
    if (this.#pages === undefined) {
      const dir = dirOf(this.documentPath);
      this.#pages = this.document.pages.map((p, index) => ({ index, id: p.id, path: resolveLoc(p.baseLoc, dir) }));
    }
    return this.#pages;
  }

  /** Index of the page with this ST_ID (StampAnnot@PageRef, Annotations Page@PageID), or -1. */
  pageIndexById(id: number): number {
    return this.document.pages.findIndex((p) => p.id === id);
  }

  page(index: number): OfdPage {
    const entry = this.pages[index];
    if (entry === undefined) throw new InvalidArgumentError(`no page ${index} (the document has ${this.pageCount})`, { index });
    const xml = parsePageXml(this.readXml(entry.path, this.documentPath), this.ctx(entry.path));
    const docDir = dirOf(this.documentPath);
    const templates = xml.templates.map((ref): TemplateUse => {
      const tpl = this.document.commonData.templatePages.find((t) => t.id === ref.templateId);
      if (tpl === undefined) throw new OfdMissingPartError(`TemplatePage ${ref.templateId}`, entry.path);
      const path = resolveLoc(tpl.baseLoc, docDir);
      const tplXml = parsePageXml(this.readXml(path, this.documentPath), this.ctx(path));
      return { id: tpl.id, path, zOrder: ref.zOrder ?? tpl.zOrder ?? 'Background', xml: tplXml };
    });
    const pageRes = this.readResList(xml.pageRes, dirOf(entry.path), entry.path);
    const resources = pageRes.length === 0 ? this.resources : new ResourceTable([...this.resources.files, ...pageRes], this.pkg);
    return { ...entry, xml, area: xml.area ?? this.document.commonData.pageArea, templates, resources };
  }

  /** Text with glyph positions in page mm: background templates, the page, then foreground templates. */
  textRuns(index: number): TextRun[] {
    const page = this.page(index);
    const tpl = (z: 'Background' | 'Foreground'): TextRun[] =>
      page.templates.filter((t) => t.zOrder === z).flatMap((t) => layoutTextRuns(t.xml, 'template'));
    return [...tpl('Background'), ...layoutTextRuns(page.xml, 'page'), ...tpl('Foreground')];
  }

  /** The page's text in reading order of the file (runs joined by newlines). */
  pageText(index: number): string {
    return this.textRuns(index).map((r) => r.text).join('\n');
  }

  annotations(): { path: string; xml: AnnotationsXml; pages: Array<{ pageId: number; path: string; xml: PageAnnotXml }> } | undefined {
    if (this.document.annotations === undefined) return undefined;
    const path = resolveLoc(this.document.annotations, dirOf(this.documentPath));
    const xml = parseAnnotationsXml(this.readXml(path, this.documentPath), this.ctx(path));
    const pages = xml.pages.map((p) => {
      const filePath = resolveLoc(p.fileLoc, dirOf(path));
      return { pageId: p.pageId, path: filePath, xml: parsePageAnnotXml(this.readXml(filePath, path), this.ctx(filePath)) };
    });
    return { path, xml, pages };
  }

  attachments(): { path: string; xml: AttachmentsXml; files: Array<{ attachment: CT_Attachment; path: string }> } | undefined {
    if (this.document.attachments === undefined) return undefined;
    const path = resolveLoc(this.document.attachments, dirOf(this.documentPath));
    const xml = parseAttachmentsXml(this.readXml(path, this.documentPath), this.ctx(path));
    return { path, xml, files: xml.attachments.map((a) => ({ attachment: a, path: resolveLoc(a.fileLoc, dirOf(path)) })) };
  }

  customTags(): { path: string; xml: CustomTagsXml; files: string[] } | undefined {
    if (this.document.customTags === undefined) return undefined;
    const path = resolveLoc(this.document.customTags, dirOf(this.documentPath));
    const xml = parseCustomTagsXml(this.readXml(path, this.documentPath), this.ctx(path));
    return { path, xml, files: xml.tags.map((t) => resolveLoc(t.fileLoc, dirOf(path))) };
  }

  /** Signatures.xml and each Signature.xml as plain data (the seal engine verifies them). */
  signatures(): SignatureList | undefined {
    if (this.body.signatures === undefined) return undefined;
    return readSignatures(this.body.signatures, (path, from) => this.readXml(path, from));
  }

  private readResList(locs: readonly string[], baseDir: string, referencedFrom: string): ResFile[] {
    const files: ResFile[] = [];
    for (const loc of locs) {
      const path = resolveLoc(loc, baseDir);
      if (!this.pkg.has(path)) {
        if (!this.warnings.some((w) => w.path === path)) this.warnings.push({ code: 'OFD_MISSING_PART', path, referencedFrom });
        continue;
      }
      files.push({ path, xml: parseResXml(this.readXml(path, referencedFrom), this.ctx(path)) });
    }
    return files;
  }

  private ctx(part: string): ReadContext {
    return { part };
  }
}
