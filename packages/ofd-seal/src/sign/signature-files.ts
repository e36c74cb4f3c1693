import type { CryptoProvider } from '@openseal/crypto';
import { serializeSignatureXml, setSignaturesLocation, type OfdDocument, type SignatureProvider, type StampAnnot } from '@openseal/ofd';
import { OID } from '@openseal/asn1';
import { assert } from '@openseal/kernel';
import { addSignatureEntry } from '../layout/add-signature-entry.js';
import { absoluteLoc, type SignatureLayout } from '../layout/signature-layout.js';
import type { StampPosition } from '../placement/placement.js';

export const OPENSEAL_PROVIDER: SignatureProvider = { providerName: 'OpenSeal', version: '0.1.0', company: 'OpenSeal' };

export interface SignatureFilesInput {
  readonly doc: OfdDocument;
  readonly layout: SignatureLayout;
  readonly type: 'Seal' | 'Sign';
  /** SignatureMethod: the signature algorithm OID. */
  readonly signatureMethod: string;
  readonly signingTime: Date;
  readonly stamps: readonly StampPosition[];
  /** Written as Seal.esl, named by <Seal> and protected (as ofdrw and dms360 do). */
  readonly sealDer?: Uint8Array;
  readonly provider: Pick<CryptoProvider, 'digest'>;
  readonly signatureProvider?: SignatureProvider;
}

export interface SignatureFiles {
  /** Package changes: OFD.xml (first signature), Signatures.xml, Seal.esl, Signature.xml. */
  readonly puts: Map<string, Uint8Array>;
  /** The exact bytes of Signature.xml: they are hashed and never re-serialised. */
  readonly signatureXml: Uint8Array;
  readonly signatureId: string;
  readonly stampAnnots: readonly StampAnnot[];
  /** Package paths whose SM3 digests Signature.xml lists. */
  readonly protectedFiles: readonly string[];
}

/**
 * Builds the signature side of the package (GB/T 33190 §18, ofd-signature digest §7.5): the OFD.xml
 * pointer on the first signature, the list entry, Seal.esl, and Signature.xml with the SM3 digest of
 * every file except the list and this signature's own Signature.xml / SignedValue.dat — so later
 * signatures can be added, and earlier signatures' files are protected by this one (provable order).
 */
export function buildSignatureFiles(input: SignatureFilesInput): SignatureFiles {
  const { doc, layout } = input;
  const pkg = doc.pkg;
  const puts = new Map<string, Uint8Array>();
  if (layout.addListPointer) {
    const ofd = pkg.entry('OFD.xml');
    assert(ofd !== undefined, 'OfdPackage guarantees OFD.xml');
    puts.set(ofd.path, setSignaturesLocation(ofd.bytes, absoluteLoc(layout.listPath)));
  }
  if (input.sealDer) puts.set(layout.sealPath, input.sealDer);
  const signatureId = layout.nextId(0);
  const stampAnnots: StampAnnot[] = input.stamps.map((s, i) => {
    const page = doc.pages[s.pageIndex];
    assert(page !== undefined, `placement produced page ${s.pageIndex} outside the document`);
    return { id: layout.nextId(i + 1), pageRef: page.id, boundary: s.boundary, ...(s.clip ? { clip: s.clip } : {}) };
  });
  const listEntry = pkg.entry(layout.listPath);
  puts.set(
    listEntry?.path ?? layout.listPath,
    addSignatureEntry(listEntry?.bytes, { id: signatureId, type: input.type, baseLoc: absoluteLoc(layout.signaturePath), maxSignId: layout.nextId(stampAnnots.length) }, layout.listPath),
  );

  const excluded = new Set([layout.listPath, layout.signaturePath, layout.signedValuePath].map((p) => p.toLowerCase()));
  const paths = [...pkg.paths, ...[...puts.keys()].filter((p) => !pkg.has(p))].filter((p) => !excluded.has(p.toLowerCase()));
  const references = paths.map((path) => ({ fileRef: absoluteLoc(path), checkValue: input.provider.digest('SM3', puts.get(path) ?? pkg.bytes(path)) }));
  const signatureXml = serializeSignatureXml({
    signedInfo: {
      provider: input.signatureProvider ?? OPENSEAL_PROVIDER,
      signatureMethod: input.signatureMethod,
      signatureDateTime: generalizedTime(input.signingTime),
      checkMethod: OID.sm3,
      references,
      stampAnnots,
      ...(input.sealDer ? { sealBaseLoc: absoluteLoc(layout.sealPath) } : {}),
    },
    signedValue: absoluteLoc(layout.signedValuePath),
  });
  puts.set(layout.signaturePath, signatureXml);
  return { puts, signatureXml, signatureId, stampAnnots, protectedFiles: paths };
}

/** SignatureDateTime as GeneralizedTime in UTC, "YYYYMMDDHHMMSSZ" (the form KingGrid writes). */
export function generalizedTime(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').replace(/\.\d{3}Z$/, 'Z');
}
