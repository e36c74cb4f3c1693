import { describe, expect, it } from 'vitest';
import type { PageObject } from '@openseal/ofd';
import { OfdBuilder, OfdDocument, updatePackage } from '@openseal/ofd';
import { OfdRenderContext, displayListToSvg } from '@openseal/ofd-render';

const DOC_ID = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';

function builder(): OfdBuilder {
  return new OfdBuilder({ docInfo: { docId: DOC_ID } });
}

const line = { commands: [{ op: 'M' as const, x: 10, y: 10 }, { op: 'L' as const, x: 100, y: 10 }] };

describe('bad input: draws what it can, reports the rest', () => {
  it('reports an undeclared font and image and still draws the path', async () => {
    const b = builder();
    const page = b.addPage();
    page.path(line);
    page.text({ text: '缺字体', font: 999, size: 5, x: 20, y: 40 });
    page.object({ kind: 'ImageObject', boundary: { x: 10, y: 50, width: 20, height: 20 }, ctm: [20, 0, 0, 20, 0, 0], resourceId: 998 });
    const list = await new OfdRenderContext(OfdDocument.read(b.toBytes())).displayList(0);
    expect(list.items.map((i) => i.kind)).toEqual(['path', 'text']);
    expect(list.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['RENDER_MISSING_RESOURCE']));
    expect(list.warnings.some((w) => /image resource 998/.test(w.message))).toBe(true);
    expect(list.warnings.some((w) => /font 999/.test(w.message))).toBe(true);
  });

  it('reports broken and undecodable images', async () => {
    const b = builder();
    const broken = b.addImage({ bytes: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 1, 2, 3), format: 'PNG' });
    const tiff = b.addImage({ bytes: Uint8Array.of(0x49, 0x49, 0x2a, 0, 8, 0, 0, 0), format: 'TIFF' });
    const page = b.addPage();
    page.image({ resource: broken, x: 0, y: 0, width: 10, height: 10 });
    page.image({ resource: tiff, x: 20, y: 0, width: 10, height: 10 });
    page.path(line);
    const list = await new OfdRenderContext(OfdDocument.read(b.toBytes())).displayList(0);
    expect(list.items.map((i) => i.kind)).toEqual(['path']);
    expect(list.warnings.map((w) => w.code).sort()).toEqual(['RENDER_IMAGE_BROKEN', 'RENDER_IMAGE_UNSUPPORTED']);
  });

  it('cuts a kilometre-sized page to the page limit', async () => {
    const b = builder();
    b.addPage({ width: 1_000_000, height: 1_000_000 }).path(line);
    const list = await new OfdRenderContext(OfdDocument.read(b.toBytes())).displayList(0);
    expect(list.width).toBe(5000);
    expect(list.warnings.map((w) => w.code)).toContain('RENDER_LIMIT_REACHED');
  });

  it('stops at the nesting limit for deeply nested page blocks without overflowing the stack', async () => {
    let o: PageObject = { kind: 'PathObject', boundary: { x: 0, y: 0, width: 100, height: 20 }, abbreviatedData: [{ op: 'M', x: 0, y: 10 }, { op: 'L', x: 90, y: 10 }] };
    for (let i = 0; i < 60; i++) o = { kind: 'PageBlock', objects: [o] };
    const b = builder();
    const page = b.addPage();
    page.path(line);
    page.object(o);
    const list = await new OfdRenderContext(OfdDocument.read(b.toBytes())).displayList(0);
    expect(list.items).toHaveLength(1);
    expect(list.warnings.map((w) => w.code)).toContain('RENDER_LIMIT_REACHED');
  });

  it('ignores clip stacks deeper than the limit and caps the number of items', async () => {
    const clip = { areas: [{ shape: { kind: 'Path' as const, path: { boundary: { x: 0, y: 0, width: 50, height: 50 }, abbreviatedData: [{ op: 'M' as const, x: 0, y: 0 }, { op: 'L' as const, x: 50, y: 0 }, { op: 'L' as const, x: 50, y: 50 }, { op: 'C' as const }] } } }] };
    const b = builder();
    const page = b.addPage();
    page.object({ kind: 'PathObject', boundary: { x: 0, y: 0, width: 50, height: 50 }, clips: Array.from({ length: 500 }, () => clip), abbreviatedData: line.commands });
    for (let i = 0; i < 50; i++) page.path(line);
    const list = await new OfdRenderContext(OfdDocument.read(b.toBytes()), { limits: { maxItems: 10 } }).displayList(0);
    expect(list.items).toHaveLength(10);
    expect(list.items[0]?.clips.length).toBe(1);
    expect(list.warnings.map((w) => w.code)).toContain('RENDER_LIMIT_REACHED');
    expect(() => displayListToSvg(list)).not.toThrow();
  });

  it('reports an unreadable page or a missing image file instead of throwing, and rejects a page index out of range', async () => {
    const b = builder();
    const img = b.addImage({ bytes: Uint8Array.of(0xff, 0xd8, 0xff, 0xd9), format: 'JPEG', fileName: 'gone.jpg' });
    b.addPage().path(line);
    b.addPage().image({ resource: img, x: 0, y: 0, width: 5, height: 5 });
    const good = OfdDocument.read(b.toBytes());
    const bytes = updatePackage(good.pkg, { put: { 'Doc_0/Pages/Page_0/Content.xml': new TextEncoder().encode('<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content>') }, remove: ['Doc_0/Res/gone.jpg'] });
    const ctx = new OfdRenderContext(OfdDocument.read(bytes));
    const first = await ctx.displayList(0);
    expect(first.items).toEqual([]);
    expect(first.warnings.map((w) => w.code)).toEqual(['RENDER_PART_UNREADABLE']);
    const second = await ctx.displayList(1);
    expect(second.items).toEqual([]);
    expect(second.warnings.map((w) => w.code)).toEqual(['RENDER_MISSING_RESOURCE']);
    await expect(ctx.displayList(5)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
