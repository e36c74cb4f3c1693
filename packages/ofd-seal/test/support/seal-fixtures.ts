/** Test-only: a demo seal for the test PKI's seal signer, and small OFD documents built with OfdBuilder. */
import { OfdBuilder } from '@openseal/ofd';
import { FixedClock, SeededRandom } from '@openseal/kernel';
import { makeSeal } from '@openseal/ses';
import { T0, T1, clock, entity, provider, redPng } from '../../../ses/test/support/ses-test-pki.js';

export { T0, T1, clock, entity, provider, redPng };

let sealPromise: Promise<Uint8Array> | undefined;

/** A v4 seal (40 × 40 mm PNG) listing the SM2 sealSigner, made by the SM2 sealMaker; valid 2026-01-02 → 2027. */
export function testSeal(): Promise<Uint8Array> {
  sealPromise ??= (async () => {
    const signer = await entity('sealSigner');
    const maker = await entity('sealMaker');
    return makeSeal(
      {
        esID: '11010800000001',
        vid: 'OpenSeal',
        type: 1,
        name: '某某市人民政府办公室',
        certList: [signer.certificate],
        validStart: T1,
        validEnd: new Date('2027-01-01T00:00:00Z'),
        picture: { type: 'PNG', data: redPng(), widthMm: 40, heightMm: 40 },
      },
      { signer: maker.signer, makerCertificate: maker.certificate, provider, clock },
    );
  })();
  return sealPromise;
}

/** An n-page A4 OFD with a line of Chinese text on each page and a 公文-style signature block on the last. */
export function buildOfd(pages: number, options: { signatureBlock?: boolean } = {}): Uint8Array {
  const b = new OfdBuilder({ random: new SeededRandom(pages), creationDate: T0 });
  const font = b.addFont({ fontName: 'FangSong', familyName: '仿宋' });
  for (let i = 0; i < pages; i++) {
    const p = b.addPage();
    p.text({ x: 28, y: 50, font, size: 5.644, text: `第${i + 1}页 正文内容：关于印发某某办法的通知` });
    if (options.signatureBlock !== false && i === pages - 1) {
      p.text({ x: 111.8, y: 140, font, size: 5.644, text: '某某市人民政府办公室' });
      p.text({ x: 114.6, y: 150.2, font, size: 5.644, text: '2026年1月2日' });
    }
  }
  return b.toBytes();
}

export const fixedClock = new FixedClock('2026-01-03T09:30:00Z');
