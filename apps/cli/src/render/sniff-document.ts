import { OfdPackage } from '@openseal/ofd';

export type DocumentKind = 'ofd' | 'pdf' | 'other';

/** What a file is by its content: a PDF header in the first KiB, or a ZIP with OFD.xml at its root. */
export function sniffDocument(bytes: Uint8Array): DocumentKind {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    try {
      return OfdPackage.read(bytes).has('OFD.xml') ? 'ofd' : 'other';
    } catch (e) {
      if (e instanceof Error && 'code' in e) return 'other';
      throw e;
    }
  }
  return 'other';
}
