import { fromBase64, toBase64 } from '@openseal/kernel';
import type { XmlElement } from '../xml/xml-element.js';
import { serializeOfdXml, x, xText } from '../xml/xml-writer.js';
import { assign } from './assign.js';
import type { ST_Box } from './primitives.js';
import { formatBox } from './write-page-objects.js';
import type { ReadContext } from './xml-read.js';
import { expectRoot, kid, kids, kidText, malformed, optBox, optString, parseId, reqBox, reqKid, reqKidText, reqString } from './xml-read.js';

/** Provider (§18.2.1, 表67): written as attributes; one producer (dms360) writes child elements instead. */
export interface SignatureProvider {
  providerName: string;
  version?: string;
  company?: string;
  /** OFD 2.0 addition. */
  protocolVer?: string;
}

/** A protected file (§18.2.2, 表68): FileRef is an absolute ST_Loc, CheckValue = digest(exact stored bytes). */
export interface SignatureReference {
  fileRef: string;
  checkValue: Uint8Array;
}

/** StampAnnot (§18.2.3, 表69): where the seal picture appears; Clip (relative to Boundary) draws a slice (骑缝章). */
export interface StampAnnot {
  id: string;
  pageRef: number;
  boundary: ST_Box;
  clip?: ST_Box;
}

/** SignedInfo of Signature.xml, as plain data: the seal engine verifies it; this package only reads and writes it. */
export interface SignedInfo {
  provider: SignatureProvider;
  signatureMethod?: string;
  signatureDateTime?: string;
  /** CheckMethod: XSD default "MD5"; real files use "1.2.156.10197.1.401" or "SM3". */
  checkMethod?: string;
  references: SignatureReference[];
  stampAnnots: StampAnnot[];
  /** Seal/BaseLoc → Seal.esl, when the producer wrote it. */
  sealBaseLoc?: string;
  /** OFD 2.0 Parameters/Parameter. */
  parameters?: Array<{ name: string; type?: string; value: string }>;
}

/** Signature.xml (签名描述文件, GB/T 33190 §18.2, 图86). */
export interface SignatureXml {
  signedInfo: SignedInfo;
  /** ST_Loc of SignedValue.dat. */
  signedValue: string;
}

export function parseSignatureXml(root: XmlElement, ctx: ReadContext): SignatureXml {
  expectRoot(root, 'Signature', ctx);
  const si = reqKid(root, 'SignedInfo', ctx);
  const providerEl = reqKid(si, 'Provider', ctx);
  const name = providerEl.attr('ProviderName') ?? kidText(providerEl, 'ProviderName');
  if (name === undefined) throw malformed(ctx, providerEl, 'ProviderName missing');
  const provider: SignatureProvider = { providerName: name };
  assign(provider, 'version', providerEl.attr('Version') ?? kidText(providerEl, 'Version'));
  assign(provider, 'company', providerEl.attr('Company') ?? kidText(providerEl, 'Company'));
  assign(provider, 'protocolVer', optString(providerEl, 'ProtocolVer'));

  const refs = reqKid(si, 'References', ctx);
  const signedInfo: SignedInfo = {
    provider,
    references: kids(refs, 'Reference').map((r) => {
      const text = reqKidText(r, 'CheckValue', ctx);
      let checkValue: Uint8Array;
      try {
        checkValue = fromBase64(text);
      } catch (e) {
        throw malformed(ctx, r, `CheckValue is not base64 (${e instanceof Error ? e.message : String(e)})`, text);
      }
      return { fileRef: reqString(r, 'FileRef', ctx), checkValue };
    }),
    stampAnnots: kids(si, 'StampAnnot').map((s) => {
      const annot: StampAnnot = {
        id: reqString(s, 'ID', ctx),
        pageRef: parseId(reqString(s, 'PageRef', ctx), ctx, s, 'PageRef'),
        boundary: reqBox(s, 'Boundary', ctx),
      };
      assign(annot, 'clip', optBox(s, 'Clip', ctx));
      return annot;
    }),
  };
  assign(signedInfo, 'signatureMethod', kidText(si, 'SignatureMethod'));
  assign(signedInfo, 'signatureDateTime', kidText(si, 'SignatureDateTime'));
  assign(signedInfo, 'checkMethod', optString(refs, 'CheckMethod'));
  const seal = kid(si, 'Seal');
  if (seal !== undefined) signedInfo.sealBaseLoc = reqKidText(seal, 'BaseLoc', ctx);
  const params = kid(si, 'Parameters');
  if (params !== undefined) {
    signedInfo.parameters = kids(params, 'Parameter').map((p) => {
      const param: { name: string; type?: string; value: string } = { name: reqString(p, 'Name', ctx), value: p.text() };
      assign(param, 'type', optString(p, 'Type'));
      return param;
    });
  }
  return { signedInfo, signedValue: reqKidText(root, 'SignedValue', ctx) };
}

/**
 * Writes Signature.xml in XSD order (Provider, SignatureMethod, SignatureDateTime, References, StampAnnot*,
 * Seal, then SignedValue). Serialise once and digest those exact bytes: never re-serialise afterwards.
 */
export function serializeSignatureXml(sig: SignatureXml): Uint8Array {
  const si = sig.signedInfo;
  return serializeOfdXml(
    x(
      'Signature',
      [],
      x(
        'SignedInfo',
        [],
        x('Provider', [['ProviderName', si.provider.providerName], ['Version', si.provider.version], ['Company', si.provider.company], ['ProtocolVer', si.provider.protocolVer]]),
        xText('SignatureMethod', si.signatureMethod),
        xText('SignatureDateTime', si.signatureDateTime),
        x('References', [['CheckMethod', si.checkMethod]], si.references.map((r) => x('Reference', [['FileRef', r.fileRef]], xText('CheckValue', toBase64(r.checkValue))))),
        si.stampAnnots.map((s) =>
          x('StampAnnot', [['ID', s.id], ['PageRef', s.pageRef], ['Boundary', formatBox(s.boundary)], ['Clip', s.clip === undefined ? undefined : formatBox(s.clip)]]),
        ),
        si.sealBaseLoc === undefined ? undefined : x('Seal', [], xText('BaseLoc', si.sealBaseLoc)),
        si.parameters === undefined ? undefined : x('Parameters', [], si.parameters.map((p) => xText('Parameter', p.value, [['Name', p.name], ['Type', p.type]]))),
      ),
      xText('SignedValue', sig.signedValue),
    ),
  );
}
