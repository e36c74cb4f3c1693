import type { DerLimits } from '@openseal/asn1';
import { OpenSealError } from '@openseal/kernel';
import { derChildren, readDerRoot, TAG, type DerNode } from '../der/der-node.js';
import { derSequenceOf } from '../der/der-build.js';
import { DerFieldError, expectTag, readBits, readBoolean, readInteger, readOctetString, readOid, readString, readTime } from '../der/der-values.js';
import { SealMalformedError } from '../errors.js';
import type { Seal, SealCertList, SealExtension, SealVersion } from '../model/seal.js';

/**
 * Reads an SESeal of any version (GM/T 0031-2014 v1, GB/T 38540 v4, v5), detected by field count as
 * ofdrw does (v1 has 2 fields; v4 4; v5 5 or header version 5). Lenient where real files differ
 * (UTCTime/GeneralizedTime, OCTET/BIT STRING); throws SEAL_MALFORMED for anything else.
 */
export function parseSeal(der: Uint8Array, limits?: Partial<DerLimits>): Seal {
  const root = readDerRoot(der, 'SESeal', limits);
  return withFieldErrors('SESeal', () => sealFromNode(root));
}

/** Reads the SESeal at `node` (also used for the seal inside TBS_Sign). */
export function sealFromNode(node: DerNode): Seal {
  expectTag(node, TAG.SEQUENCE, 'SESeal');
  const f = derChildren(node);
  if (f.length === 2) return v1Seal(node, f);
  if (f.length !== 4 && f.length !== 5) throw new DerFieldError('SESeal', `${f.length} fields (v1 has 2, v4 4, v5 4 or 5)`);
  const info = sealInfo(f[0], 'v4');
  const version: SealVersion = f.length === 5 || info.header.version === 5 ? 5 : 4;
  const cert = f[1] as DerNode;
  const alg = f[2] as DerNode;
  const seal: Seal = {
    version,
    ...info,
    maker: { certificate: readOctetString(cert, 'SESeal.cert'), signatureAlgorithmOid: readOid(alg, 'SESeal.signAlgID'), signature: readBits(f[3], 'SESeal.signedValue') },
    ...(f[4] === undefined ? {} : { timeStamp: explicitBits(f[4], 'SESeal.timeStamp') }),
    der: node.bytes,
    sealInfoDer: (f[0] as DerNode).bytes,
    v1SignedData: derSequenceOf((f[0] as DerNode).bytes, cert.bytes, alg.bytes),
  };
  return seal;
}

function v1Seal(node: DerNode, f: DerNode[]): Seal {
  const info = sealInfo(f[0], 'v1');
  const signInfo = derChildren(expectTag(f[1], TAG.SEQUENCE, 'SES_SignInfo'));
  const cert = signInfo[0];
  const alg = signInfo[1];
  return {
    version: 1,
    ...info,
    maker: { certificate: readOctetString(cert, 'SES_SignInfo.cert'), signatureAlgorithmOid: readOid(alg, 'SES_SignInfo.signatureAlgorithm'), signature: readBits(signInfo[2], 'SES_SignInfo.signData') },
    der: node.bytes,
    sealInfoDer: (f[0] as DerNode).bytes,
    v1SignedData: derSequenceOf((f[0] as DerNode).bytes, (cert as DerNode).bytes, (alg as DerNode).bytes),
  };
}

type SealInfoPart = Pick<Seal, 'header' | 'esId' | 'type' | 'name' | 'certListType' | 'certList' | 'createDate' | 'validStart' | 'validEnd' | 'picture' | 'extDatas'>;

function sealInfo(node: DerNode | undefined, layout: 'v1' | 'v4'): SealInfoPart {
  const f = derChildren(expectTag(node, TAG.SEQUENCE, 'SES_SealInfo'));
  if (f.length < 4 || f.length > 5) throw new DerFieldError('SES_SealInfo', `${f.length} fields (expected 4 or 5)`);
  const h = derChildren(expectTag(f[0], TAG.SEQUENCE, 'SES_Header'));
  const header = { id: readString(h[0], 'SES_Header.ID'), version: readInteger(h[1], 'SES_Header.version'), vid: readString(h[2], 'SES_Header.Vid') };
  const p = derChildren(expectTag(f[2], TAG.SEQUENCE, 'SES_ESPropertyInfo'));
  // v4 inserts certListType after name; a v1 property has 6 fields, a v4 one 7.
  const v4Layout = p.length === 7 || (layout === 'v4' && p.length !== 6);
  const base = v4Layout ? 4 : 3;
  const certListType = v4Layout ? readInteger(p[2], 'SES_ESPropertyInfo.certListType') : 1;
  const pic = derChildren(expectTag(f[3], TAG.SEQUENCE, 'SES_ESPictrueInfo'));
  return {
    header,
    esId: readString(f[1], 'SES_SealInfo.esID'),
    type: readInteger(p[0], 'SES_ESPropertyInfo.type'),
    name: readString(p[1], 'SES_ESPropertyInfo.name'),
    certListType,
    certList: certList(p[base - 1], certListType),
    createDate: readTime(p[base], 'SES_ESPropertyInfo.createDate'),
    validStart: readTime(p[base + 1], 'SES_ESPropertyInfo.validStart'),
    validEnd: readTime(p[base + 2], 'SES_ESPropertyInfo.validEnd'),
    picture: {
      type: readString(pic[0], 'SES_ESPictrueInfo.type'),
      data: readOctetString(pic[1], 'SES_ESPictrueInfo.data'),
      widthMm: readInteger(pic[2], 'SES_ESPictrueInfo.width'),
      heightMm: readInteger(pic[3], 'SES_ESPictrueInfo.height'),
    },
    extDatas: f[4] === undefined ? [] : readExtensionDatas(f[4], 'SES_SealInfo.extDatas'),
  };
}

function certList(node: DerNode | undefined, certListType: number): SealCertList {
  const items = derChildren(expectTag(node, TAG.SEQUENCE, 'SES_ESPropertyInfo.certList'));
  if (certListType === 2) {
    return {
      kind: 'digests',
      digests: items.map((d) => {
        const c = derChildren(expectTag(d, TAG.SEQUENCE, 'CertDigestObj'));
        return { type: readString(c[0], 'CertDigestObj.type'), value: readOctetString(c[1], 'CertDigestObj.value') };
      }),
    };
  }
  if (items.every((i) => i.tag === TAG.OCTET_STRING)) return { kind: 'certificates', certificates: items.map((i) => i.content) };
  return { kind: 'other', entries: items.map((i, n) => (i.tag === TAG.OCTET_STRING ? `certificate #${n}` : readString(i, 'SES_ESPropertyInfo.certList entry'))) };
}

/** ExtensionDatas, bare or inside [0] EXPLICIT (ses digest §4: both forms occur). */
export function readExtensionDatas(node: DerNode, field: string): SealExtension[] {
  const seq = node.tag === TAG.CONTEXT_0 ? derChildren(node)[0] : node;
  return derChildren(expectTag(seq, TAG.SEQUENCE, field)).map((e) => {
    const c = derChildren(expectTag(e, TAG.SEQUENCE, `${field} ExtData`));
    const hasCritical = c.length === 3;
    return {
      extnId: readOid(c[0], 'ExtData.extnID'),
      critical: hasCritical ? readBoolean(c[1], 'ExtData.critical') : false,
      value: readOctetString(c[hasCritical ? 2 : 1], 'ExtData.extnValue'),
    };
  });
}

/** `[0] EXPLICIT BIT STRING`, or the bare BIT STRING some verifiers model. */
export function explicitBits(node: DerNode, field: string): Uint8Array {
  if (node.tag === TAG.CONTEXT_0) return readBits(derChildren(node)[0], field);
  return readBits(node, field);
}

/** Runs a reader and turns field errors into SEAL_MALFORMED. */
export function withFieldErrors<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof DerFieldError) throw new SealMalformedError(what, e.message, { field: e.field }, { cause: e });
    if (e instanceof OpenSealError && !(e instanceof SealMalformedError)) throw new SealMalformedError(what, e.message, { error: e.code }, { cause: e });
    throw e;
  }
}
