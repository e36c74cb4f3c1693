import { encodeDer } from '@openseal/asn1';
import { algorithmFitsKey, defaultSignatureAlgorithm, DIGEST_LENGTH, type CryptoProvider, type SignatureAlgorithm } from '@openseal/crypto';
import { concatBytes, equalBytes } from '@openseal/kernel';
import { Certificate } from '@openseal/pki';
import { OctetString } from '@peculiar/asn1-schema';
import { ExtData, ExtensionDatas } from '../asn1/ext-data.js';
import { derBitString, derGeneralizedTime, derSmallInteger, derTlv } from '../der/der-build.js';
import { SealInputError, SealNotValidError, SealSignerNotAuthorisedError, SealUnsupportedError } from '../errors.js';
import type { Seal, SealExtension } from '../model/seal.js';
import { parseSeal } from '../seal/parse-seal.js';
import { dataHashAlgorithm, sealSignatureOid } from '../signature-algorithm.js';
import { pathCheck, type SesTrustOptions } from '../verify/path-check.js';
import { verifySeal } from '../verify/verify-seal.js';

export interface PrepareSesSignatureInput {
  /** DER SESeal (v4) the signer uses. */
  readonly seal: Uint8Array;
  readonly signerCertificate: Certificate | Uint8Array;
  /** 签章时间 (TBS_Sign.timeInfo, GeneralizedTime, whole seconds). */
  readonly timeInfo: Date;
  /** Hash of the protected original (OFD: of Signature.xml) with dataHashAlgorithm(signature algorithm). */
  readonly dataHash: Uint8Array;
  /** Protection scope; OFD: the package path of Signature.xml. */
  readonly propertyInfo: string;
  readonly extDatas?: readonly SealExtension[];
  /** Default: the usual algorithm of the certificate's key (SM2 → SM3withSM2). */
  readonly signatureAlgorithm?: SignatureAlgorithm;
  /** With trust anchors, the signer certificate must validate (chain, revocation) at timeInfo (§7.2 step 1). */
  readonly trust?: SesTrustOptions;
}

/** Everything finishSesSignature needs; plain data, so a token or remote agent can sign in between. */
export interface PreparedSesSignature {
  /** DER TBS_Sign: exactly the bytes the signer signs. */
  readonly toBeSigned: Uint8Array;
  readonly signatureAlgorithm: SignatureAlgorithm;
  readonly signatureAlgorithmOid: string;
  readonly signerCertificate: Uint8Array;
  /** DER SubjectPublicKeyInfo, to check the value before it is embedded. */
  readonly signerPublicKey: Uint8Array;
  readonly esId: string;
}

/** A seal the signer may use now: checked, with the algorithm the signature will use. */
export interface SealUse {
  readonly seal: Seal;
  readonly signerCertificate: Certificate;
  readonly timeInfo: Date;
  readonly signatureAlgorithm: SignatureAlgorithm;
  readonly signatureAlgorithmOid: string;
}

/**
 * GB/T 38540 §7.2 steps 1–3: the seal verifies and is valid at timeInfo, the signer certificate is in its
 * list and valid at timeInfo, the algorithm fits the key. Throws SEAL_NOT_VALID /
 * SEAL_SIGNER_NOT_AUTHORISED / SEAL_INVALID_INPUT / SEAL_UNSUPPORTED.
 */
export async function checkSealUse(
  input: Pick<PrepareSesSignatureInput, 'seal' | 'signerCertificate' | 'timeInfo' | 'signatureAlgorithm' | 'trust'>,
  deps: { readonly provider: CryptoProvider },
): Promise<SealUse> {
  const seal = parseSeal(input.seal);
  if (seal.version !== 4) throw new SealUnsupportedError(`signing with a v${seal.version} seal (only v4 SES_Signature is written)`);
  const timeInfo = new Date(Math.floor(input.timeInfo.getTime() / 1000) * 1000);
  if (Number.isNaN(timeInfo.getTime())) throw new SealInputError('invalid timeInfo');
  const sealCheck = await verifySeal(seal, { provider: deps.provider, at: timeInfo });
  if (!sealCheck.valid) {
    const failed = sealCheck.checks.find((c) => c.status === 'failed');
    throw new SealNotValidError(seal.esId, failed?.code === 'SEAL_VALIDITY' ? 'outside its validity period' : 'the maker signature does not verify', { check: failed?.code, ...failed?.details });
  }
  const cert = input.signerCertificate instanceof Certificate ? input.signerCertificate : Certificate.fromDer(input.signerCertificate);
  if (!certificateListed(seal, cert, deps.provider)) throw new SealSignerNotAuthorisedError(cert.subject.toString(), seal.esId);
  if (!cert.isValidAt(timeInfo)) throw new SealInputError('the signer certificate is not valid at the signing time', { timeInfo: timeInfo.toISOString() });
  if (!cert.keyType) throw new SealUnsupportedError('the signer certificate key type');
  const alg = input.signatureAlgorithm ?? defaultSignatureAlgorithm(cert.keyType);
  if (!algorithmFitsKey(alg, cert.keyType)) throw new SealInputError('the signature algorithm does not fit the signer key', { algorithm: alg.name, keyType: cert.keyType });
  if (input.trust?.trustAnchors && input.trust.trustAnchors.length > 0) {
    const path = await pathCheck('SES_SIGNER_CERT_PATH', cert, timeInfo, input.trust, deps.provider);
    if (path.status !== 'passed') throw new SealInputError('the signer certificate does not validate at the signing time', { ...path.details });
  }
  return { seal, signerCertificate: cert, timeInfo, signatureAlgorithm: alg, signatureAlgorithmOid: sealSignatureOid(alg) };
}

/**
 * Stage 1 of 电子签章 (GB/T 38540 §7.2): checkSealUse, then TBS_Sign v4 for the given data hash.
 */
export async function prepareSesSignature(input: PrepareSesSignatureInput, deps: { readonly provider: CryptoProvider }): Promise<PreparedSesSignature> {
  return buildSesSignature(await checkSealUse(input, deps), input);
}

/** Builds TBS_Sign v4 { version 4, eseal (as stored), timeInfo, dataHash, propertyInfo[, [0] extDatas] }. */
export function buildSesSignature(use: SealUse, input: Pick<PrepareSesSignatureInput, 'dataHash' | 'propertyInfo' | 'extDatas'>): PreparedSesSignature {
  const hashAlg = dataHashAlgorithm(use.signatureAlgorithm);
  if (input.dataHash.length !== DIGEST_LENGTH[hashAlg]) throw new SealInputError(`dataHash must be a ${hashAlg} digest`, { length: input.dataHash.length });
  if (!/^[\x20-\x7e]+$/.test(input.propertyInfo)) throw new SealInputError('propertyInfo must be printable ASCII (IA5String)');
  const parts = [
    derSmallInteger(4),
    use.seal.der,
    derGeneralizedTime(use.timeInfo),
    derBitString(input.dataHash),
    derTlv(0x16, new TextEncoder().encode(input.propertyInfo)),
  ];
  if (input.extDatas && input.extDatas.length > 0) {
    const ext = new ExtensionDatas(input.extDatas.map((e) => new ExtData({ extnID: e.extnId, critical: e.critical, extnValue: new OctetString(e.value) })));
    parts.push(derTlv(0xa0, encodeDer(ext))); // [0] EXPLICIT, as ofdrw writes it
  }
  return {
    toBeSigned: derTlv(0x30, concatBytes(...parts)),
    signatureAlgorithm: use.signatureAlgorithm,
    signatureAlgorithmOid: use.signatureAlgorithmOid,
    signerCertificate: use.signerCertificate.der,
    signerPublicKey: use.signerCertificate.publicKey,
    esId: use.seal.esId,
  };
}

/** GB/T 38540 §7.3 g: certListType 1 compares DER certificates; 2 compares digests (SM3, else SHA-256, SHA-1). */
export function certificateListed(seal: Seal, cert: Certificate, provider: CryptoProvider): boolean {
  const list = seal.certList;
  if (list.kind === 'certificates') return list.certificates.some((c) => equalBytes(c, cert.der));
  if (list.kind === 'digests') {
    const digests = (['SM3', 'SHA-256', 'SHA-1'] as const).map((a) => provider.digest(a, cert.der));
    return list.digests.some((d) => digests.some((h) => equalBytes(h, d.value)));
  }
  return false;
}
