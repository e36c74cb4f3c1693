import type { SignatureEntry, SignaturesXml } from '../model/signatures-xml.js';
import { parseSignaturesXml } from '../model/signatures-xml.js';
import type { SignatureXml } from '../model/signature-xml.js';
import { parseSignatureXml } from '../model/signature-xml.js';
import { dirOf, resolveLoc } from '../package/st-loc.js';
import type { XmlElement } from '../xml/xml-element.js';

/** One signature of the list with its Signature.xml and every location resolved to a package path. */
export interface SignatureInfo {
  readonly entry: SignatureEntry;
  /** Package path of Signature.xml. */
  readonly path: string;
  readonly xml: SignatureXml;
  /** References with FileRef resolved (absolute, or relative to Signature.xml's directory). */
  readonly references: ReadonlyArray<{ readonly fileRef: string; readonly path: string; readonly checkValue: Uint8Array }>;
  readonly signedValuePath: string;
  readonly sealPath?: string;
}

export interface SignatureList {
  /** Package path of Signatures.xml. */
  readonly path: string;
  readonly xml: SignaturesXml;
  readonly signatures: readonly SignatureInfo[];
}

/** Reads the signature list named by DocBody/Signatures (§18.1) and each Signature.xml (§18.2). */
export function readSignatures(loc: string, readXml: (path: string, from: string) => XmlElement): SignatureList {
  const path = resolveLoc(loc, '');
  const xml = parseSignaturesXml(readXml(path, 'OFD.xml'), { part: path });
  const signatures = xml.signatures.map((entry): SignatureInfo => {
    const sigPath = resolveLoc(entry.baseLoc, dirOf(path));
    const sig = parseSignatureXml(readXml(sigPath, path), { part: sigPath });
    const dir = dirOf(sigPath);
    const info: SignatureInfo = {
      entry,
      path: sigPath,
      xml: sig,
      references: sig.signedInfo.references.map((r) => ({ fileRef: r.fileRef, path: resolveLoc(r.fileRef, dir), checkValue: r.checkValue })),
      signedValuePath: resolveLoc(sig.signedValue, dir),
      ...(sig.signedInfo.sealBaseLoc === undefined ? {} : { sealPath: resolveLoc(sig.signedInfo.sealBaseLoc, dir) }),
    };
    return info;
  });
  return { path, xml, signatures };
}
