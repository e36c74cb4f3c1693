/**
 * The fonts a PDF uses (ISO 32000-2 §9.6–9.9), like `pdffonts`: the BaseFont of every font in the
 * pages' resources and their Form XObjects, with whether a font program is embedded.
 */
import { listPages, PdfDict, PdfName, PdfStream, type PdfDocument, type PdfObject, type RevisionView } from '@openseal/pdf';

export interface PdfFontInfo {
  /** BaseFont without the subset tag ("ABCDEF+"). */
  readonly name: string;
  readonly subtype: string;
  readonly embedded: boolean;
}

const MAX_XOBJECT_DEPTH = 8;

export function listPdfFonts(doc: PdfDocument): PdfFontInfo[] {
  const view = doc.latest;
  const found = new Map<string, PdfFontInfo>();
  const seen = new Set<PdfObject>();
  const visitResources = (res: PdfObject | undefined, depth: number): void => {
    const r = view.resolve(res);
    if (!(r instanceof PdfDict) || seen.has(r) || depth > MAX_XOBJECT_DEPTH) return;
    seen.add(r);
    const fonts = view.resolve(r.get('Font'));
    if (fonts instanceof PdfDict) {
      for (const [, f] of fonts.entries()) {
        const info = fontInfo(view, view.resolve(f));
        if (info !== undefined) found.set(`${info.name}|${info.subtype}`, info);
      }
    }
    const xobjects = view.resolve(r.get('XObject'));
    if (xobjects instanceof PdfDict) {
      for (const [, x] of xobjects.entries()) {
        const s = view.resolve(x);
        if (s instanceof PdfStream && s.dict.getName('Subtype') === 'Form') visitResources(s.dict.get('Resources'), depth + 1);
      }
    }
  };
  for (const page of listPages(view)) visitResources(page.resources, 0);
  return [...found.values()];
}

function fontInfo(view: RevisionView, f: PdfObject | undefined): PdfFontInfo | undefined {
  if (!(f instanceof PdfDict)) return undefined;
  const subtype = f.getName('Subtype') ?? '';
  const base = view.resolve(f.get('BaseFont'));
  const name = base instanceof PdfName ? base.value.replace(/^[A-Z]{6}\+/, '') : '';
  // Type0 fonts describe their glyphs in the descendant CIDFont (§9.7.6).
  let descriptorOwner: PdfObject | undefined = f;
  if (subtype === 'Type0') {
    const kids = view.resolve(f.get('DescendantFonts'));
    descriptorOwner = Array.isArray(kids) ? view.resolve(kids[0]) : undefined;
  }
  const descriptor = descriptorOwner instanceof PdfDict ? view.resolve(descriptorOwner.get('FontDescriptor')) : undefined;
  const embedded = descriptor instanceof PdfDict && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(k));
  return { name, subtype, embedded: subtype === 'Type3' || embedded };
}
