import type { CryptoProvider, SignatureAlgorithm } from '@openseal/crypto';
import { defaultSignatureAlgorithm } from '@openseal/crypto';
import { InvalidArgumentError } from '@openseal/kernel';
import { OfdDocument, OfdPackage, type OfdPackageLimits, type SignatureProvider } from '@openseal/ofd';
import { Certificate, prepareSignedData } from '@openseal/pki';
import { sealSignatureOid } from '@openseal/ses';
import { planSignatureLayout } from '../layout/signature-layout.js';
import { PreparedOfdSignature } from './prepared-ofd-signature.js';
import { buildSignatureFiles } from './signature-files.js';

export interface PrepareOfdSignInput {
  readonly document: Uint8Array | OfdPackage;
  readonly signerCertificate: Certificate | Uint8Array;
  /** Issuer certificates to embed after the signer's. */
  readonly chain?: readonly Certificate[];
  readonly signingTime: Date;
  readonly signatureAlgorithm?: SignatureAlgorithm;
  readonly signatureProvider?: SignatureProvider;
  readonly limits?: Partial<OfdPackageLimits>;
}

/**
 * Stage 1 of a plain digital signature (Type="Sign", 纯数字签名): the same protection scope as a seal, no
 * appearance, and SignedValue.dat = GB/T 35275 SignedData (detached; messageDigest = SM3 of the raw
 * Signature.xml bytes, SM2 as sm2-1). RSA and ECDSA use their own hash (GB/T 35275 names only SM2/SM3).
 */
export async function prepareOfdSign(input: PrepareOfdSignInput, deps: { readonly provider: CryptoProvider }): Promise<PreparedOfdSignature> {
  const pkg = input.document instanceof OfdPackage ? input.document : OfdPackage.read(input.document, input.limits ? { limits: input.limits } : {});
  const doc = OfdDocument.open(pkg);
  const cert = input.signerCertificate instanceof Certificate ? input.signerCertificate : Certificate.fromDer(input.signerCertificate);
  if (!cert.keyType) throw new InvalidArgumentError('the signer certificate has an unsupported key type');
  const signingTime = new Date(Math.floor(input.signingTime.getTime() / 1000) * 1000);
  if (!cert.isValidAt(signingTime)) throw new InvalidArgumentError('the signer certificate is not valid at the signing time', { signingTime: signingTime.toISOString() });
  const alg = input.signatureAlgorithm ?? defaultSignatureAlgorithm(cert.keyType);
  const layout = planSignatureLayout(doc);
  const files = buildSignatureFiles({
    doc,
    layout,
    type: 'Sign',
    signatureMethod: sealSignatureOid(alg),
    signingTime,
    stamps: [],
    provider: deps.provider,
    ...(input.signatureProvider ? { signatureProvider: input.signatureProvider } : {}),
  });
  const cms = prepareSignedData({
    detached: { data: files.signatureXml },
    digestAlgorithm: alg.hash,
    signatureAlgorithm: alg,
    signerCertificate: cert,
    ...(input.chain ? { certificates: input.chain } : {}),
    signedAttributes: { signingTime },
    gm: alg.name === 'SM2',
    provider: deps.provider,
  });
  return new PreparedOfdSignature(
    cms.toBeSigned,
    alg,
    cert.publicKey,
    'Sign',
    files.signatureId,
    layout.signaturePath,
    layout.signedValuePath,
    [],
    files.protectedFiles,
    signingTime,
    'none',
    pkg,
    files.puts,
    { kind: 'cms', prepared: cms },
  );
}
