/**
 * Test-only incremental edits made after signing (what a later tool or an attacker might append):
 * page content changes, annotations, form fills. Each returns the file with one more revision.
 */
import { IncrementalWriter, PdfDict, PdfDocument, PdfStream, PdfString, getPage, listFields, name, type PdfRef } from '@openseal/pdf';
import { SeededRandom } from '@openseal/kernel';

function edit(bytes: Uint8Array, change: (w: IncrementalWriter, doc: PdfDocument) => void, password?: string): Uint8Array {
  const doc = PdfDocument.load(bytes, password === undefined ? {} : { password });
  const w = new IncrementalWriter(doc, { random: new SeededRandom(3) });
  change(w, doc);
  return w.write().toBytes();
}

/** Replaces page `pageIndex`'s content with text of our own (a content change, never allowed). */
export function replacePageContent(bytes: Uint8Array, pageIndex = 0): Uint8Array {
  return edit(bytes, (w, doc) => {
    const page = getPage(doc.latest, pageIndex);
    const content = w.add(new PdfStream(new PdfDict(), new TextEncoder().encode('BT /F1 24 Tf 72 700 Td (PAY 1,000,000) Tj ET')));
    const dict = page.dict.clone().set('Contents', content);
    w.set(page.ref as PdfRef, dict);
  });
}

/** Adds a text (sticky note) annotation to a page. */
export function addTextAnnotation(bytes: Uint8Array, pageIndex = 0): Uint8Array {
  return edit(bytes, (w, doc) => {
    const view = doc.latest;
    const page = getPage(view, pageIndex);
    const annot = w.add(
      new PdfDict([
        ['Type', name('Annot')],
        ['Subtype', name('Text')],
        ['Rect', [100, 100, 120, 120]],
        ['Contents', PdfString.fromText('a comment')],
        ['P', page.ref as PdfRef],
      ]),
    );
    const annots = view.resolve(page.dict.get('Annots'));
    const dict = page.dict.clone().set('Annots', [...(Array.isArray(annots) ? annots : []), annot]);
    w.set(page.ref as PdfRef, dict);
  });
}

/** Sets the value of a text field (a form fill). */
export function fillTextField(bytes: Uint8Array, field: string, value: string): Uint8Array {
  return edit(bytes, (w, doc) => {
    const f = listFields(doc.latest).find((x) => x.name === field);
    if (!f?.ref) throw new Error(`no field ${field}`);
    w.set(f.ref, f.dict.clone().set('V', PdfString.fromText(value)));
  });
}

/** Changes the document information dictionary (metadata, tolerated). */
export function touchInfo(bytes: Uint8Array): Uint8Array {
  return edit(bytes, (w) => {
    const info = w.add(new PdfDict([['Producer', PdfString.fromText('some editor')]]));
    w.setTrailer('Info', info);
  });
}

/** Flips one byte (XOR 0x01) at `offset` in a copy. */
export function flipByte(bytes: Uint8Array, offset: number): Uint8Array {
  const out = bytes.slice();
  out[offset] = (out[offset] as number) ^ 0x01;
  return out;
}

/** An offset inside the first signed range of the last signature, away from the header. */
export function byteInsideRange(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  const m = [...text.matchAll(/\/ByteRange\s*\[\s*0\s+(\d+)/g)].pop();
  const first = m ? Number(m[1]) : 100;
  return Math.min(first - 10, Math.max(20, Math.floor(first / 2)));
}
