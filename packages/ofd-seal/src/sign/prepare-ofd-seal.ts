import type { CryptoProvider, SignatureAlgorithm } from '@openseal/crypto';
import { OfdDocument, OfdPackage, type OfdPackageLimits, type SignatureProvider } from '@openseal/ofd';
import type { Certificate } from '@openseal/pki';
import { buildSesSignature, checkSealUse, dataHashAlgorithm, parseSeal, type SealExtension, type SesTrustOptions } from '@openseal/ses';
import { planSignatureLayout } from '../layout/signature-layout.js';
import type { SealPlacement } from '../placement/placement.js';
import { resolvePlacement } from '../placement/resolve-placement.js';
import { PreparedOfdSignature } from './prepared-ofd-signature.js';
import { buildSignatureFiles } from './signature-files.js';

export interface PrepareOfdSealInput {
  /** The OFD file, or a package already opened with OfdPackage.read. */
  readonly document: Uint8Array | OfdPackage;
  /** DER SESeal v4 (.esl). */
  readonly seal: Uint8Array;
  readonly signerCertificate: Certificate | Uint8Array;
  /** 签章时间: TBS_Sign.timeInfo and SignatureDateTime (whole seconds, UTC). */
  readonly signingTime: Date;
  /** Where the seal appears; several placements give several StampAnnots of one signature. */
  readonly placement: SealPlacement | readonly SealPlacement[];
  readonly signatureAlgorithm?: SignatureAlgorithm;
  /** Also write Seal.esl and <Seal> (default true; tax invoices omit them). */
  readonly writeSealFile?: boolean;
  readonly extDatas?: readonly SealExtension[];
  readonly signatureProvider?: SignatureProvider;
  readonly limits?: Partial<OfdPackageLimits>;
  /** With trust anchors, the signer certificate must validate (chain, revocation) before sealing. */
  readonly trust?: SesTrustOptions;
}

/**
 * Stage 1 of sealing an OFD (Type="Seal", GB/T 33190 §18 + GB/T 38540 §7.2): plans the signature files,
 * writes Signature.xml once, hashes it into TBS_Sign (dataHash = SM3 of its raw bytes, propertyInfo = its
 * path) and returns the TBS bytes to sign. Checks the seal, the signer's place in its list and validity.
 */
export async function prepareOfdSeal(input: PrepareOfdSealInput, deps: { readonly provider: CryptoProvider }): Promise<PreparedOfdSignature> {
  const pkg = input.document instanceof OfdPackage ? input.document : OfdPackage.read(input.document, input.limits ? { limits: input.limits } : {});
  const doc = OfdDocument.open(pkg);
  const seal = parseSeal(input.seal);
  const signingTime = new Date(Math.floor(input.signingTime.getTime() / 1000) * 1000);
  const size = { width: seal.picture.widthMm, height: seal.picture.heightMm };
  const placements: readonly SealPlacement[] = Array.isArray(input.placement) ? input.placement : [input.placement as SealPlacement];
  const resolved = placements.map((p) => resolvePlacement(doc, p, size));
  const layout = planSignatureLayout(doc);
  const use = await checkSealUse(
    { seal: input.seal, signerCertificate: input.signerCertificate, timeInfo: signingTime, ...sigAlg(input.signatureAlgorithm), ...(input.trust ? { trust: input.trust } : {}) },
    deps,
  );
  const files = buildSignatureFiles({
    doc,
    layout,
    type: 'Seal',
    signatureMethod: use.signatureAlgorithmOid,
    signingTime,
    stamps: resolved.flatMap((r) => r.stamps),
    ...(input.writeSealFile === false ? {} : { sealDer: seal.der }),
    provider: deps.provider,
    ...(input.signatureProvider ? { signatureProvider: input.signatureProvider } : {}),
  });
  const ses = buildSesSignature(use, {
    dataHash: deps.provider.digest(dataHashAlgorithm(use.signatureAlgorithm), files.signatureXml),
    propertyInfo: `/${layout.signaturePath}`,
    ...(input.extDatas ? { extDatas: input.extDatas } : {}),
  });
  return new PreparedOfdSignature(
    ses.toBeSigned,
    ses.signatureAlgorithm,
    ses.signerPublicKey,
    'Seal',
    files.signatureId,
    layout.signaturePath,
    layout.signedValuePath,
    files.stampAnnots,
    files.protectedFiles,
    signingTime,
    resolved.map((r) => r.method).join(','),
    pkg,
    files.puts,
    { kind: 'ses', prepared: ses },
  );
}

function sigAlg(alg: SignatureAlgorithm | undefined): { signatureAlgorithm?: SignatureAlgorithm } {
  return alg ? { signatureAlgorithm: alg } : {};
}

