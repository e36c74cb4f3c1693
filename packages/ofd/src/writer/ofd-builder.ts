import type { RandomSource } from '@openseal/kernel';
import { InvalidArgumentError, toHex } from '@openseal/kernel';
import type { CT_DocInfo } from '../model/ofd-xml.js';
import type { CT_ColorSpace, CT_Font, CT_MultiMedia, ResXml } from '../model/res-xml.js';
import type { PageXml } from '../model/page-xml.js';
import { checkEntryName } from '../package/entry-name.js';
import { fontExtension, sniffImage } from './media-type.js';
import type { OfdModel } from './ofd-model.js';
import { PageBuilder } from './page-builder.js';
import type { WriteOfdOptions } from './write-ofd.js';
import { writeOfd } from './write-ofd.js';

export interface OfdBuilderOptions {
  /** Default page size in mm (Document PageArea); A4 = 210 × 297. */
  readonly pageSize?: { readonly width: number; readonly height: number };
  /** DocInfo fields. DocID is required by OFD.xsd: give `docInfo.docId`, or a `random` source to make one. */
  readonly docInfo?: CT_DocInfo;
  readonly random?: RandomSource;
  /** Written as DocInfo/CreationDate (xs:date, UTC) unless docInfo has one. */
  readonly creationDate?: Date;
}

export interface FontInput {
  readonly fontName: string;
  readonly familyName?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly serif?: boolean;
  readonly fixedWidth?: boolean;
  readonly charset?: string;
  /** An embedded TrueType/OpenType file (subsetting is up to the caller). */
  readonly file?: { readonly bytes: Uint8Array; readonly fileName?: string };
}

export interface ImageResourceInput {
  readonly bytes: Uint8Array;
  /** MultiMedia@Format; sniffed from the bytes when absent (PNG, JPEG, BMP, GIF, TIFF). */
  readonly format?: string;
  readonly fileName?: string;
}

const DOC_DIR = 'Doc_0';

/**
 * Builds a new OFD document in the conventional layout (OFD.xml, Doc_0/Document.xml, PublicRes.xml with
 * fonts and colour spaces, DocumentRes.xml with images, Doc_0/Pages/Page_N/Content.xml, Doc_0/Res/*).
 * IDs come from one counter, so they are unique across the document and MaxUnitID is the last one.
 */
export class OfdBuilder {
  #lastId = 0;
  readonly #pageSize: { width: number; height: number };
  readonly #publicRes: ResXml = { baseLoc: 'Res', colorSpaces: [], drawParams: [], fonts: [], multiMedias: [], compositeGraphicUnits: [] };
  readonly #documentRes: ResXml = { baseLoc: 'Res', colorSpaces: [], drawParams: [], fonts: [], multiMedias: [], compositeGraphicUnits: [] };
  readonly #files = new Map<string, Uint8Array>();
  readonly #pages: PageBuilder[] = [];
  readonly #colorSpaces = new Map<string, number>();
  readonly #docInfo: CT_DocInfo;

  constructor(options: OfdBuilderOptions = {}) {
    const size = options.pageSize ?? { width: 210, height: 297 };
    checkSize(size.width, size.height);
    this.#pageSize = { ...size };
    const docInfo: CT_DocInfo = { ...options.docInfo };
    if (docInfo.docId === undefined) {
      if (options.random === undefined) throw new InvalidArgumentError('OFD.xml needs a DocID: pass docInfo.docId or a random source');
      docInfo.docId = toHex(options.random.bytes(16));
    }
    if (docInfo.creationDate === undefined && options.creationDate !== undefined) {
      docInfo.creationDate = options.creationDate.toISOString().slice(0, 10);
    }
    this.#docInfo = docInfo;
  }

  addFont(font: FontInput): number {
    const id = this.nextId();
    const f: CT_Font = { id, fontName: font.fontName };
    if (font.familyName !== undefined) f.familyName = font.familyName;
    if (font.charset !== undefined) f.charset = font.charset;
    if (font.italic !== undefined) f.italic = font.italic;
    if (font.bold !== undefined) f.bold = font.bold;
    if (font.serif !== undefined) f.serif = font.serif;
    if (font.fixedWidth !== undefined) f.fixedWidth = font.fixedWidth;
    if (font.file !== undefined) f.fontFile = this.addResFile(font.file.fileName ?? `font_${id}.${fontExtension(font.file.bytes)}`, font.file.bytes);
    this.#publicRes.fonts.push(f);
    return id;
  }

  addImage(image: ImageResourceInput): number {
    const sniffed = sniffImage(image.bytes);
    const format = image.format ?? sniffed?.format;
    if (format === undefined) throw new InvalidArgumentError('unknown image format: pass `format`');
    const id = this.nextId();
    const fileName = image.fileName ?? `image_${id}.${sniffed?.ext ?? format.toLowerCase()}`;
    const media: CT_MultiMedia = { id, type: 'Image', format, mediaFile: this.addResFile(fileName, image.bytes) };
    this.#documentRes.multiMedias.push(media);
    return id;
  }

  /** Adds a page (default size: the document's); draw on the returned PageBuilder. */
  addPage(size?: { readonly width: number; readonly height: number }): PageBuilder {
    const width = size?.width ?? this.#pageSize.width;
    const height = size?.height ?? this.#pageSize.height;
    checkSize(width, height);
    const differs = width !== this.#pageSize.width || height !== this.#pageSize.height;
    const page = new PageBuilder(
      this.nextId(),
      this.#pages.length,
      width,
      height,
      { nextId: () => this.nextId(), colorSpaceFor: (type) => this.colorSpaceFor(type) },
      differs ? { physicalBox: { x: 0, y: 0, width, height } } : undefined,
    );
    this.#pages.push(page);
    return page;
  }

  /** The document model as written (IDs final, MaxUnitID = the last ID issued). */
  build(): OfdModel {
    if (this.#pages.length === 0) throw new InvalidArgumentError('an OFD document needs at least one page');
    const hasPublic = this.#publicRes.fonts.length > 0 || this.#publicRes.colorSpaces.length > 0;
    const hasDocument = this.#documentRes.multiMedias.length > 0;
    const pages: PageXml[] = this.#pages.map((p) => structuredClone(p.xml));
    return {
      ofd: { version: '1.0', docType: 'OFD', docBodies: [{ docInfo: { ...this.#docInfo }, docRoot: `${DOC_DIR}/Document.xml` }] },
      document: {
        commonData: {
          maxUnitId: this.#lastId,
          pageArea: { physicalBox: { x: 0, y: 0, width: this.#pageSize.width, height: this.#pageSize.height } },
          publicRes: hasPublic ? ['PublicRes.xml'] : [],
          documentRes: hasDocument ? ['DocumentRes.xml'] : [],
          templatePages: [],
        },
        pages: this.#pages.map((p) => ({ id: p.id, baseLoc: `Pages/Page_${p.index}/Content.xml` })),
      },
      ...(hasPublic ? { publicRes: structuredClone(this.#publicRes) } : {}),
      ...(hasDocument ? { documentRes: structuredClone(this.#documentRes) } : {}),
      pages,
      files: new Map(this.#files),
    };
  }

  /** build() then writeOfd(). */
  toBytes(options: WriteOfdOptions = {}): Uint8Array {
    return writeOfd(this.build(), options);
  }

  private nextId(): number {
    this.#lastId += 1;
    return this.#lastId;
  }

  private colorSpaceFor(type: 'GRAY' | 'CMYK'): number {
    const existing = this.#colorSpaces.get(type);
    if (existing !== undefined) return existing;
    const cs: CT_ColorSpace = { id: this.nextId(), type, bitsPerComponent: 8 };
    this.#publicRes.colorSpaces.push(cs);
    this.#colorSpaces.set(type, cs.id);
    return cs.id;
  }

  private addResFile(fileName: string, bytes: Uint8Array): string {
    if (fileName.includes('/')) throw new InvalidArgumentError(`resource file names are plain names: ${fileName}`);
    const path = checkEntryName(`${DOC_DIR}/Res/${fileName}`).path;
    if ([...this.#files.keys()].some((k) => k.toLowerCase() === path.toLowerCase())) {
      throw new InvalidArgumentError(`resource file ${fileName} added twice`);
    }
    this.#files.set(path, bytes);
    return fileName;
  }
}

function checkSize(width: number, height: number): void {
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new InvalidArgumentError(`page size must be positive millimetres, got ${width} × ${height}`);
  }
}
