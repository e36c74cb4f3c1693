import { dirOf, resolveLoc, type OfdDocument, type SignatureList } from '@openseal/ofd';
import { OfdSealLockedError } from '../errors.js';

/** Where a new signature goes in the package and which signature-side IDs it uses (GB/T 33190 §18.1). */
export interface SignatureLayout {
  /** Package path of Signatures.xml (existing, or the conventional `Doc_N/Signs/Signatures.xml`). */
  readonly listPath: string;
  /** True when OFD.xml has no DocBody/Signatures yet (the first signature adds it). */
  readonly addListPointer: boolean;
  /** `Doc_0/Signs/Sign_N`: the first unused directory. */
  readonly signDir: string;
  readonly signaturePath: string;
  readonly signedValuePath: string;
  readonly sealPath: string;
  /** The new Signature@ID and the IDs for its StampAnnots: s001, s002… after the largest number in use. */
  readonly nextId: (n: number) => string;
  /** Signatures already in the document. */
  readonly existing: SignatureList | undefined;
}

/**
 * Plans the new signature's files. Refuses when an earlier signature protects the list file: adding an
 * entry would change it and break that signature (the h.ofd failure mode, ofd-signature digest §7.6).
 */
export function planSignatureLayout(doc: OfdDocument): SignatureLayout {
  const existing = doc.signatures();
  const listPath = existing?.path ?? `${prefixDir(dirOf(doc.documentPath))}Signs/Signatures.xml`;
  for (const s of existing?.signatures ?? []) {
    if (s.references.some((r) => sameFile(r.path, listPath))) throw new OfdSealLockedError(s.entry.id, listPath);
  }
  // Conventional Doc_N/Signs/Sign_k directories, wherever the list itself lives (dms360 keeps it in Doc_0).
  const signsDir = `${prefixDir(dirOf(doc.documentPath))}Signs`;
  const taken = new Set(doc.pkg.paths.map((p) => p.toLowerCase()));
  let n = 0;
  const dirFor = (i: number) => `${prefixDir(signsDir)}Sign_${i}`;
  while ([...taken].some((p) => p.startsWith(`${dirFor(n).toLowerCase()}/`))) n++;
  const signDir = dirFor(n);
  const used = [existing?.xml.maxSignId, ...(existing?.signatures ?? []).flatMap((s) => [s.entry.id, ...s.xml.signedInfo.stampAnnots.map((a) => a.id)])];
  const max = Math.max(0, ...used.map(trailingNumber));
  return {
    listPath,
    addListPointer: existing === undefined,
    signDir,
    signaturePath: `${signDir}/Signature.xml`,
    signedValuePath: `${signDir}/SignedValue.dat`,
    sealPath: `${signDir}/Seal.esl`,
    // xs:ID values must start with a letter (ST_ID is numeric, but Signature@ID is xs:ID).
    nextId: (i: number) => `s${String(max + 1 + i).padStart(3, '0')}`,
    existing,
  };
}

function trailingNumber(id: string | undefined): number {
  const m = id === undefined ? null : /(\d+)\s*$/.exec(id);
  return m ? Number(m[1]) : 0;
}

function prefixDir(dir: string): string {
  return dir === '' ? '' : `${dir}/`;
}

function sameFile(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Absolute ST_Loc form of a package path, as real signers write FileRef and BaseLoc. */
export function absoluteLoc(path: string): string {
  return `/${resolveLoc(path, '')}`;
}
