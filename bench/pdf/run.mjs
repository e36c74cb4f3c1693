// `node bench/pdf/run.mjs` (after the build): PDF sealing and verification, OpenSeal against
// @signpdf/signpdf + pdf-lib and Java PDFBox (timed inside one warm JVM), on the same inputs made here:
// a 3-page official-document-like PDF (~200 KB) and a 1,000-page PDF (~100 MB). RSA-2048, one
// incremental PAdES signature. Each scenario runs in its own process so its peak RSS is its own.
// BENCH_SMALL_N / BENCH_LARGE_N set the iterations; BENCH_SKIP=signpdf,pdfbox skips peers.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDocument } from './make-inputs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const work = process.env.BENCH_DIR ?? join(tmpdir(), 'openseal-bench-pdf');
const SMALL_N = Number(process.env.BENCH_SMALL_N ?? 200);
const LARGE_N = Number(process.env.BENCH_LARGE_N ?? 5);
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
mkdirSync(work, { recursive: true });

const small = join(work, 'small.pdf');
const large = join(work, 'large.pdf');
if (!existsSync(small)) writeDocument(small, { pages: 3, pictureBytes: 60_000, official: true });
if (!existsSync(large)) writeDocument(large, { pages: 1000, pictureBytes: 100_000, official: false });

// An RSA-2048 signer under a root, made by OpenSSL, as PEM and as PKCS#12 (for the peers).
const sh = (args) => execFileSync('openssl', args, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
if (!existsSync(join(work, 'signer.p12'))) {
  sh(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '3650', '-subj', '/CN=Bench Root', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  sh(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'signer.key', '-out', 'signer.csr', '-subj', '/CN=Bench Signer']);
  writeFileSync(join(work, 'leaf.cnf'), '[leaf]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  sh(['x509', '-req', '-in', 'signer.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-days', '730', '-out', 'signer.pem', '-extfile', 'leaf.cnf', '-extensions', 'leaf']);
  sh(['pkcs12', '-export', '-inkey', 'signer.key', '-in', 'signer.pem', '-certfile', 'root.pem', '-passout', 'pass:bench', '-out', 'signer.p12']);
  // node-forge (@signpdf/signer-p12) reads only the older PKCS#12 encryption.
  sh(['pkcs12', '-export', '-inkey', 'signer.key', '-in', 'signer.pem', '-certfile', 'root.pem', '-passout', 'pass:bench', '-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1', '-out', 'signer-legacy.p12']);
}
const cli = join(root, 'apps/cli/bin/openseal.js');
for (const [name, input] of [['small', small], ['large', large]]) {
  const out = join(work, `signed-${name}.pdf`);
  if (!existsSync(out)) execFileSync(process.execPath, [cli, 'sign', input, '-o', out, '--key', join(work, 'signer.key'), '--cert', join(work, 'signer.pem'), '--chain', join(work, 'root.pem')]);
}

function node(scenario, input, n, warmup) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', join(here, 'scenario.mjs'), scenario, input, String(n), String(warmup), work], { encoding: 'utf8', cwd: root });
  if (r.status !== 0) return { scenario, error: (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

let pdfboxClasses;
function pdfbox(mode, input, n, warmup) {
  if (!pdfboxClasses) {
    const verifiers = join(root, '../shared/verifiers');
    const classes = process.env.CLASSES_DIR ?? '/tmp/openseal-verifiers';
    if (!existsSync(join(classes, 'PdfSign.class'))) execFileSync(join(verifiers, 'build.sh'), [classes]);
    const cp = `${classes}:${execFileSync(join(verifiers, 'classpath.sh')).toString().trim()}`;
    execFileSync('javac', ['-encoding', 'UTF-8', '-nowarn', '-cp', cp, '-d', join(work, 'classes'), join(here, 'PdfBoxBench.java')]);
    pdfboxClasses = `${join(work, 'classes')}:${cp}`;
  }
  const r = spawnSync('java', [process.env.BENCH_JAVA_HEAP ?? '-Xmx1g', '-cp', pdfboxClasses, 'PdfBoxBench', mode, input, join(work, 'signer.p12'), 'bench', String(n), String(warmup), join(work, `out-pdfbox-${mode}.pdf`)], { encoding: 'utf8' });
  if (r.status !== 0) return { scenario: `pdfbox-${mode}`, error: (r.stderr || r.stdout).trim().split('\n').slice(0, 2).join(' ') };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const results = { small: {}, large: {} };
const run = (size, key, fn) => {
  process.stderr.write(`  ${size} ${key}…\n`);
  results[size][key] = fn();
};
const sn = Math.max(20, Math.floor(SMALL_N / 10));
run('small', 'openseal-sign', () => node('openseal-sign', small, SMALL_N, sn));
run('small', 'openseal-sign-visible', () => node('openseal-sign-visible', small, SMALL_N, sn));
run('small', 'openseal-verify', () => node('openseal-verify', small, SMALL_N, sn));
if (!skip.has('signpdf')) run('small', 'signpdf-sign', () => node('signpdf-sign', small, Math.max(20, SMALL_N / 4), 5));
if (!skip.has('pdfbox')) {
  run('small', 'pdfbox-sign', () => pdfbox('sign', small, SMALL_N, sn));
  run('small', 'pdfbox-verify', () => pdfbox('verify', join(work, 'signed-small.pdf'), SMALL_N, sn));
}
run('large', 'read-sha256', () => node('read-sha256', large, LARGE_N, 1));
run('large', 'sha256', () => node('sha256', large, LARGE_N, 1));
run('large', 'openseal-sign', () => node('openseal-sign', large, LARGE_N, 1));
run('large', 'openseal-sign-e2e', () => node('openseal-sign-e2e', large, LARGE_N, 1));
run('large', 'openseal-verify', () => node('openseal-verify', large, LARGE_N, 1));
if (!skip.has('signpdf')) run('large', 'signpdf-sign', () => node('signpdf-sign', large, Math.min(LARGE_N, 2), 0));
if (!skip.has('pdfbox')) {
  run('large', 'pdfbox-sign', () => pdfbox('sign', large, LARGE_N, 1));
  run('large', 'pdfbox-verify', () => pdfbox('verify', join(work, 'signed-large.pdf'), LARGE_N, 1));
}

const fmt = (v, d = 1) => (v === undefined ? '—' : v.toFixed(d));
const line = (size, key, label) => {
  const r = results[size][key];
  if (!r) return;
  if (r.error) return console.log(`| ${size} | ${label} | error: ${r.error.slice(0, 90)} | | | |`);
  console.log(`| ${size} | ${label} | ${fmt(r.p50, 2)} | ${fmt(r.p95, 2)} | ${fmt(r.perSecond)} | ${fmt(r.maxRssMB, 0)} |`);
};
console.log(`\nPDF sealing — Node ${process.version}, ${cpus()[0]?.model ?? '?'} × ${cpus().length}; small ${(statSync(small).size / 1e3).toFixed(0)} KB (3 pages), large ${(statSync(large).size / 1e6).toFixed(1)} MB (1,000 pages); RSA-2048`);
console.log('| input | scenario | p50 ms | p95 ms | ops/s | peak RSS MB |');
console.log('|---|---|---|---|---|---|');
const LABELS = [
  ['openseal-sign', 'OpenSeal sign (invisible, PAdES, bytes in memory)'],
  ['openseal-sign-visible', 'OpenSeal sign (visible vector seal)'],
  ['openseal-sign-e2e', 'OpenSeal sign, read + write the files'],
  ['signpdf-sign', '@signpdf 3.3 + pdf-lib 1.17 sign (invisible; large: read + write)'],
  ['pdfbox-sign', 'PDFBox 2.0.27 sign (warm JVM, invisible, PAdES; large: read + write)'],
  ['openseal-verify', 'OpenSeal verify (full report, chain)'],
  ['pdfbox-verify', 'PDFBox + BC verify (CMS only)'],
  ['read-sha256', 'read file while hashing (SHA-256)'],
  ['sha256', 'one SHA-256 pass (in memory)'],
];
for (const size of ['small', 'large']) for (const [key, label] of LABELS) line(size, key, label);

const s = results.small;
const ratio = (a, b) => (a && b && !a.error && !b.error ? (a.perSecond / b.perSecond).toFixed(1) : '—');
const L = results.large;
console.log(`\nsmall: OpenSeal sign ${ratio(s['openseal-sign'], s['signpdf-sign'])}× @signpdf, ${ratio(s['openseal-sign'], s['pdfbox-sign'])}× PDFBox (aim ≥ 5×)`);
if (L['openseal-sign'] && L.sha256 && !L['openseal-sign'].error) {
  const budget = 2 * L.sha256.p50 + 50;
  const e2e = L['openseal-sign-e2e'];
  console.log(`large: OpenSeal sign p50 ${fmt(L['openseal-sign'].p50, 0)} ms in memory, ${fmt(e2e?.p50, 0)} ms with reading and writing the files; budget 2 × SHA-256 ${fmt(L.sha256.p50, 0)} ms + 50 = ${fmt(budget, 0)} ms; peak RSS ${fmt(e2e?.maxRssMB, 0)} MB with the files (aim ≤ 200)`);
}
