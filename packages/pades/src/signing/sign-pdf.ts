/**
 * One-call PAdES signing: prepare → signer.sign → (signature timestamp) → finish, then for B-LT a DSS
 * revision and for B-LTA a document timestamp and a DSS revision for its TSA, each its own revision.
 */
import type { CryptoProvider, SignatureAlgorithm, Signer } from '@openseal/crypto';
import { InvalidArgumentError, concatBytes, type Clock, type RandomSource } from '@openseal/kernel';
import { PdfDocument, type PdfLimits } from '@openseal/pdf';
import { samePublicKey, type TimestampClient } from '@openseal/pki';
import { PadesContentsTooSmallError, PadesSignatureInvalidError } from '../errors.js';
import { addDocumentTimestamp } from '../ltv/add-document-timestamp.js';
import { addValidationData } from '../ltv/add-validation-data.js';
import type { ValidationDataSources } from '../ltv/gather-validation-data.js';
import { finishPdfSignatureChunks } from './finish-pdf-signature.js';
import { preparePdfSignature, type PreparePdfSignatureOptions } from './prepare-pdf-signature.js';

export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

export interface SignPdfOptions extends Omit<PreparePdfSignatureOptions, 'provider' | 'random' | 'signingTime' | 'signatureAlgorithm' | 'timestamp'> {
  /** Default B-T when a TSA is given, else B-B. */
  readonly level?: PadesLevel;
  /** User or owner password of an encrypted PDF. */
  readonly password?: string;
  /** Default: the clock's now. */
  readonly signingTime?: Date;
  /** Default: the signer's algorithm. */
  readonly signatureAlgorithm?: SignatureAlgorithm;
  /** Where B-LT/B-LTA validation data comes from. */
  readonly validation?: ValidationDataSources;
  readonly limits?: Partial<PdfLimits>;
}

export interface SignPdfDeps {
  readonly signer: Signer;
  readonly provider: CryptoProvider;
  /** RFC 3161 client (B-T and above). */
  readonly tsa?: TimestampClient;
  readonly clock: Clock;
  readonly random: RandomSource;
}

/** Signs and returns the file as one buffer. */
export async function signPdf(bytes: Uint8Array, options: SignPdfOptions, deps: SignPdfDeps): Promise<Uint8Array> {
  const chunks = await signPdfChunks(bytes, options, deps);
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : concatBytes(...chunks);
}

/**
 * Signs and returns the file in pieces (for B-B and B-T: the untouched input, then the new revision), so
 * a large document can be written out without another copy in memory.
 */
export async function signPdfChunks(bytes: Uint8Array, options: SignPdfOptions, deps: SignPdfDeps): Promise<readonly Uint8Array[]> {
  const { signer, provider, tsa, clock, random } = deps;
  const level = options.level ?? (tsa ? 'B-T' : 'B-B');
  if (level !== 'B-B' && !tsa) throw new InvalidArgumentError(`PAdES ${level} needs a timestamp authority`);
  if ((level === 'B-LT' || level === 'B-LTA') && !options.validation) throw new InvalidArgumentError(`PAdES ${level} needs validation data sources`);
  if (!samePublicKey(signer.publicKey, options.signerCertificate.publicKey)) {
    throw new InvalidArgumentError('the signer key does not match the signer certificate', { certificate: options.signerCertificate.subject.toString() });
  }
  const load = (b: Uint8Array): PdfDocument =>
    PdfDocument.load(b, { ...(options.password === undefined ? {} : { password: options.password }), ...(options.limits ? { limits: options.limits } : {}) });
  const signatureAlgorithm = options.signatureAlgorithm ?? signer.algorithm;
  const signingTime = options.signingTime ?? clock.now();
  const doc = load(bytes);

  let contentsSize = options.contentsSize;
  let out: readonly Uint8Array[] | undefined;
  let fieldName = '';
  for (let attempt = 0; out === undefined; attempt++) {
    const { prehashed, ...rest } = options;
    const prepared = preparePdfSignature(doc, {
      ...rest,
      // A prehashed digest can be continued once; a second attempt hashes the file again.
      ...(prehashed && attempt === 0 ? { prehashed } : {}),
      signingTime,
      signatureAlgorithm,
      provider,
      random,
      timestamp: level !== 'B-B',
      ...(contentsSize === undefined ? {} : { contentsSize }),
    });
    fieldName = prepared.fieldName;
    const value = await signer.sign(prepared.toBeSigned, signatureAlgorithm);
    if (!(await provider.verify(signatureAlgorithm, options.signerCertificate.publicKey, prepared.toBeSigned, value))) {
      throw new PadesSignatureInvalidError('the signer returned a value that does not verify with the certificate', { algorithm: signatureAlgorithm.name });
    }
    // RFC 3161 Appendix A / EN 319 142-1: the token's imprint is the hash of the signature value.
    const timestampToken = tsa && level !== 'B-B' ? (await tsa.timestamp({ data: value })).token : undefined;
    try {
      out = finishPdfSignatureChunks(prepared, value, timestampToken ? { timestampToken } : {});
    } catch (e) {
      // An estimated size that a large timestamp overflows: sign once more with the size it needed.
      if (!(e instanceof PadesContentsTooSmallError) || options.contentsSize !== undefined || attempt > 0) throw e;
      contentsSize = e.needed + 2048;
    }
  }
  if (level === 'B-B' || level === 'B-T') return out;
  const validation = options.validation as ValidationDataSources;
  const lt = await addValidationData(load(concatBytes(...out)), { sources: validation, provider, random, fields: [fieldName], time: clock.now() });
  if (level === 'B-LT') return [lt];
  const ts = await addDocumentTimestamp(load(lt), { tsa: tsa as TimestampClient, provider, random });
  return [await addValidationData(load(ts.bytes), { sources: validation, provider, random, fields: [ts.fieldName], time: clock.now() })];
}
