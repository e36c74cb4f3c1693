// `node bench/convert/run.mjs` (after the build): Office → PDF latency and throughput, in one run on one
// machine — cold `soffice --convert-to pdf` (one process per document, as npm wrappers do) against
// OpenSeal's pool of warm LibreOffice workers, and LibreOffice's own load + export time through UNO
// (the floor, measured inside the worker). Inputs: the DOCX/DOC/XLSX files of ../shared/samples/corpus.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { detectFormat, profileRegistryXml, SofficeDocumentConverter } from '@openseal/libreoffice';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BATCH = Number(process.env.BENCH_BATCH ?? 40);
const corpus = process.env.BENCH_CORPUS ?? fileURLToPath(new URL('../../../shared/samples/corpus/', import.meta.url));
const files = readdirSync(corpus).filter((f) => /\.(docx|doc|xlsx)$/i.test(f) && !f.includes('password')).sort();
const docs = files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(corpus, name))) }));
const tmp = mkdtempSync(join(tmpdir(), 'openseal-bench-convert-'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (v) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;

/** Cold: a new soffice process per document (same profile, so profile creation is not counted). */
function cold() {
  const profile = join(tmp, 'cold-profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), profileRegistryXml());
  const out = join(tmp, 'cold-out');
  mkdirSync(out, { recursive: true });
  const run = (path) => execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', out, path], { stdio: 'ignore' });
  run(join(corpus, docs[0].name)); // first run initialises the profile
  const times = new Map();
  for (const d of docs) {
    const t = performance.now();
    run(join(corpus, d.name));
    times.set(d.name, performance.now() - t);
  }
  return times;
}

/** Warm: one worker, documents one after another; latency of the pool alone and of the full converter. */
async function warm() {
  const converter = await SofficeDocumentConverter.start({ workers: 1, warmUp: true });
  const per = new Map(docs.map((d) => [d.name, { pool: [], floor: [], converter: [] }]));
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const d of docs) {
        const m = per.get(d.name);
        let t = performance.now();
        const res = await converter.pool.convert({ bytes: d.bytes, extension: detectFormat(d.bytes).extension });
        m.pool.push(performance.now() - t);
        m.floor.push(res.ms);
        t = performance.now();
        await converter.toPdf(d.bytes);
        m.converter.push(performance.now() - t);
      }
    }
  } finally {
    await converter.close();
  }
  return per;
}

/** Throughput with n workers: BATCH documents submitted at once. */
async function throughput(n) {
  const converter = await SofficeDocumentConverter.start({ workers: n, warmUp: true });
  try {
    await Promise.all(docs.map((d) => converter.toPdf(d.bytes)));
    const t = performance.now();
    await Promise.all(Array.from({ length: BATCH }, (_, i) => converter.toPdf(docs[i % docs.length].bytes)));
    return (BATCH / (performance.now() - t)) * 60_000;
  } finally {
    await converter.close();
  }
}

try {
  console.log(`# Office → PDF, ${docs.length} documents (${files.join(', ')}), ${ROUNDS} warm rounds, ${availableParallelism()} cores`);
  const coldTimes = cold();
  const warmTimes = await warm();
  console.log('\n| document | cold soffice | pool p50 | floor (UNO) p50 | converter p50 | pool / floor | cold / pool |');
  console.log('|---|---|---|---|---|---|---|');
  const rows = [];
  for (const d of docs) {
    const w = warmTimes.get(d.name);
    const row = { name: d.name, cold: coldTimes.get(d.name), pool: median(w.pool), floor: median(w.floor), converter: median(w.converter) };
    rows.push(row);
    console.log(`| ${d.name} | ${ms(row.cold)} | ${ms(row.pool)} | ${ms(row.floor)} | ${ms(row.converter)} | ${(row.pool / row.floor).toFixed(2)} | ${(row.cold / row.pool).toFixed(1)}× |`);
  }
  const all = (k) => rows.map((r) => r[k]);
  const allPool = [...warmTimes.values()].flatMap((w) => w.pool);
  console.log(`\ncold soffice p50 ${ms(median(all('cold')))} (${(60_000 / median(all('cold'))).toFixed(0)} docs/min); pool p50 ${ms(median(allPool))} p95 ${ms(p95(allPool))}; floor p50 ${ms(median(all('floor')))}`);
  console.log(`pool vs cold: ${(median(all('cold')) / median(all('pool'))).toFixed(1)}× faster (aim ≥ 10×); pool overhead over the UNO floor: ${((median(all('pool')) / median(all('floor')) - 1) * 100).toFixed(0)} % (aim ≤ 20 %)`);
  console.log('\n| workers | docs/min |');
  console.log('|---|---|');
  const counts = [...new Set([1, 2, availableParallelism()])].filter((n) => n <= Math.max(2, availableParallelism()));
  for (const n of counts) console.log(`| ${n} | ${(await throughput(n)).toFixed(0)} |`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
