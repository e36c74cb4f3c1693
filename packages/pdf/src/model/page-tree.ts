/** ISO 32000-2 §7.7.3 page tree: leaves in order, with inherited attributes (§7.7.3.4). */
import { PdfDict, PdfRef, type PdfObject } from '../core/objects.js';
import { PdfLimitExceededError, PdfMalformedError } from '../errors.js';
import type { RevisionView } from './revision-view.js';

export type Rectangle = readonly [number, number, number, number];

export interface PdfPage {
  readonly index: number;
  /** Undefined only for a (malformed) page written directly inside its parent's /Kids. */
  readonly ref: PdfRef | undefined;
  readonly dict: PdfDict;
  readonly resources: PdfDict | undefined;
  readonly mediaBox: Rectangle;
  readonly cropBox: Rectangle;
  /** 0, 90, 180 or 270. */
  readonly rotate: number;
}

interface Inherited {
  readonly resources: PdfObject | undefined;
  readonly mediaBox: PdfObject | undefined;
  readonly cropBox: PdfObject | undefined;
  readonly rotate: PdfObject | undefined;
}

// Letter size: §7.7.3.3 makes MediaBox required; readers fall back to this when it is missing.
const DEFAULT_BOX: Rectangle = [0, 0, 612, 792];

function rect(view: RevisionView, o: PdfObject | undefined): Rectangle | undefined {
  const a = view.resolve(o);
  if (!Array.isArray(a) || a.length !== 4) return undefined;
  const n = a.map((x) => view.resolve(x));
  if (!n.every((x): x is number => typeof x === 'number')) return undefined;
  const [x1, y1, x2, y2] = n as [number, number, number, number];
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}

const cache = new WeakMap<RevisionView, PdfPage[]>();

/** All pages in document order; a cycle or excessive depth in the tree is PDF_MALFORMED / a limit. */
export function listPages(view: RevisionView): readonly PdfPage[] {
  const hit = cache.get(view);
  if (hit) return hit;
  const limits = view.loader.limits;
  const pages: PdfPage[] = [];
  const onPath = new Set<number>();
  const visited = new Set<number>();
  const root = view.catalog.get('Pages');
  type Frame = { node: PdfObject | undefined; inh: Inherited; depth: number } | { leave: number };
  const stack: Frame[] = [{ node: root, inh: { resources: undefined, mediaBox: undefined, cropBox: undefined, rotate: undefined }, depth: 0 }];
  while (stack.length > 0) {
    const f = stack.pop() as Frame;
    if ('leave' in f) {
      onPath.delete(f.leave);
      continue;
    }
    if (f.depth > limits.maxDepth) throw new PdfLimitExceededError('maxDepth', limits.maxDepth, { in: 'page tree' });
    const ref = f.node instanceof PdfRef ? f.node : undefined;
    if (ref) {
      if (onPath.has(ref.num)) throw new PdfMalformedError('page tree contains a cycle', { num: ref.num });
      if (visited.has(ref.num)) throw new PdfMalformedError('page tree node appears twice', { num: ref.num });
      visited.add(ref.num);
    }
    const node = view.resolve(f.node);
    if (!(node instanceof PdfDict)) continue; // §7.3.10: a missing kid is null; skip it as readers do
    const inh: Inherited = {
      resources: node.get('Resources') ?? f.inh.resources,
      mediaBox: node.get('MediaBox') ?? f.inh.mediaBox,
      cropBox: node.get('CropBox') ?? f.inh.cropBox,
      rotate: node.get('Rotate') ?? f.inh.rotate,
    };
    const kids = view.resolve(node.get('Kids'));
    const type = node.getName('Type');
    if (type === 'Page' || (type !== 'Pages' && !Array.isArray(kids))) {
      if (pages.length >= limits.maxPages) throw new PdfLimitExceededError('maxPages', limits.maxPages);
      const mediaBox = rect(view, inh.mediaBox) ?? DEFAULT_BOX;
      const crop = rect(view, inh.cropBox) ?? mediaBox;
      const r = view.resolve(inh.rotate);
      const rotate = typeof r === 'number' && Number.isInteger(r) && r % 90 === 0 ? (((r % 360) + 360) % 360) : 0;
      const res = view.resolve(inh.resources);
      // §14.11.2: the crop box is clipped to the media box.
      const cropBox: Rectangle = [Math.max(crop[0], mediaBox[0]), Math.max(crop[1], mediaBox[1]), Math.min(crop[2], mediaBox[2]), Math.min(crop[3], mediaBox[3])];
      pages.push({ index: pages.length, ref, dict: node, resources: res instanceof PdfDict ? res : undefined, mediaBox, cropBox, rotate });
      continue;
    }
    if (!Array.isArray(kids)) continue;
    if (ref) {
      onPath.add(ref.num);
      stack.push({ leave: ref.num });
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], inh, depth: f.depth + 1 });
  }
  cache.set(view, pages);
  return pages;
}

export function pageCount(view: RevisionView): number {
  return listPages(view).length;
}

/** The page at `index` (0-based); RangeError when out of range. */
export function getPage(view: RevisionView, index: number): PdfPage {
  const p = listPages(view)[index];
  if (!p) throw new RangeError(`no page ${index}`);
  return p;
}

/** Index of the page whose object number is `num`, or −1. */
export function pageIndexOf(view: RevisionView, num: number): number {
  return listPages(view).findIndex((p) => p.ref?.num === num);
}
