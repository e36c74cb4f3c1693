import { ContentInfo, SignerInfo } from '@peculiar/asn1-cms';
import { OpenSealError } from '@openseal/kernel';
import { OID, parseDer } from '@openseal/asn1';
import { derChildren, derNodeAt, derSlice, derValue } from '../x509/der-reader.js';
import type { CmsAttribute } from './cms-attribute.js';
import { isSignedDataContentType } from './content-types.js';
import { CmsMalformedError } from './errors.js';
import { retag } from './finish-signed-data.js';
import { SignedDataRaw } from './signed-data-schema.js';

export interface AlgorithmIdentifierValue {
  readonly oid: string;
  /** DER of the parameters, when present. */
  readonly parameters?: Uint8Array;
}

export type SignerIdentifierValue =
  | { readonly issuer: Uint8Array /* DER Name */; readonly serialNumber: Uint8Array /* INTEGER content */ }
  | { readonly subjectKeyIdentifier: Uint8Array };

export interface ParsedSignerInfo {
  readonly der: Uint8Array;
  readonly version: number;
  readonly sid: SignerIdentifierValue;
  readonly digestAlgorithm: AlgorithmIdentifierValue;
  readonly signedAttributes?: readonly CmsAttribute[];
  /** The signed attributes re-tagged as DER SET OF: the exact bytes the signature covers. */
  readonly signedAttributesDer?: Uint8Array;
  readonly signatureAlgorithm: AlgorithmIdentifierValue;
  readonly signature: Uint8Array;
  readonly unsignedAttributes: readonly CmsAttribute[];
}

export interface ParsedSignedData {
  /** ContentInfo contentType: id-signedData or GB/T 35275 signedData. */
  readonly contentType: string;
  readonly gm: boolean;
  readonly version: number;
  readonly digestAlgorithms: readonly string[];
  readonly eContentType: string;
  readonly eContent?: Uint8Array;
  /** DER of each CertificateChoices element (X.509 certificates and any other choice, as encoded). */
  readonly certificates: readonly Uint8Array[];
  readonly crls: readonly Uint8Array[];
  readonly signerInfos: readonly ParsedSignerInfo[];
}

/** Parses a DER ContentInfo holding SignedData (RFC 5652 or GB/T 35275). Throws CMS_MALFORMED. */
export function parseSignedData(der: Uint8Array): ParsedSignedData {
  try {
    const info = parseDer(der, ContentInfo, 'ContentInfo');
    if (!isSignedDataContentType(info.contentType)) {
      throw new CmsMalformedError('content type is not signedData', { contentType: info.contentType });
    }
    const sd = parseDer(new Uint8Array(info.content), SignedDataRaw, 'SignedData');
    const eContent = sd.encapContentInfo.eContent;
    const single = eContent?.single ? new Uint8Array(eContent.single.buffer) : undefined;
    return {
      contentType: info.contentType,
      gm: info.contentType === OID.gmSignedData,
      version: sd.version,
      digestAlgorithms: sd.digestAlgorithms.map((a) => a.algorithm),
      eContentType: sd.encapContentInfo.eContentType,
      ...(single ? { eContent: single } : eContent?.any ? { eContent: octetStringValue(new Uint8Array(eContent.any)) } : {}),
      certificates: (sd.certificates ?? []).map((c) => new Uint8Array(c)),
      crls: (sd.crls ?? []).map((c) => new Uint8Array(c)),
      signerInfos: sd.signerInfos.map((s) => parseSignerInfo(new Uint8Array(s))),
    };
  } catch (e) {
    if (e instanceof CmsMalformedError) throw e;
    if (e instanceof OpenSealError) throw new CmsMalformedError(e.message, { reason: e.code }, { cause: e });
    throw e;
  }
}

/** RFC 5652 §5.3 SignerInfo, keeping the exact signed-attribute bytes. */
export function parseSignerInfo(der: Uint8Array): ParsedSignerInfo {
  const si = parseDer(der, SignerInfo, 'SignerInfo');
  const parts = derChildren(der, derNodeAt(der, 0));
  const sidNode = parts[1];
  if (!sidNode) throw new CmsMalformedError('SignerInfo without sid');
  let sid: SignerIdentifierValue;
  if (sidNode.tag === 0x30) {
    const [issuer, serial] = derChildren(der, sidNode);
    if (!issuer || issuer.tag !== 0x30 || !serial || serial.tag !== 0x02) throw new CmsMalformedError('bad IssuerAndSerialNumber');
    sid = { issuer: derSlice(der, issuer), serialNumber: derValue(der, serial) };
  } else if (sidNode.tag === 0x80) {
    sid = { subjectKeyIdentifier: derValue(der, sidNode) };
  } else {
    throw new CmsMalformedError('unknown SignerIdentifier choice', { tag: sidNode.tag });
  }
  const signedNode = parts.find((p) => p.tag === 0xa0);
  const toAttr = (a: { attrType: string; attrValues: ArrayBuffer[] }): CmsAttribute => ({
    type: a.attrType,
    values: a.attrValues.map((v) => new Uint8Array(v)),
  });
  return {
    der,
    version: si.version,
    sid,
    digestAlgorithm: algorithmValue(si.digestAlgorithm),
    ...(si.signedAttrs && signedNode
      ? { signedAttributes: si.signedAttrs.map(toAttr), signedAttributesDer: retag(derSlice(der, signedNode), 0x31) }
      : {}),
    signatureAlgorithm: algorithmValue(si.signatureAlgorithm),
    signature: new Uint8Array(si.signature.buffer),
    unsignedAttributes: (si.unsignedAttrs ?? []).map(toAttr),
  };
}

function algorithmValue(a: { algorithm: string; parameters?: ArrayBuffer | null }): AlgorithmIdentifierValue {
  return a.parameters ? { oid: a.algorithm, parameters: new Uint8Array(a.parameters) } : { oid: a.algorithm };
}

/** eContent parsed as ANY: the DER OCTET STRING's value (primitive form only, as DER requires). */
function octetStringValue(tlv: Uint8Array): Uint8Array {
  const node = derNodeAt(tlv, 0);
  if (node.tag !== 0x04) throw new CmsMalformedError('eContent is not a primitive OCTET STRING', { tag: node.tag });
  return derValue(tlv, node);
}
