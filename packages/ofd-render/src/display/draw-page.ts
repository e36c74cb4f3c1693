import type { CT_Layer, Matrix, OfdPage, PageXml } from '@openseal/ofd';
import { multiply, OfdDocument } from '@openseal/ofd';
import type { WarningLog } from '../render-warning.js';
import type { Clip, DisplayList, DrawItem, ImageItem, ItemSource } from './display-list.js';
import { PageWalker, boxClip } from './page-walker.js';
import { prepareImage } from '../images/prepare-image.js';
import type { DrawContext } from './draw-context.js';
import { message } from './draw-context.js';

const LAYER_ORDER: Record<NonNullable<CT_Layer['type']>, number> = { Background: 0, Body: 1, Custom: 1, Foreground: 2 };

/**
 * Paints a page in GB/T 33190 order: background templates, the page's layers (Background, Body/Custom,
 * Foreground), foreground templates, annotations, then signature appearances (§18.2.3 StampAnnot).
 */
export async function drawPage(ctx: DrawContext, page: OfdPage, warnings: WarningLog): Promise<DisplayList> {
  const box = page.area?.physicalBox ?? { x: 0, y: 0, width: 210, height: 297 };
  const max = ctx.limits.maxPageMm;
  let width = box.width > 0 && Number.isFinite(box.width) ? box.width : 210;
  let height = box.height > 0 && Number.isFinite(box.height) ? box.height : 297;
  if (width > max || height > max) {
    warnings.add('RENDER_LIMIT_REACHED', `page of ${width} × ${height} mm cut to ${max} mm`);
    width = Math.min(width, max);
    height = Math.min(height, max);
  }
  const base: Matrix = [1, 0, 0, 1, -box.x, -box.y];
  const walker = new PageWalker({
    resources: page.resources,
    limits: ctx.limits,
    warnings,
    ...(ctx.doc.document.commonData.defaultCs === undefined ? {} : { defaultColorSpace: ctx.doc.document.commonData.defaultCs }),
    fontFace: (id) => ctx.fontFace(page, id, warnings),
    clipTextToBoundary: ctx.options.clipTextToBoundary === true,
  });
  const drawXml = (xml: PageXml, source: ItemSource): void => {
    const layers = [...xml.layers].sort((a, b) => LAYER_ORDER[a.type ?? 'Body'] - LAYER_ORDER[b.type ?? 'Body']);
    for (const layer of layers) walker.walk(layer.objects, { matrix: base, clips: [], opacity: 1, layerDrawParam: layer.drawParam, source, depth: 0 });
  };
  for (const t of page.templates) if (t.zOrder === 'Background') drawXml(t.xml, 'template');
  drawXml(page.xml, 'page');
  for (const t of page.templates) if (t.zOrder === 'Foreground') drawXml(t.xml, 'template');
  if (ctx.options.annotations !== false) drawAnnotations(ctx, page, walker, base, warnings);

  const items: DrawItem[] = walker.items;
  await resolveImages(ctx, page, walker, items, warnings);
  if (ctx.options.stamps !== false && ctx.options.stampResolver !== undefined) await drawStamps(ctx, page, base, items, warnings);
  return { width, height, items: items.filter((i) => i.kind !== 'image' || i.image.bytes.length > 0) };
}

function drawAnnotations(ctx: DrawContext, page: OfdPage, walker: PageWalker, base: Matrix, warnings: WarningLog): void {
  const { value, error } = ctx.annotations();
  if (error !== undefined) {
    warnings.add('RENDER_PART_UNREADABLE', `annotations cannot be read: ${error}`);
    return;
  }
  for (const p of value?.pages ?? []) {
    if (p.pageId !== page.id) continue;
    for (const annot of p.xml.annots) {
      if (annot.visible === false || annot.appearance === undefined) continue;
      const b = annot.appearance.boundary;
      const matrix = b === undefined ? base : multiply([1, 0, 0, 1, b.x, b.y], base);
      const clips: Clip[] = b === undefined ? [] : [boxClip(b, base, 0)];
      walker.walk(annot.appearance.objects, { matrix, clips, opacity: 1, layerDrawParam: undefined, source: 'annotation', depth: 0 });
    }
  }
}

async function resolveImages(ctx: DrawContext, page: OfdPage, walker: PageWalker, items: DrawItem[], warnings: WarningLog): Promise<void> {
  for (const pending of walker.pendingImages) {
    const r = await ctx.image(page, pending.resourceId);
    if (r.warning !== undefined) warnings.add(r.warning.code, r.warning.message, r.warning.ref);
    const item = items[pending.index] as ImageItem;
    if (r.image !== undefined) items[pending.index] = { ...item, image: r.image };
  }
}

async function drawStamps(ctx: DrawContext, page: OfdPage, base: Matrix, items: DrawItem[], warnings: WarningLog): Promise<void> {
  const { list, error } = ctx.signatures();
  if (error !== undefined) {
    warnings.add('RENDER_PART_UNREADABLE', `signatures cannot be read: ${error}`);
    return;
  }
  const resolver = ctx.options.stampResolver;
  if (list === undefined || resolver === undefined) return;
  for (const [index, sig] of list.signatures.entries()) {
    const annots = sig.xml.signedInfo.stampAnnots.filter((a) => a.pageRef === page.id);
    if (annots.length === 0) continue;
    let picture;
    try {
      picture = await resolver(index, sig);
    } catch (e) {
      warnings.add('RENDER_STAMP_UNAVAILABLE', `seal picture cannot be read: ${message(e)}`, `signature ${sig.entry.id}`);
      continue;
    }
    if (picture === undefined) {
      warnings.add('RENDER_STAMP_UNAVAILABLE', 'the signature has no seal picture', `signature ${sig.entry.id}`);
      continue;
    }
    for (const annot of annots) {
      const b = annot.boundary;
      const placement: Matrix = multiply([b.width, 0, 0, b.height, b.x, b.y], base);
      // StampAnnot@Clip is relative to the Boundary and shows only that part (riding seals).
      const clip = annot.clip === undefined ? boxClip(b, base, 0) : boxClip({ x: b.x + annot.clip.x, y: b.y + annot.clip.y, width: annot.clip.width, height: annot.clip.height }, base, 0);
      const type = picture.type.trim().toLowerCase();
      if (type === 'ofd') {
        items.push(...(await vectorSeal(ctx, picture.bytes, placement, clip, warnings, sig.entry.id)));
        continue;
      }
      const r = await prepareImage(picture.bytes, type, `seal:${sig.entry.id}`, {
        maxPixels: ctx.limits.maxImagePixels,
        ...(ctx.options.imageDecoder === undefined ? {} : { decoder: ctx.options.imageDecoder }),
      });
      if (!r.ok) {
        warnings.add(r.unsupported ? 'RENDER_IMAGE_UNSUPPORTED' : 'RENDER_IMAGE_BROKEN', `seal picture (${type}): ${r.reason}`, `signature ${sig.entry.id}`);
        continue;
      }
      items.push({ kind: 'image', matrix: placement, clips: [clip], opacity: 1, source: 'stamp', image: r.image });
    }
  }
}

/** An OFD seal picture: its first page scaled into the unit square of the stamp's space. */
async function vectorSeal(ctx: DrawContext, bytes: Uint8Array, placement: Matrix, clip: Clip, warnings: WarningLog, sigId: string): Promise<DrawItem[]> {
  if (ctx.depth >= 2) {
    warnings.add('RENDER_LIMIT_REACHED', 'a vector seal picture nested inside another was skipped', `signature ${sigId}`);
    return [];
  }
  try {
    const inner = ctx.nested(OfdDocument.read(bytes));
    const list = await inner.displayList(0);
    for (const w of list.warnings) warnings.add(w.code, `seal picture: ${w.message}`, `signature ${sigId}`);
    const toUnit: Matrix = multiply([1 / list.width, 0, 0, 1 / list.height, 0, 0], placement);
    const mapClip = (c: Clip): Clip => ({ shapes: c.shapes.map((s) => ({ ...s, matrix: multiply(s.matrix, toUnit) })) });
    return list.items.map((item) => ({ ...item, source: 'stamp' as const, matrix: multiply(item.matrix, toUnit), clips: [clip, ...item.clips.map(mapClip)] }));
  } catch (e) {
    warnings.add('RENDER_IMAGE_BROKEN', `vector seal picture cannot be read: ${message(e)}`, `signature ${sigId}`);
    return [];
  }
}
