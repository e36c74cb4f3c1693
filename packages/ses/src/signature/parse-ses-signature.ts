import type { DerLimits } from '@openseal/asn1';
import { derChildren, readDerRoot, TAG, type DerNode } from '../der/der-node.js';
import { DerFieldError, expectTag, readBits, readInteger, readOctetString, readOid, readString, readTime } from '../der/der-values.js';
import type { SesSignature } from '../model/ses-signature-model.js';
import { explicitBits, readExtensionDatas, sealFromNode, withFieldErrors } from '../seal/parse-seal.js';

/**
 * Reads an SES_Signature: v1 (GM/T 0031-2014, 2 fields: the certificate and algorithm sit in TBS_Sign)
 * or v4/v5 (GB/T 38540, 4–5 fields). Optional trailing fields are accepted with or without their
 * [0] tag (ses digest §4). Throws SEAL_MALFORMED.
 */
export function parseSesSignature(der: Uint8Array, limits?: Partial<DerLimits>): SesSignature {
  const root = readDerRoot(der, 'SES_Signature', limits);
  return withFieldErrors('SES_Signature', () => {
    const f = derChildren(expectTag(root, TAG.SEQUENCE, 'SES_Signature'));
    if (f.length === 2) return v1(root, f);
    if (f.length !== 4 && f.length !== 5) throw new DerFieldError('SES_Signature', `${f.length} fields (v1 has 2, v4 4 or 5)`);
    const tbsNode = expectTag(f[0], TAG.SEQUENCE, 'TBS_Sign');
    const t = derChildren(tbsNode);
    if (t.length < 5 || t.length > 6) throw new DerFieldError('TBS_Sign', `${t.length} fields (v4 has 5 or 6)`);
    const seal = sealFromNode(t[1] as DerNode);
    return {
      version: seal.version === 5 ? 5 : 4,
      tbsVersion: readInteger(t[0], 'TBS_Sign.version'),
      seal,
      timeInfo: readTime(t[2], 'TBS_Sign.timeInfo'),
      dataHash: readBits(t[3], 'TBS_Sign.dataHash'),
      propertyInfo: readString(t[4], 'TBS_Sign.propertyInfo'),
      extDatas: t[5] === undefined ? [] : readExtensionDatas(t[5], 'TBS_Sign.extDatas'),
      signerCertificate: readOctetString(f[1], 'SES_Signature.cert'),
      signatureAlgorithmOid: readOid(f[2], 'SES_Signature.signatureAlgID'),
      signature: readBits(f[3], 'SES_Signature.signature'),
      ...(f[4] === undefined ? {} : { timeStamp: explicitBits(f[4], 'SES_Signature.timeStamp') }),
      der: root.bytes,
      toSignDer: tbsNode.bytes,
    };
  });
}

function v1(root: DerNode, f: DerNode[]): SesSignature {
  const tbsNode = expectTag(f[0], TAG.SEQUENCE, 'TBS_Sign');
  const t = derChildren(tbsNode);
  if (t.length !== 7) throw new DerFieldError('TBS_Sign', `${t.length} fields (v1 has 7)`);
  return {
    version: 1,
    tbsVersion: readInteger(t[0], 'TBS_Sign.version'),
    seal: sealFromNode(t[1] as DerNode),
    timeInfo: readTime(t[2], 'TBS_Sign.timeInfo'),
    dataHash: readBits(t[3], 'TBS_Sign.dataHash'),
    propertyInfo: readString(t[4], 'TBS_Sign.propertyInfo'),
    extDatas: [],
    signerCertificate: readOctetString(t[5], 'TBS_Sign.cert'),
    signatureAlgorithmOid: readOid(t[6], 'TBS_Sign.signatureAlgorithm'),
    signature: readBits(f[1], 'SES_Signature.signature'),
    der: root.bytes,
    toSignDer: tbsNode.bytes,
  };
}
