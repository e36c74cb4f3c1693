import { crc32, deflateSync } from 'node:zlib';

/**
 * Draws a demo seal picture: a red ring with a five-pointed star (国发〔1999〕25号: round seals, a star
 * for organisations without a national emblem), transparent background, as an RGBA PNG. The organisation
 * name along the rim needs a font renderer and is not drawn. Demo use only.
 */
export function drawSealPicture(sizePx = 480): Uint8Array {
  const rgba = new Uint8Array(sizePx * sizePx * 4);
  const c = sizePx / 2;
  const outer = sizePx * 0.48;
  const inner = outer - sizePx * 0.04;
  const star = starPolygon(c, c, sizePx * 0.17, sizePx * 0.17 * 0.382);
  const samples = 4;
  for (let y = 0; y < sizePx; y++) {
    for (let x = 0; x < sizePx; x++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          const d = Math.hypot(px - c, py - c);
          if ((d <= outer && d >= inner) || insidePolygon(star, px, py)) hits++;
        }
      }
      if (hits === 0) continue;
      const i = (y * sizePx + x) * 4;
      rgba.set([230, 0, 18, Math.round((255 * hits) / (samples * samples))], i);
    }
  }
  return encodePng(rgba, sizePx, sizePx);
}

function starPolygon(cx: number, cy: number, r: number, ri: number): Array<[number, number]> {
  const pts: Array<[number, number]> = [];
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rad = k % 2 === 0 ? r : ri;
    pts.push([cx + rad * Math.cos(a), cy + rad * Math.sin(a)]);
  }
  return pts;
}

function insidePolygon(poly: ReadonlyArray<[number, number]>, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] as [number, number];
    const [xj, yj] = poly[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** PNG (ISO/IEC 15948): signature, IHDR (8-bit RGBA), one IDAT (filter 0 per row), IEND. */
function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const raw = new Uint8Array(height * (1 + width * 4));
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (1 + width * 4) + 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(td.length + 8);
    out.writeUInt32BE(data.length, 0);
    td.copy(out, 4);
    out.writeUInt32BE(crc32(td), td.length + 4);
    return out;
  };
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]));
}

/** Pixel size of a PNG (IHDR), GIF (logical screen) or JPEG (SOFn); undefined for other formats. */
export function pictureSize(data: Uint8Array): { width: number; height: number } | undefined {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length >= 24 && data[0] === 0x89 && data[1] === 0x50) return { width: v.getUint32(16), height: v.getUint32(20) };
  if (data.length >= 10 && data[0] === 0x47 && data[1] === 0x49 && data[2] === 0x46) return { width: v.getUint16(6, true), height: v.getUint16(8, true) };
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    let p = 2;
    while (p + 9 < data.length && data[p] === 0xff) {
      const marker = data[p + 1] as number;
      const len = v.getUint16(p + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { width: v.getUint16(p + 7), height: v.getUint16(p + 5) };
      p += 2 + len;
    }
  }
  return undefined;
}
