/** Test-only: rewrites one package entry with one byte flipped (the other entries stay byte-identical). */
import { OfdPackage, updatePackage } from '@openseal/ofd';

export function flipByte(ofd: Uint8Array, path: string, at?: (bytes: Uint8Array) => number): Uint8Array {
  const pkg = OfdPackage.read(ofd);
  const bytes = pkg.bytes(path).slice();
  const i = at ? at(bytes) : Math.floor(bytes.length / 2);
  bytes[i] = (bytes[i] as number) ^ 0x01;
  return updatePackage(pkg, { put: { [path]: bytes } });
}

/** Flips a digit in the first text node that has one (0↔1, 2↔3…), so the XML stays well-formed. */
export function flipXmlText(ofd: Uint8Array, path: string): Uint8Array {
  return flipByte(ofd, path, (b) => {
    const s = new TextDecoder().decode(b);
    const m = />[^<]*?[0-9]/.exec(s);
    if (!m) throw new Error(`no digit in the text of ${path}`);
    return Buffer.byteLength(s.slice(0, m.index + m[0].length - 1));
  });
}

export function addFile(ofd: Uint8Array, path: string, bytes: Uint8Array): Uint8Array {
  return updatePackage(OfdPackage.read(ofd), { put: { [path]: bytes } });
}
