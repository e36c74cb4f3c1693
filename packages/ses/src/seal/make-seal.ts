import { encodeDer } from '@openseal/asn1';
import type { CryptoProvider, SignatureAlgorithm, Signer } from '@openseal/crypto';
import { type Clock } from '@openseal/kernel';
import { Certificate, samePublicKey } from '@openseal/pki';
import { OctetString } from '@peculiar/asn1-schema';
import { CertDigestList, CertDigestObj, CertInfoList } from '../asn1/ses-cert-list.js';
import { ExtData, ExtensionDatas } from '../asn1/ext-data.js';
import { SESeal } from '../asn1/se-seal.js';
import { SES_ESPictrueInfo } from '../asn1/ses-es-pictrue-info.js';
import { SES_ESPropertyInfo } from '../asn1/ses-es-property-info.js';
import { SES_Header } from '../asn1/ses-header.js';
import { SES_SealInfo } from '../asn1/ses-seal-info.js';
import { SealInputError } from '../errors.js';
import type { SealExtension } from '../model/seal.js';
import { sealSignatureOid } from '../signature-algorithm.js';
import { sniffPictureType, type SealPictureType } from './picture-format.js';
import { signAndCheck } from './seal-signature-value.js';

export interface MakeSealInput {
  /** 电子印章唯一标识 (IA5String). */
  readonly esID: string;
  /** Vendor ID in SES_Header. */
  readonly vid: string;
  /** 1 单位印章, 2 个人印章; other values are business-defined. */
  readonly type: number;
  readonly name: string;
  /** Signer certificates allowed to use the seal (GB/T 38540 §6.2: 签章人证书列表). */
  readonly certList: ReadonlyArray<Certificate | Uint8Array>;
  /** 1 (default): the certificates; 2: their SM3 digests (CertDigestObj type "SM3"). */
  readonly certListType?: 1 | 2;
  /** Default: the clock's now. */
  readonly createDate?: Date;
  readonly validStart: Date;
  readonly validEnd: Date;
  readonly picture: { readonly type: SealPictureType; readonly data: Uint8Array; readonly widthMm: number; readonly heightMm: number };
  readonly extDatas?: readonly SealExtension[];
}

export interface MakeSealDeps {
  /** The seal maker's key (制章者). */
  readonly signer: Signer;
  readonly makerCertificate: Certificate | Uint8Array;
  readonly provider: CryptoProvider;
  readonly clock: Clock;
  /** Default: the signer's algorithm. */
  readonly signatureAlgorithm?: SignatureAlgorithm;
}

/**
 * Makes a GB/T 38540 v4 seal (SESeal, DER — the .esl file). The maker signs the DER of SES_SealInfo
 * alone, as every real v4 seal does (ses digest §6); the value is checked before it is returned.
 */
export async function makeSeal(input: MakeSealInput, deps: MakeSealDeps): Promise<Uint8Array> {
  const maker = deps.makerCertificate instanceof Certificate ? deps.makerCertificate : Certificate.fromDer(deps.makerCertificate);
  if (!samePublicKey(deps.signer.publicKey, maker.publicKey)) throw new SealInputError('the seal maker key does not match the maker certificate');
  const createDate = wholeSeconds(input.createDate ?? deps.clock.now());
  if (!maker.isValidAt(createDate)) {
    throw new SealInputError('the maker certificate is not valid at the creation date', { createDate: createDate.toISOString(), notAfter: maker.notAfter.toISOString() });
  }
  const alg = deps.signatureAlgorithm ?? deps.signer.algorithm;
  const sealInfo = new SES_SealInfo({
    header: new SES_Header({ ID: 'ES', version: 4, Vid: ascii(input.vid, 'vid') }),
    esID: ascii(input.esID, 'esID'),
    property: property(input, createDate, deps),
    picture: picture(input.picture),
    ...(input.extDatas && input.extDatas.length > 0 ? { extDatas: extensionDatas(input.extDatas) } : {}),
  });
  const sealInfoDer = encodeDer(sealInfo);
  const signedValue = await signAndCheck(deps.signer, sealInfoDer, alg, maker.publicKey, deps.provider, 'seal maker');
  return encodeDer(new SESeal({ eSealInfo: sealInfo, cert: new OctetString(maker.der), signAlgID: sealSignatureOid(alg), signedValue: toBuffer(signedValue) }));
}

function property(input: MakeSealInput, createDate: Date, deps: MakeSealDeps): SES_ESPropertyInfo {
  if (!Number.isInteger(input.type) || input.type < 0) throw new SealInputError('seal type must be a non-negative integer', { type: input.type });
  if (input.name.trim() === '') throw new SealInputError('the seal needs a name');
  if (input.certList.length === 0) throw new SealInputError('the certificate list is empty: nobody could use the seal');
  const validStart = wholeSeconds(input.validStart);
  const validEnd = wholeSeconds(input.validEnd);
  if (!(validStart.getTime() < validEnd.getTime())) throw new SealInputError('validStart must be before validEnd');
  const certs = input.certList.map((c) => (c instanceof Certificate ? c : Certificate.fromDer(c)));
  const certListType = input.certListType ?? 1;
  const list =
    certListType === 1
      ? new CertInfoList(certs.map((c) => new OctetString(c.der)))
      : new CertDigestList(certs.map((c) => new CertDigestObj({ type: 'SM3', value: new OctetString(deps.provider.digest('SM3', c.der)) })));
  return new SES_ESPropertyInfo({
    type: input.type,
    name: input.name,
    certListType,
    certList: toBuffer(encodeDer(list)),
    createDate,
    validStart,
    validEnd,
  });
}

function picture(p: MakeSealInput['picture']): SES_ESPictrueInfo {
  if (p.data.length === 0) throw new SealInputError('the seal picture is empty');
  const actual = sniffPictureType(p.data);
  if (actual !== p.type) throw new SealInputError(`the seal picture is not ${p.type}`, { declared: p.type, detected: actual ?? 'unknown' });
  for (const [k, v] of [['widthMm', p.widthMm], ['heightMm', p.heightMm]] as const) {
    // SES_ESPictrueInfo width/height are INTEGER millimetres.
    if (!Number.isInteger(v) || v <= 0 || v > 1000) throw new SealInputError(`picture ${k} must be a whole number of millimetres in 1..1000`, { [k]: v });
  }
  return new SES_ESPictrueInfo({ type: p.type, data: new OctetString(p.data), width: p.widthMm, height: p.heightMm });
}

function extensionDatas(list: readonly SealExtension[]): ExtensionDatas {
  return new ExtensionDatas(list.map((e) => new ExtData({ extnID: e.extnId, critical: e.critical, extnValue: new OctetString(e.value) })));
}

function ascii(value: string, field: string): string {
  // IA5String: 7-bit characters only.
  if (value === '' || !/^[\x20-\x7e]*$/.test(value)) throw new SealInputError(`${field} must be non-empty printable ASCII (IA5String)`, { [field]: value });
  return value;
}

function wholeSeconds(d: Date): Date {
  if (Number.isNaN(d.getTime())) throw new SealInputError('invalid date');
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

function toBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}
