// Standard security handler R2–R6 on files encrypted by qpdf: opened with the user or owner password,
// every object decrypted exactly as qpdf decrypts it, and appended strings/streams encrypted so qpdf reads them.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SeededRandom, equalBytes } from '@openseal/kernel';
import {
  IncrementalWriter, PdfDict, PdfDocument, PdfName, PdfPasswordIncorrectError, PdfPasswordRequiredError, PdfRef, PdfStream, PdfString, StandardSecurityHandler, dict, name, pageCount,
} from '@openseal/pdf';
import { compareWithQpdf, qpdfObjects } from './support/qpdf-json.js';
import { pdfinfoPages, run, samplePath, cleanupTempDirs, tempDir, writeTemp } from './support/samples.js';

afterAll(cleanupTempDirs);

const dir = tempDir();
const USER = 'user-密码';
const OWNER = 'owner secret';

interface Variant { label: string; args: string[]; r: number; stream: string; asciiOnly?: boolean }
const VARIANTS: Variant[] = [
  { label: 'RC4 40-bit (R2)', args: ['40'], r: 2, stream: 'RC4', asciiOnly: true },
  { label: 'RC4 128-bit (R3)', args: ['128', '--use-aes=n'], r: 3, stream: 'RC4', asciiOnly: true },
  { label: 'RC4 128-bit crypt filters (V4 R4)', args: ['128', '--use-aes=n', '--force-V4'], r: 4, stream: 'RC4', asciiOnly: true },
  { label: 'AES-128 (V4 R4 AESV2)', args: ['128', '--use-aes=y'], r: 4, stream: 'AESV2', asciiOnly: true },
  { label: 'AES-128, metadata in clear', args: ['128', '--use-aes=y', '--cleartext-metadata'], r: 4, stream: 'AESV2', asciiOnly: true },
  { label: 'AES-256 (R5)', args: ['256', '--force-R5'], r: 5, stream: 'AESV3' },
  { label: 'AES-256 (R6)', args: ['256'], r: 6, stream: 'AESV3' },
];
const SOURCE = 'pyHanko__minimal-with-simple-form.pdf';

function encrypted(v: Variant): { path: string; bytes: Uint8Array; user: string } {
  // R2–R4 passwords are PDFDocEncoding: keep them ASCII there.
  const user = v.asciiOnly ? 'user-pw' : USER;
  const path = join(dir, `${v.label.replace(/\W+/g, '_')}.pdf`);
  const r = run('qpdf', ['--allow-weak-crypto', '--encrypt', user, OWNER, ...v.args, '--', samplePath(SOURCE), path]);
  if (r.status !== 0) throw new Error(r.stderr);
  return { path, bytes: new Uint8Array(readFileSync(path)), user };
}

describe('Standard security handler against qpdf', () => {
  for (const v of VARIANTS) {
    it(`${v.label}: passwords, every object decrypted like qpdf, and an encrypted append qpdf can read`, () => {
      const { path, bytes, user } = encrypted(v);
      expect(() => PdfDocument.load(bytes)).toThrow(PdfPasswordRequiredError);
      expect(() => PdfDocument.load(bytes, { password: 'nope' })).toThrow(PdfPasswordIncorrectError);
      const owner = PdfDocument.load(bytes, { password: OWNER });
      expect(owner.encryption?.openedWith).toBe('owner');
      const doc = PdfDocument.load(bytes, { password: user });
      expect(doc.encryption).toMatchObject({ r: v.r, streamMethod: v.stream, openedWith: 'user' });
      expect(equalBytes(owner.securityHandler!.fileKey, doc.securityHandler!.fileKey)).toBe(true);
      expect(pageCount(doc.latest)).toBe(pdfinfoPages(path, user));

      const diffs: string[] = [];
      for (const [key, value] of qpdfObjects(path, user)) {
        const m = /^obj:(\d+) (\d+) R$/.exec(key);
        if (m) diffs.push(...compareWithQpdf(doc.latest, doc.getObject(new PdfRef(Number(m[1]), Number(m[2]))), value).map((d) => key + d));
      }
      expect(diffs).toEqual([]);

      const w = new IncrementalWriter(doc, { random: new SeededRandom(3) });
      const s = w.add(new PdfStream(new PdfDict(), new TextEncoder().encode('secret stream data')));
      const o = w.add(dict({ Type: name('T'), S: PdfString.fromText('秘密 text'), Data: s }));
      const update = w.write();
      const out = update.toBytes();
      // The new string is stored encrypted: its plaintext is nowhere in the appended bytes.
      expect(Buffer.from(update.appended).includes(Buffer.from('secret stream data'))).toBe(false);
      const outPath = writeTemp(dir, `appended-${v.r}-${v.stream}.pdf`, out);
      expect(run('qpdf', [`--password=${user}`, '--check', outPath]).status).toBe(0);
      expect(run('qpdf', [`--password=${user}`, `--show-object=${s.num}`, '--filtered-stream-data', outPath]).stdout).toBe('secret stream data');
      const shown = qpdfObjects(outPath, user).get(`obj:${o.num} 0 R`);
      expect(shown).toEqual({ value: { '/Type': '/T', '/S': 'u:秘密 text', '/Data': `${s.num} 0 R` } });
      const again = PdfDocument.load(out, { password: user });
      expect(((again.getObject(o) as PdfDict).get('S') as PdfString).text).toBe('秘密 text');
    });
  }

  it('leaves a signature dictionary /Contents unencrypted when writing and reading (ISO 32000-2 §7.6.2)', () => {
    const { bytes, user } = encrypted(VARIANTS[6]!);
    const doc = PdfDocument.load(bytes, { password: user });
    const w = new IncrementalWriter(doc, { random: new SeededRandom(5) });
    const contents = Uint8Array.from([0x30, 0x82, 0x01, 0x02]);
    const sig = w.add(dict({ Type: name('Sig'), ByteRange: [0, 1, 2, 3], Contents: new PdfString(contents, true), Reason: PdfString.fromText('approve') }));
    const update = w.write();
    expect(Buffer.from(update.appended).toString('latin1')).toContain('/Contents <30820102>');
    const again = PdfDocument.load(update.toBytes(), { password: user });
    const d = again.getObject(sig) as PdfDict;
    expect((d.get('Contents') as PdfString).bytes).toEqual(contents);
    expect((d.get('Reason') as PdfString).text).toBe('approve');
  });

  it('needs randomness to append to an AES file', () => {
    const { bytes, user } = encrypted(VARIANTS[3]!);
    expect(() => new IncrementalWriter(PdfDocument.load(bytes, { password: user }))).toThrow(/RandomSource/);
  });

  it('uses the /Identity crypt filter for strings when /StrF says so', () => {
    const { bytes, user } = encrypted(VARIANTS[3]!);
    const doc = PdfDocument.load(bytes, { password: user });
    const enc = (doc.resolve(doc.trailer.get('Encrypt')) as PdfDict).clone();
    enc.set('StrF', new PdfName('Identity'));
    const id0 = (doc.resolve(doc.trailer.get('ID')) as PdfString[])[0]!.bytes;
    const h = StandardSecurityHandler.open(enc, id0, user, (x) => doc.resolve(x));
    expect(h.info.stringMethod).toBe('None');
    expect(h.info.streamMethod).toBe('AESV2');
    const plain = new TextEncoder().encode('same');
    expect(h.encryptString(plain, 1, 0, new SeededRandom(1))).toEqual(plain);
    expect(h.encryptStream(plain, 1, 0, new SeededRandom(1)).length).toBe(32);
  });
});
