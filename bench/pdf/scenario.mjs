// One benchmark scenario in its own process (so peak RSS is its own): prints one JSON line.
// usage: node scenario.mjs <scenario> <input.pdf> <iterations> <warmup> <workdir>
//   openseal-sign | openseal-sign-visible | openseal-sign-e2e | openseal-verify | signpdf-sign | sha256 | read-sha256
// Small input: bytes in memory, output in memory. Large input: "-e2e" and the peers read the file and
// write the signed file each time; plain openseal-sign measures the engine on bytes already in memory.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NodeCryptoProvider, SoftwareSigner, loadKeyAndCertificates } from '@openseal/crypto/node';
import { PdfDocument } from '@openseal/pdf';
import { Certificate, parseCertificates } from '@openseal/pki';
import { finishPdfSignatureChunks, placeSealAt, preparePdfSignature, verifyPdf } from '@openseal/pades';

const [scenario, input, iterationsArg, warmupArg, work] = process.argv.slice(2);
const iterations = Number(iterationsArg);
const warmup = Number(warmupArg);
const provider = new NodeCryptoProvider();
const clock = { now: () => new Date() };
const large = !input.includes('small');

const { key } = loadKeyAndCertificates(readFileSync(join(work, 'signer.key')));
const certificate = Certificate.fromDer(parseCertificates(readFileSync(join(work, 'signer.pem')))[0].der);
const root = parseCertificates(readFileSync(join(work, 'root.pem')));
const signer = new SoftwareSigner(key);
const view = (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const streamed = scenario === 'read-sha256' || scenario.endsWith('-e2e') || scenario.startsWith('signpdf') || scenario === 'openseal-verify';
const memoryInput = large && streamed ? undefined : view(readFileSync(input));
const outPath = join(work, `out-${scenario}.pdf`);

const SEAL = { graphic: { kind: 'vector', width: 100, height: 100, shapes: [{ type: 'circle', cx: 50, cy: 50, r: 47, stroke: '#d40000', strokeWidth: 4 }, { type: 'star', cx: 50, cy: 50, r: 20, fill: '#d40000' }] }, widthMm: 42 };

/** The bytes of the input: from memory for the small document, read from disk each time for the large one. */
const source = () => (large ? view(readFileSync(input)) : memoryInput);

/** Reads the file into one buffer, hashing each chunk while the next is read (what the CLI does). */
async function readHashing(path, hasher) {
  const fh = await open(path, 'r');
  const size = (await fh.stat()).size;
  const buf = new Uint8Array(size);
  let offset = 0;
  let pending = fh.read(buf, 0, Math.min(4 << 20, size), 0);
  while (pending) {
    const { bytesRead } = await pending;
    const chunk = buf.subarray(offset, offset + bytesRead);
    offset += bytesRead;
    pending = offset < size ? fh.read(buf, offset, Math.min(4 << 20, size - offset), offset) : undefined;
    hasher.update(chunk);
  }
  await fh.close();
  return buf;
}

function writeChunks(chunks) {
  const fd = openSync(outPath, 'w');
  for (const c of chunks) writeSync(fd, c);
  closeSync(fd);
}

async function opensealSign(visible, e2e = false) {
  const prehashed = e2e ? provider.createHash('SHA-256') : undefined;
  const bytes = e2e ? await readHashing(input, prehashed) : memoryInput;
  const doc = PdfDocument.load(bytes);
  const prepared = preparePdfSignature(doc, {
    signerCertificate: certificate,
    chain: root,
    signingTime: clock.now(),
    signatureAlgorithm: signer.algorithm,
    provider,
    ...(prehashed ? { prehashed } : {}),
    ...(visible ? { appearance: placeSealAt(doc.latest, SEAL, { pageIndex: 0, xMm: 120, yMm: 200 }) } : {}),
  });
  const value = await signer.sign(prepared.toBeSigned);
  const chunks = finishPdfSignatureChunks(prepared, value);
  if (e2e) writeChunks(chunks);
}

// Verification works on bytes in memory (read once), for both sizes.
const signedForVerify = scenario === 'openseal-verify' ? view(readFileSync(join(work, `signed-${large ? 'large' : 'small'}.pdf`))) : undefined;

async function opensealVerify() {
  const bytes = signedForVerify;
  const r = await verifyPdf(bytes, { provider, clock, trustAnchors: root });
  if (!r.valid || !r.trusted) throw new Error('verification failed in the benchmark');
}

let signpdf;
async function signpdfSign() {
  if (!signpdf) {
    const [{ SignPdf }, { P12Signer }, { pdflibAddPlaceholder }, { PDFDocument }] = await Promise.all([
      import('@signpdf/signpdf'),
      import('@signpdf/signer-p12'),
      import('@signpdf/placeholder-pdf-lib'),
      import('pdf-lib'),
    ]);
    signpdf = { sp: new SignPdf(), P12Signer, p12: readFileSync(join(work, 'signer-legacy.p12')), pdflibAddPlaceholder, PDFDocument };
  }
  const doc = await signpdf.PDFDocument.load(source());
  signpdf.pdflibAddPlaceholder({ pdfDoc: doc, reason: 'bench', contactInfo: 'bench', name: 'bench', location: 'bench' });
  const withPlaceholder = await doc.save({ useObjectStreams: false });
  // A P12Signer consumes its PKCS#12 buffer on the first sign(): one per signature.
  const signed = await signpdf.sp.sign(Buffer.from(withPlaceholder), new signpdf.P12Signer(signpdf.p12, { passphrase: 'bench' }));
  if (large) writeChunks([signed]);
}

async function sha256() {
  createHash('sha256').update(memoryInput).digest();
}

async function readSha256() {
  await readHashing(input, createHash('sha256'));
}

const RUN = {
  'openseal-sign': () => opensealSign(false),
  'openseal-sign-visible': () => opensealSign(true),
  'openseal-sign-e2e': () => opensealSign(false, true),
  'openseal-verify': opensealVerify,
  'signpdf-sign': signpdfSign,
  sha256,
  'read-sha256': readSha256,
}[scenario];
if (!RUN) throw new Error(`unknown scenario ${scenario}`);

for (let i = 0; i < warmup; i++) await RUN();
const times = [];
for (let i = 0; i < iterations; i++) {
  const t = performance.now();
  await RUN();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
process.stdout.write(
  `${JSON.stringify({ scenario, iterations, p50: pick(0.5), p95: pick(0.95), mean, perSecond: 1000 / mean, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
