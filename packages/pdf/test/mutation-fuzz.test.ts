// Mutation fuzzing of small samples: every mutant is read, walked, decoded and (when allowed) appended to.
// Only typed PDF_* errors may come out, and no mutant may take long.
import { describe, expect, it } from 'vitest';
import { OpenSealError, SeededRandom } from '@openseal/kernel';
import { IncrementalWriter, PdfDocument, PdfStream, dict, listFields, listSignatures, pageCount, type PdfLimits, type PdfLoadOptions } from '@openseal/pdf';
import { sampleBytes } from './support/samples.js';

const ITERATIONS = Number(process.env['FUZZ_ITERATIONS'] ?? 1500);
const LIMITS: Partial<PdfLimits> = { maxDecodedStreamSize: 4_000_000, maxWork: 50_000_000 };

function mutate(src: Uint8Array, rnd: SeededRandom): Uint8Array {
  const r = (n: number): number => (rnd.bytes(4).reduce((a, b) => a * 256 + b, 0) >>> 0) % Math.max(1, n);
  let out = src.slice();
  const edits = 1 + r(4);
  for (let e = 0; e < edits; e++) {
    const at = r(out.length);
    switch (r(6)) {
      case 0: out[at] = r(256); break; // random byte
      case 1: out[at] = (out[at] ?? 0) ^ (1 << r(8)); break; // bit flip
      case 2: out = Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + 1 + r(16))]); break; // delete
      case 3: out = Uint8Array.from([...out.subarray(0, at), ...rnd.bytes(1 + r(8)), ...out.subarray(at)]); break; // insert
      case 4: { // duplicate a chunk
        const len = 1 + r(64);
        out = Uint8Array.from([...out.subarray(0, at), ...out.subarray(at, at + len), ...out.subarray(at)]);
        break;
      }
      default: if (out[at]! >= 0x30 && out[at]! <= 0x39) out[at] = 0x30 + r(10); else out[at] = 0x30 + r(10); // digits: offsets, lengths
    }
  }
  return out;
}

function exercise(bytes: Uint8Array, options: PdfLoadOptions): void {
  const doc = PdfDocument.load(bytes, { ...options, limits: LIMITS });
  pageCount(doc.latest);
  listFields(doc.latest);
  listSignatures(doc);
  const size = Math.min(doc.latest.size, 200);
  for (let n = 1; n < size; n++) {
    try {
      const o = doc.getObject(n);
      if (o instanceof PdfStream) doc.latest.decodeStream(o);
    } catch (e) {
      if (!(e instanceof OpenSealError)) throw e;
    }
  }
  if (!doc.recovered) {
    const w = new IncrementalWriter(doc, { random: new SeededRandom(1) });
    w.add(dict({ A: 1 }));
    PdfDocument.load(w.write().toBytes(), { ...options, limits: LIMITS });
  }
}

describe('mutation fuzzing', () => {
  // The AES-256 sample gets fewer mutants: each open runs the deliberately slow R6 password hash.
  for (const [name, options, share] of [
    ['pyHanko__minimal.pdf', {}, 1],
    ['pyHanko__uncompressed-objstream-sample.pdf', {}, 1],
    ['pyHanko__minimal-aes256.pdf', { password: 'usersecret' }, 0.1],
  ] as const) {
    const iterations = Math.ceil(ITERATIONS * share);
    it(`${name}: ${iterations} mutants give only typed errors, none slow`, { timeout: Math.max(60_000, iterations * 150) }, () => {
      const src = sampleBytes(name);
      const rnd = new SeededRandom(name.length * 7919);
      const outcomes = new Map<string, number>();
      let slowest = 0;
      for (let i = 0; i < iterations; i++) {
        const m = mutate(src, rnd);
        const t = performance.now();
        let code = 'ok';
        try {
          exercise(m, options);
        } catch (e) {
          if (!(e instanceof OpenSealError)) throw new Error(`mutant ${i} of ${name} threw ${String(e)}`, { cause: e });
          code = e.code;
        }
        slowest = Math.max(slowest, performance.now() - t);
        outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
      }
      expect(slowest).toBeLessThan(2000);
      expect([...outcomes.keys()].every((c) => c === 'ok' || c.startsWith('PDF_'))).toBe(true);
      console.info(name, Object.fromEntries(outcomes), `slowest ${slowest.toFixed(1)} ms`);
    });
  }
});
