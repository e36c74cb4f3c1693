import { isOpenSealError, SeededRandom } from '@openseal/kernel';
import { describe, expect, it } from 'vitest';
import { OfdDocument, OfdPackage } from '../src/index.js';
import { writeZip } from '../src/zip/write-zip.js';
import { ofdSample } from './support/samples.js';

const ITERATIONS = Number(process.env['FUZZ_ITERATIONS'] ?? 2500);

/** Opens everything a caller could touch: pages, text, templates, resources, annotations, signatures. */
function readAll(bytes: Uint8Array): void {
  const doc = OfdDocument.read(bytes);
  for (let i = 0; i < doc.pageCount; i++) doc.textRuns(i);
  doc.signatures();
  doc.annotations();
  doc.attachments();
}

class Rng {
  readonly #src: SeededRandom;
  constructor(seed: number) {
    this.#src = new SeededRandom(seed);
  }
  /** Uniform enough for fuzzing: a 32-bit draw modulo n. */
  below(n: number): number {
    const b = this.#src.bytes(4);
    return ((((b[0] as number) << 24) | ((b[1] as number) << 16) | ((b[2] as number) << 8) | (b[3] as number)) >>> 0) % n;
  }
}

/** Runs `read` on each mutant; only OpenSeal errors (typed, coded) may come out. */
function fuzz(mutants: Iterable<Uint8Array>): { ok: number; codes: Map<string, number>; untyped: string[] } {
  const codes = new Map<string, number>();
  const untyped: string[] = [];
  let ok = 0;
  for (const m of mutants) {
    try {
      readAll(m);
      ok++;
    } catch (e) {
      if (isOpenSealError(e)) codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
      else if (untyped.length < 5) untyped.push(e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e));
      else untyped.push('…');
    }
  }
  return { ok, codes, untyped };
}

describe('mutation fuzz of ofdrw-sign__helloworld.ofd', () => {
  const original = ofdSample('ofdrw-sign__helloworld.ofd');

  it(`${ITERATIONS} byte-level mutations of the package give only typed errors`, () => {
    const rng = new Rng(20240601);
    function* mutants(): Generator<Uint8Array> {
      for (let n = 0; n < ITERATIONS; n++) {
        const kind = rng.below(4);
        if (kind === 0) {
          yield original.subarray(0, rng.below(original.length));
        } else {
          const m = original.slice();
          const flips = 1 + rng.below(kind === 3 ? 32 : 4);
          for (let k = 0; k < flips; k++) m[rng.below(m.length)] = rng.below(256);
          yield m;
        }
      }
    }
    const result = fuzz(mutants());
    expect(result.untyped).toEqual([]);
    expect(result.ok + [...result.codes.values()].reduce((a, b) => a + b, 0)).toBe(ITERATIONS);
  });

  it(`${ITERATIONS} mutations of the XML parts (re-zipped) give only typed errors`, () => {
    const pkg = OfdPackage.read(original);
    const parts = pkg.entries.map((e) => ({ path: e.path, bytes: e.bytes }));
    const xmlParts = parts.filter((p) => p.path.endsWith('.xml'));
    const tokens = ['<', '>', '&', '"', '/', '..', ' g ', ' -1 ', '1e999', 'NaN', '<ofd:PageBlock>', ']]>', '<!DOCTYPE x>', '\u0000', 'ID="1"', 'xmlns:ofd="x"'].map((t) => new TextEncoder().encode(t));
    const rng = new Rng(987654);
    function* mutants(): Generator<Uint8Array> {
      for (let n = 0; n < ITERATIONS; n++) {
        const target = xmlParts[rng.below(xmlParts.length)]!;
        const src = target.bytes;
        let m: Uint8Array;
        const at = rng.below(src.length);
        switch (rng.below(4)) {
          case 0: {
            m = src.slice();
            m[at] = rng.below(128);
            break;
          }
          case 1:
            m = new Uint8Array([...src.subarray(0, at), ...src.subarray(Math.min(src.length, at + 1 + rng.below(20)))]);
            break;
          case 2: {
            const token = tokens[rng.below(tokens.length)]!;
            m = new Uint8Array([...src.subarray(0, at), ...token, ...src.subarray(at)]);
            break;
          }
          default: {
            const from = rng.below(src.length);
            const len = rng.below(60);
            m = new Uint8Array([...src.subarray(0, at), ...src.subarray(from, from + len), ...src.subarray(at)]);
          }
        }
        yield writeZip(parts.map((p) => ({ name: p.path, data: p.path === target.path ? m : p.bytes, dosTime: 0, dosDate: 33 })));
      }
    }
    const result = fuzz(mutants());
    expect(result.untyped).toEqual([]);
    // The mutants must actually reach the XML and model layers, not only the ZIP layer.
    expect((result.codes.get('OFD_XML_MALFORMED') ?? 0) + (result.codes.get('OFD_MALFORMED') ?? 0)).toBeGreaterThan(ITERATIONS / 4);
  });
});
