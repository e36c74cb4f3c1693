// `node bench/ofd/run.mjs` (after the build): OFD sealing and verification throughput on a 3-page and a
// 1,000-page document made with OfdBuilder, peak memory, and — beside them — the time to SM3-hash the
// files a seal protects, the floor any sealer must pay (aim: sealing ≤ 2 × that + 100 ms).
// Each document size runs in its own child process so that its peak RSS is its own. Times are medians of
// CPU time (user + system), as `openssl speed` measures, so other load on the machine does not skew them.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { NodeCryptoProvider, SoftwareSigner, generateKeyPair, nodeRandom } from '@openseal/crypto/node';
import { FixedClock, SeededRandom } from '@openseal/kernel';
import { OfdBuilder, OfdPackage } from '@openseal/ofd';
import { sealOfd, verifyOfd } from '@openseal/ofd-seal';
import { createPkiHierarchy } from '@openseal/pki';
import { makeSeal } from '@openseal/ses';

const SIZES = (process.env.BENCH_OFD_PAGES ?? '3,1000').split(',').map(Number);
const RUNS = { small: Number(process.env.BENCH_RUNS_SMALL ?? 30), large: Number(process.env.BENCH_RUNS_LARGE ?? 5) };
const T0 = new Date('2026-01-01T00:00:00Z');
const clock = new FixedClock('2026-01-02T08:00:00Z');
const provider = new NodeCryptoProvider();

/** A page of 公文-like text: 22 lines of 28 characters, as GB/T 9704 sets them. */
function buildDocument(pages) {
  const b = new OfdBuilder({ random: new SeededRandom(pages), creationDate: T0 });
  const font = b.addFont({ fontName: 'FangSong', familyName: '仿宋' });
  const line = '为进一步加强电子公文管理，规范电子印章使用，现就有关事项通知如下：';
  for (let i = 0; i < pages; i++) {
    const p = b.addPage();
    for (let l = 0; l < 22; l++) p.text({ x: 28, y: 37 + 10.227 * l + 5, font, size: 5.644, text: `${i + 1}-${l + 1} ${line}`.slice(0, 28) });
  }
  return b.toBytes();
}

async function setup() {
  const pki = await createPkiHierarchy(
    { keyType: 'SM2', notBefore: T0 },
    { random: new SeededRandom(1), clock: new FixedClock(T0), provider, keyFactory: async (kt) => ({ signer: new SoftwareSigner(await generateKeyPair(kt, { random: nodeRandom })) }) },
  );
  const signer = pki.endEntities.sealSigner;
  const maker = pki.endEntities.sealMaker;
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(2000)]);
  const seal = await makeSeal(
    { esID: 'BENCH', vid: 'OpenSeal', type: 1, name: '基准测试章', certList: [signer.certificate], validStart: T0, validEnd: new Date('2027-01-01Z'), picture: { type: 'PNG', data: png, widthMm: 42, heightMm: 42 } },
    { signer: maker.key.signer, makerCertificate: maker.certificate, provider, clock },
  );
  return { signer, seal };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** CPU milliseconds (user + system) of one call: other load on the machine does not skew it. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const ms = (f) => async () => {
  const t = cpuMs();
  await f();
  return cpuMs() - t;
};

async function child(pages) {
  const runs = pages <= 10 ? RUNS.small : RUNS.large;
  const { signer, seal } = await setup();
  const doc = buildDocument(pages);
  const options = { seal, signerCertificate: signer.certificate, placement: { kind: 'position', pageIndex: pages - 1, x: 120, y: 200 } };
  const deps = { signer: signer.key.signer, provider, clock };
  const sealed = (await sealOfd(doc, options, deps)).bytes;
  // The floor: SM3 over every file the seal protects (all but the list and its own Signature.xml/SignedValue.dat).
  const pkg = OfdPackage.read(sealed);
  const protectedFiles = pkg.entries.filter((e) => !/Signatures\.xml$|Sign_0\/(Signature\.xml|SignedValue\.dat)$/.test(e.path));
  const protectedBytes = protectedFiles.reduce((n, e) => n + e.bytes.length, 0);
  const hash = ms(() => protectedFiles.forEach((e) => provider.digest('SM3', e.bytes)));
  const sealT = ms(() => sealOfd(doc, options, deps));
  const verifyT = ms(async () => {
    const r = await verifyOfd(sealed, { provider, clock });
    if (!r.valid) throw new Error('benchmark document does not verify');
  });
  const times = { hash: [], seal: [], verify: [] };
  for (let i = 0; i < runs; i++) {
    times.hash.push(await hash());
    times.seal.push(await sealT());
    times.verify.push(await verifyT());
  }
  return {
    pages,
    runs,
    fileBytes: doc.length,
    entries: pkg.entries.length,
    protectedFiles: protectedFiles.length,
    protectedBytes,
    hashMs: median(times.hash),
    sealMs: median(times.seal),
    verifyMs: median(times.verify),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** The PDF engine's figures beside ours (BENCH_WITH_PDF=1): bench/pdf without its peers. */
function pdfFigures() {
  const pdf = fileURLToPath(new URL('../pdf/run.mjs', import.meta.url));
  return execFileSync(process.execPath, [pdf], { encoding: 'utf8', env: { ...process.env, BENCH_SKIP: process.env.BENCH_SKIP ?? 'signpdf,pdfbox' }, maxBuffer: 1 << 26 });
}

if (process.argv[2] === '--child') {
  process.stdout.write(JSON.stringify(await child(Number(process.argv[3]))));
} else {
  const self = fileURLToPath(import.meta.url);
  const rows = SIZES.map((pages) => JSON.parse(execFileSync(process.execPath, [...process.execArgv, self, '--child', String(pages)], { encoding: 'utf8', maxBuffer: 1 << 26 })));
  console.log(`OFD sealing and verification (SM2/SM3, one seal, Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'})`);
  console.log('pages | file KB | entries | protected KB | SM3 of protected ms | seal ms (docs/s) | aim ≤ 2×hash+100 | verify ms (docs/s) | peak RSS MB');
  for (const r of rows) {
    const aim = 2 * r.hashMs + 100;
    console.log(
      [
        r.pages,
        (r.fileBytes / 1024).toFixed(0),
        r.entries,
        (r.protectedBytes / 1024).toFixed(0),
        r.hashMs.toFixed(1),
        `${r.sealMs.toFixed(1)} (${(1000 / r.sealMs).toFixed(1)})`,
        `${aim.toFixed(0)} ${r.sealMs <= aim ? 'met' : 'MISSED'}`,
        `${r.verifyMs.toFixed(1)} (${(1000 / r.verifyMs).toFixed(1)})`,
        r.maxRssMb.toFixed(0),
      ].join(' | '),
    );
  }
  if (process.env.BENCH_WITH_PDF === '1') console.log(`\n${pdfFigures()}`);
}
