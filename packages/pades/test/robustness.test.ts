import { describe, expect, it } from 'vitest';
import { SeededRandom, equalBytes } from '@openseal/kernel';
import { signPdf, verifyPdf } from '../src/index.js';
import { clock, provider, sample, sealSigner } from './support/pades-test-pki.js';

const enc = new TextEncoder();

describe('bad input gives a report, never an exception, and is never modified', () => {
  const signedOnce = (async () => {
    const s = await sealSigner('RSA');
    return signPdf(sample('pyHanko__minimal.pdf'), { signerCertificate: s.certificate }, { signer: s.signer, provider, clock, random: new SeededRandom(1) });
  })();

  const cases: [string, () => Promise<Uint8Array>][] = [
    ['empty', async () => new Uint8Array(0)],
    ['not a PDF', async () => enc.encode('hello world')],
    ['random bytes after a header', async () => new Uint8Array([...enc.encode('%PDF-1.7\n'), ...new SeededRandom(9).bytes(4000)])],
    ['a signed file cut in the middle', async () => (await signedOnce).slice(0, Math.floor((await signedOnce).length * 0.7))],
    ['a signed file with garbage after %%EOF', async () => new Uint8Array([...(await signedOnce), ...enc.encode('\n1 0 obj << /Type /Catalog >> endobj\n')])],
    ['/Contents replaced by non-hex junk', async () => {
      const b = (await signedOnce).slice();
      const text = new TextDecoder('latin1').decode(b);
      const at = text.indexOf('/Contents <') + 12;
      b.set(enc.encode('ZZZZ'), at);
      return b;
    }],
    ['a ByteRange pointing outside the file', async () => {
      const b = (await signedOnce).slice();
      const text = new TextDecoder('latin1').decode(b);
      const at = text.indexOf('/ByteRange [');
      b.set(enc.encode('/ByteRange [0 99999999 9 9]'.padEnd(text.indexOf(']', at) - at + 1, ' ')), at);
      return b;
    }],
  ];

  it.each(cases)('%s', async (_name, make) => {
    const input = await make();
    const copy = input.slice();
    const r = await verifyPdf(input, { provider, clock });
    expect(r.valid).toBe(false);
    expect(r.signatures.every((s) => !s.valid) || r.errors.length > 0).toBe(true);
    expect(equalBytes(input, copy)).toBe(true);
  });

  it('300 randomly corrupted copies of a signed, stacked file each give a report (never an exception)', async () => {
    const s = await sealSigner('EC-P256');
    const twice = await signPdf(await signedOnce, { signerCertificate: s.certificate }, { signer: s.signer, provider, clock, random: new SeededRandom(2) });
    const rnd = new SeededRandom(77);
    for (let i = 0; i < 300; i++) {
      const copy = twice.slice();
      const [a, b, c] = rnd.bytes(3) as unknown as [number, number, number];
      const flips = 1 + (a % 4);
      for (let k = 0; k < flips; k++) {
        const at = ((b << 8) | c | (k * 7919)) % copy.length;
        copy[at] = rnd.bytes(1)[0] as number;
      }
      const r = await verifyPdf(copy, { provider, clock });
      expect(typeof r.valid).toBe('boolean');
    }
  });

  it('trailing garbage after the last %%EOF is reported as a forbidden change', async () => {
    const signed = await signedOnce;
    const r = await verifyPdf(new Uint8Array([...signed, ...enc.encode('\n% appended by someone\n')]), { provider, clock });
    expect(r.signatures[0]?.modifications).toEqual([expect.objectContaining({ change: 'trailing-data', allowed: false })]);
    expect(r.valid).toBe(false);
  });

  it('a file whose xref had to be reconstructed is refused for signing (PDF_CANNOT_APPEND), not rewritten', async () => {
    const good = sample('pyHanko__minimal.pdf');
    const text = new TextDecoder('latin1').decode(good);
    const broken = good.slice();
    broken.set(enc.encode('9999999'), text.lastIndexOf('startxref') + 10);
    const s = await sealSigner('RSA');
    await expect(signPdf(broken, { signerCertificate: s.certificate }, { signer: s.signer, provider, clock, random: new SeededRandom(1) })).rejects.toMatchObject({
      code: 'PDF_CANNOT_APPEND',
    });
  });
});
