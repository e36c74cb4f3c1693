import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePng } from '@openseal/images';
import { SeededRandom } from '@openseal/kernel';
import { OfdBuilder } from '@openseal/ofd';
import { tempDir } from '../../../testing/support/openssl.js';
import { execFileSync } from 'node:child_process';
import { runCli } from './run-cli.js';

const tmp = tempDir('openseal-tiff-');
afterAll(() => tmp.cleanup());

describe('openseal render with a TIFF image in the OFD', () => {
  it('draws the TIFF (decoded by the host) where the ImageObject is', async () => {
    // A red 40×20 px TIFF made by ImageMagick, placed at 20,20 mm, 80×40 mm on an A4 page.
    execFileSync('/usr/bin/convert', ['-size', '40x20', 'xc:#ff0000', '-compress', 'lzw', tmp.path('red.tif')]);
    const builder = new OfdBuilder({ random: new SeededRandom(3) });
    const image = builder.addImage({ bytes: new Uint8Array(readFileSync(tmp.path('red.tif'))), format: 'TIFF', fileName: 'red.tif' });
    builder.addPage().image({ resource: image, x: 20, y: 20, width: 80, height: 40 });
    writeFileSync(tmp.path('t.ofd'), builder.toBytes());
    const r = await runCli(['render', tmp.path('t.ofd'), '--page', '1', '--dpi', '25.4', '-o', tmp.path('t.png')]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/no decoder/);
    const png = decodePng(new Uint8Array(readFileSync(tmp.path('t.png'))));
    // 25.4 dpi → 1 px per mm: inside the box red, outside white
    const at = (x: number, y: number) => Array.from(png.pixels.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3));
    expect(at(60, 40)).toEqual([255, 0, 0]);
    expect(at(10, 10)).toEqual([255, 255, 255]);
    expect(at(150, 100)).toEqual([255, 255, 255]);
  });
});
