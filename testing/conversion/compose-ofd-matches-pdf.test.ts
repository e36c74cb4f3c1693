// The OFD and the PDF of a composed official document look the same: OFD rendered by OpenSeal's OFD
// renderer (apps/cli `render`), PDF by poppler, both at 100 dpi; their ink masks must overlap.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePng } from '@openseal/images';
import { composeOfficialDocument, officialTemplate } from '@openseal/layout';
import { afterAll, expect, it } from 'vitest';
import { processContext } from '../../apps/cli/src/context.js';
import { main } from '../../apps/cli/src/main.js';
import { testFonts } from '../../packages/layout/test/support/test-fonts.js';

const tmp = mkdtempSync(join(tmpdir(), 'openseal-ofd-pdf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function inkMask(png: Uint8Array): { w: number; h: number; ink: Uint8Array } {
  const img = decodePng(png);
  const ink = new Uint8Array(img.width * img.height);
  for (let i = 0; i < ink.length; i++) {
    const [r, g, b] = [img.pixels[i * 4] as number, img.pixels[i * 4 + 1] as number, img.pixels[i * 4 + 2] as number];
    ink[i] = r + g + b < 3 * 160 || (r > 150 && g < 110 && b < 110) ? 1 : 0;
  }
  return { w: img.width, h: img.height, ink };
}

/** Share of ink pixels of `a` that have ink in `b` within `radius` pixels. */
function covered(a: ReturnType<typeof inkMask>, b: ReturnType<typeof inkMask>, radius: number): number {
  let n = 0, hit = 0;
  for (let y = 0; y < a.h; y++) {
    for (let x = 0; x < a.w; x++) {
      if (!a.ink[y * a.w + x]) continue;
      n++;
      search: for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const yy = y + dy, xx = x + dx;
          if (yy >= 0 && yy < b.h && xx >= 0 && xx < b.w && b.ink[yy * b.w + xx]) { hit++; break search; }
        }
      }
    }
  }
  return n === 0 ? 1 : hit / n;
}

it('renders the composed OFD like the composed PDF (ink overlaps within 2 px at 100 dpi)', async () => {
  const doc = composeOfficialDocument({
    documentNumber: '某府发〔2026〕12号', title: '关于电子印章管理的通知', mainRecipients: '各区县人民政府',
    body: ['为规范电子印章的制作、使用和管理，保障电子公文的真实性、完整性和有效性，现就有关事项通知如下。'], date: '2026-11-25',
    copyTo: '市委办公厅', printedBy: '某某市人民政府办公室', printedDate: '2026-11-26',
  }, officialTemplate({ organisations: ['某某市人民政府'] }), testFonts(), { docId: '0'.repeat(32) });
  writeFileSync(join(tmp, 'd.pdf'), doc.pdf);
  writeFileSync(join(tmp, 'd.ofd'), doc.ofd);
  execFileSync('pdftoppm', ['-r', '100', '-png', '-singlefile', join(tmp, 'd.pdf'), join(tmp, 'pdf')]);
  const out: string[] = [];
  const code = await main(['render', join(tmp, 'd.ofd'), '--dpi', '100', '--json', '-o', join(tmp, 'ofd.png')], { ...processContext(), stdout: (t) => out.push(t), stderr: (t) => out.push(t) });
  expect(code, out.join('\n')).toBe(0);
  const pdf = inkMask(new Uint8Array(readFileSync(join(tmp, 'pdf.png'))));
  const ofd = inkMask(new Uint8Array(readFileSync(join(tmp, 'ofd.png'))));
  expect(Math.abs(pdf.w - ofd.w)).toBeLessThanOrEqual(1);
  expect(covered(pdf, ofd, 2)).toBeGreaterThan(0.97);
  expect(covered(ofd, pdf, 2)).toBeGreaterThan(0.97);
}, 60_000);
