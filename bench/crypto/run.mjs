// `npm run bench:crypto` (after the build): OpenSeal's crypto against sm-crypto and `openssl speed`,
// measured in one run on one machine, printed as one table. Rates are per second of user CPU time, as
// `openssl speed` measures by default, so other load on the machine does not skew the comparison.
import { execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import smCrypto from 'sm-crypto';
import { encodeEcPublicKey, sm2PublicKeyFromPrivate, sm2Sign, sm2Verify, sm3 } from '@openseal/crypto';
import { BrowserCryptoProvider } from '@openseal/crypto/browser';
import { NodeCryptoProvider, nodeDigest, nodeRandom, nodeSign, nodeSm2Sign, nodeSm2Verify } from '@openseal/crypto/node';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 1.5);
const OPENSSL_SECONDS = String(process.env.BENCH_OPENSSL_SECONDS ?? 3);
const MB = 1_000_000;

const userSeconds = () => process.cpuUsage().user / 1e6;

/** Runs `fn` (sync or async) for SECONDS of user CPU time after a warm-up; returns operations per CPU second. */
async function rate(fn) {
  const warmEnd = userSeconds() + 0.3;
  while (userSeconds() < warmEnd) await fn();
  let ops = 0;
  const start = userSeconds();
  while (userSeconds() - start < SECONDS) {
    for (let i = 0; i < 8; i++) await fn();
    ops += 8;
  }
  return ops / (userSeconds() - start);
}

async function throughput(bytes, fn) {
  return ((await rate(fn)) * bytes) / MB;
}

function opensslSpeed(args) {
  const out = execFileSync('openssl', ['speed', '-mr', '-seconds', OPENSSL_SECONDS, ...args], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  return out.split('\n').filter((l) => l.startsWith('+F'));
}

// `+F7:0:256:CurveSM2:<sign/s>:<verify/s>`, `+F4:…:<sign/s>:<verify/s>`, `+F2:…:<sign/s>:<verify/s>`, `+F:…:<bytes/s>`
function lastNumbers(line, count) {
  return line.split(':').slice(-count).map(Number);
}

const rows = [];
function row(metric, unit, node, pure, smc, ossl) {
  rows.push({ metric, unit, node, pure, smc, ossl });
}

const message = randomBytes(100);
const messageArray = Array.from(message);

// SM2: one key for every implementation.
const d = new Uint8Array(randomBytes(32));
d[0] &= 0x7f;
const point = sm2PublicKeyFromPrivate(d);
const dHex = Buffer.from(d).toString('hex');
const pointHex = Buffer.from(point).toString('hex');
const node = new NodeCryptoProvider();
const browser = new BrowserCryptoProvider();
const sm2Spki = encodeEcPublicKey('SM2', point);
const sm2Sig = nodeSm2Sign(d, message, { random: nodeRandom, publicKey: point });
const smSig = smCrypto.sm2.doSignature(messageArray, dHex, { hash: true, der: true, publicKey: pointHex });
if (!sm2Verify(point, message, Buffer.from(smSig, 'hex')) || !smCrypto.sm2.doVerifySignature(messageArray, Buffer.from(sm2Sig).toString('hex'), pointHex, { hash: true, der: true })) {
  throw new Error('sm-crypto and OpenSeal disagree on SM2 signatures');
}
console.error('measuring SM2 …');
const [osslSm2Sign, osslSm2Verify] = lastNumbers(opensslSpeed(['sm2'])[0], 2);
row('SM2 sign (default ID)', 'op/s',
  await rate(() => nodeSm2Sign(d, message, { random: nodeRandom, publicKey: point })),
  await rate(() => sm2Sign(d, message, { random: nodeRandom, publicKey: point })),
  await rate(() => smCrypto.sm2.doSignature(messageArray, dHex, { hash: true, der: true, publicKey: pointHex })),
  osslSm2Sign);
// OpenSeal keeps a precomputed table for a public key from its 8th verification on (32 keys at most);
// OpenSSL and sm-crypto have no such cache, so their figure is the same for both rows.
const pool = Array.from({ length: 256 }, () => {
  const key = new Uint8Array(randomBytes(32));
  key[0] &= 0x7f;
  const pub = sm2PublicKeyFromPrivate(key);
  return { pub, pubHex: Buffer.from(pub).toString('hex'), sig: sm2Sign(key, message, { random: nodeRandom, publicKey: pub }) };
});
let next = 0;
const fresh = () => pool[next++ % pool.length];
row('SM2 verify, one key (table from 8th use)', 'op/s',
  await rate(() => nodeSm2Verify(point, message, sm2Sig)),
  await rate(() => sm2Verify(point, message, sm2Sig)),
  await rate(() => smCrypto.sm2.doVerifySignature(messageArray, Buffer.from(sm2Sig).toString('hex'), pointHex, { hash: true, der: true })),
  osslSm2Verify);
row('SM2 verify, 256 keys in turn (no table)', 'op/s',
  await rate(() => { const f = fresh(); return nodeSm2Verify(f.pub, message, f.sig); }),
  await rate(() => { const f = fresh(); return sm2Verify(f.pub, message, f.sig); }),
  await rate(() => { const f = fresh(); return smCrypto.sm2.doVerifySignature(messageArray, Buffer.from(f.sig).toString('hex'), f.pubHex, { hash: true, der: true }); }),
  osslSm2Verify);
row('SM2 verify via provider.verify(SPKI), one key', 'op/s',
  await rate(() => node.verify({ name: 'SM2', hash: 'SM3' }, sm2Spki, message, sm2Sig)),
  await rate(() => browser.verify({ name: 'SM2', hash: 'SM3' }, sm2Spki, message, sm2Sig)),
  null, null);

console.error('measuring digests …');
const big = new Uint8Array(randomBytes(1 << 20));
const small = Array.from(randomBytes(1 << 16));
const [osslSm3] = lastNumbers(opensslSpeed(['-bytes', '16384', '-evp', 'sm3'])[0], 1);
const [osslSha256] = lastNumbers(opensslSpeed(['-bytes', '16384', '-evp', 'sha256'])[0], 1);
row('SM3 (1 MiB buffers)', 'MB/s',
  await throughput(big.length, () => nodeDigest('SM3', big)),
  await throughput(big.length, () => sm3(big)),
  await throughput(small.length, () => smCrypto.sm3(small)),
  osslSm3 / MB);
row('SHA-256 (1 MiB buffers)', 'MB/s',
  await throughput(big.length, () => node.digest('SHA-256', big)),
  await throughput(big.length, () => browser.digest('SHA-256', big)),
  null,
  osslSha256 / MB);

console.error('measuring ECDSA P-256 and RSA-2048 …');
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ecSpki = new Uint8Array(ec.publicKey.export({ format: 'der', type: 'spki' }));
const ecdsa = { name: 'ECDSA', hash: 'SHA-256' };
const ecSig = await nodeSign(ecdsa, { keyType: 'EC-P256', keyObject: ec.privateKey }, message, nodeRandom);
const [osslEcSign, osslEcVerify] = lastNumbers(opensslSpeed(['ecdsap256'])[0], 2);
row('ECDSA P-256 sign (SHA-256)', 'op/s', await rate(() => nodeSign(ecdsa, { keyType: 'EC-P256', keyObject: ec.privateKey }, message, nodeRandom)), null, null, osslEcSign);
row('ECDSA P-256 verify', 'op/s', await rate(() => node.verify(ecdsa, ecSpki, message, ecSig)), await rate(() => browser.verify(ecdsa, ecSpki, message, ecSig)), null, osslEcVerify);

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsaKey = createPrivateKey(rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }));
const rsaSpki = new Uint8Array(rsa.publicKey.export({ format: 'der', type: 'spki' }));
const pkcs1 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
const rsaSig = await nodeSign(pkcs1, { keyType: 'RSA', keyObject: rsaKey }, message, nodeRandom);
const [osslRsaSign, osslRsaVerify] = lastNumbers(opensslSpeed(['rsa2048'])[0], 2);
row('RSA-2048 sign (PKCS#1 v1.5, SHA-256)', 'op/s', await rate(() => nodeSign(pkcs1, { keyType: 'RSA', keyObject: rsaKey }, message, nodeRandom)), null, null, osslRsaSign);
row('RSA-2048 verify', 'op/s', await rate(() => node.verify(pkcs1, rsaSpki, message, rsaSig)), await rate(() => browser.verify(pkcs1, rsaSpki, message, rsaSig)), null, osslRsaVerify);

const fmt = (v) => (v === null || v === undefined ? '—' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
const header = ['metric', 'unit', 'ours: Node provider', 'ours: pure JS / browser provider', 'sm-crypto 0.5.8', `OpenSSL speed`, 'Node ÷ OpenSSL', 'Node ÷ sm-crypto'];
const body = rows.map((r) => [r.metric, r.unit, fmt(r.node), fmt(r.pure), fmt(r.smc), fmt(r.ossl), ratio(r.node, r.ossl), ratio(r.node, r.smc)]);
const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
const opensslVersion = execFileSync('openssl', ['version']).toString().trim();
console.log(`Node ${process.version}, ${opensslVersion}, ${cpus()[0]?.model ?? 'unknown CPU'}; per second of user CPU time (${SECONDS} s per figure; openssl speed -seconds ${OPENSSL_SECONDS})`);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i < 2 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|')}|`);
for (const b of body) console.log(line(b));
