import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PFX } from '@peculiar/asn1-pfx';
import { ContentInfo, id_data } from '@peculiar/asn1-cms';
import { OctetString } from '@peculiar/asn1-schema';
import { EncryptedData, EncryptedPrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { encodeDer, parseDer } from '@openseal/asn1';
import { OpenSealError, SeededRandom, toHex, utf8 } from '@openseal/kernel';
import { createEcPrivateKey, exportPrivateKeyPkcs8, parsePrivateKey } from '@openseal/crypto';
import { encryptPrivateKey, loadPrivateKey, writePkcs12 } from '@openseal/crypto/node';
import { computePkcs12Mac } from '../src/node/keys/pkcs12-mac.js';
import { pkcs12Password } from '../src/node/keys/pkcs12-kdf.js';
import { cbcCipherByName } from '../src/node/keys/cbc-cipher.js';
import { pbes2Encrypt } from '../src/node/keys/pbes2.js';
import { encodePem } from '../src/keys/pem.js';
import { fakeCertificate } from './support/fake-certificate.js';

// Random mutations of real key files must only ever raise OpenSealError subclasses, and quickly.
const ITERATIONS = Number(process.env['FUZZ_ITERATIONS'] ?? 1000);
const PASS = 'fuzz-pass';
const LIMITS = { maxIterations: 50_000 };
const rng = new SeededRandom(20261125);

const sm2 = createEcPrivateKey('SM2', utf8('0123456789abcdef0123456789abcdef'));
const ec = parsePrivateKey(new Uint8Array(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'der', type: 'sec1' })));
const rsaPkcs1 = new Uint8Array(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'der', type: 'pkcs1' }));

const SM2_PKCS8 = exportPrivateKeyPkcs8(sm2);
const EC_SEC1 = new Uint8Array(
  generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ format: 'der', type: 'sec1' }),
);
const ENCRYPTED = encryptPrivateKey(ec, PASS, { cipher: 'SM4-CBC', iterations: 16, random: new SeededRandom(1) });
const P12 = writePkcs12(sm2, [fakeCertificate(sm2.publicKey, 'fuzz')], { passphrase: PASS, random: new SeededRandom(2), iterations: 16 });

function pick(n: number): number {
  const b = rng.bytes(4);
  const v = (((b[0] as number) << 24) | ((b[1] as number) << 16) | ((b[2] as number) << 8) | (b[3] as number)) >>> 0;
  return v % Math.max(1, n);
}

/** One to three random edits: bit flips, byte sets, length-byte tricks, truncation, insertion, deletion. */
function mutate(input: Uint8Array): Uint8Array {
  let out = input.slice();
  for (let edits = 1 + pick(3); edits > 0; edits--) {
    const at = pick(out.length);
    switch (pick(7)) {
      case 0:
        out[at] = (out[at] as number) ^ (1 << pick(8));
        break;
      case 1:
        out[at] = pick(256);
        break;
      case 2:
        out[at] = [0x00, 0x7f, 0x80, 0x81, 0x84, 0xff][pick(6)] as number;
        break;
      case 3:
        out = out.slice(0, at);
        break;
      case 4:
        out = Uint8Array.from([...out.subarray(0, at), pick(256), ...out.subarray(at)]);
        break;
      case 5:
        out = Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + 1)]);
        break;
      default: {
        const len = pick(16);
        out = Uint8Array.from([...out.subarray(0, at), ...out.subarray(at, at + len), ...out.subarray(at)]);
      }
    }
  }
  return out;
}

/** Rebuilds a PFX around mutated AuthenticatedSafe octets with a valid MAC, so parsing goes past the MAC. */
function remacP12(p12: Uint8Array): Uint8Array {
  const pfx = parseDer(p12, PFX);
  const authSafe = mutate(new Uint8Array(parseDer(new Uint8Array(pfx.authSafe.content), OctetString).buffer));
  pfx.authSafe = new ContentInfo({ contentType: id_data, content: encodeDer(new OctetString(authSafe)).buffer as ArrayBuffer });
  const salt = new Uint8Array(pfx.macData.macSalt.buffer);
  const mac = computePkcs12Mac(pfx.macData.mac.digestAlgorithm.algorithm, pkcs12Password(PASS), salt, pfx.macData.iterations, authSafe);
  pfx.macData.mac.digest = new OctetString(mac);
  return encodeDer(pfx);
}

/** Encrypts a mutated PKCS#8 correctly, so the parser sees garbage only after a successful decryption. */
function encryptMutated(pkcs8: Uint8Array): Uint8Array {
  const { algorithm, ciphertext } = pbes2Encrypt(mutate(pkcs8), utf8(PASS), {
    cipher: cbcCipherByName('AES-256-CBC') as NonNullable<ReturnType<typeof cbcCipherByName>>,
    prf: 'HMAC-SHA256',
    iterations: 4,
    random: rng,
  });
  return encodeDer(new EncryptedPrivateKeyInfo({ encryptionAlgorithm: algorithm, encryptedData: new EncryptedData(ciphertext) }));
}

function run(name: string, make: () => Uint8Array | string): void {
  it(`${name}: ${ITERATIONS} mutations raise only OpenSealError subclasses`, () => {
    const unexpected: string[] = [];
    let slowest = 0;
    let accepted = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const input = make();
      const started = performance.now();
      try {
        loadPrivateKey(input, { passphrase: PASS, limits: LIMITS });
        accepted++;
      } catch (e) {
        if (!(e instanceof OpenSealError)) unexpected.push(`${String(e)} ← ${typeof input === 'string' ? input : toHex(input)}`);
      }
      slowest = Math.max(slowest, performance.now() - started);
    }
    expect(unexpected.slice(0, 3)).toEqual([]);
    expect(slowest).toBeLessThan(2_000);
    expect(accepted).toBeLessThan(ITERATIONS);
  });
}

describe('key loader fuzzing', () => {
  run('SM2 PKCS#8', () => mutate(SM2_PKCS8));
  run('P-384 SEC 1', () => mutate(EC_SEC1));
  run('RSA PKCS#1', () => mutate(rsaPkcs1));
  run('encrypted PKCS#8', () => mutate(ENCRYPTED));
  run('PKCS#12 (outer bytes)', () => mutate(P12));
  run('PKCS#12 (inner bytes under a valid MAC)', () => remacP12(P12));
  run('PEM text', () => {
    const pem = encodePem('PRIVATE KEY', SM2_PKCS8);
    const bytes = mutate(utf8(pem));
    return new TextDecoder().decode(bytes);
  });
  run('PKCS#8 mutated under valid encryption', () => encryptMutated(SM2_PKCS8));
});
