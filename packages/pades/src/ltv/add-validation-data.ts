/**
 * PAdES B-LT: gathers the validation data of signatures already in the document (signer chain, signature
 * timestamp TSA chains, document timestamp TSA chains) and appends it as a DSS revision.
 */
import type { CryptoProvider } from '@openseal/crypto';
import type { RandomSource } from '@openseal/kernel';
import { listSignatures, type PdfDocument } from '@openseal/pdf';
import { parseTimestampToken, type Certificate } from '@openseal/pki';
import { OpenSealError } from '@openseal/kernel';
import { certificatesOf, signatureTimestampTokens, signerCertificateOf, tryParseSignedData } from '../cms-in-contents.js';
import { PadesNothingToTimestampError } from '../errors.js';
import { appendDss, type DssVriEntry } from './append-dss.js';
import { gatherValidationData, type ValidationData, type ValidationDataSources } from './gather-validation-data.js';

export interface AddValidationDataOptions {
  readonly sources: ValidationDataSources;
  readonly provider: CryptoProvider;
  readonly random?: RandomSource;
  /** Only these fields (default: every signature and document timestamp). */
  readonly fields?: readonly string[];
  readonly vri?: boolean;
  /** /TU of the VRI entries. */
  readonly time?: Date;
}

/** The signer or TSA certificates a signature's CMS names, with every certificate it embeds. */
function leavesOf(contents: Uint8Array): { leaves: Certificate[]; pool: Certificate[] } {
  const sd = tryParseSignedData(contents);
  if (!sd) return { leaves: [], pool: [] };
  const pool = certificatesOf(sd);
  const leaves: Certificate[] = [];
  for (const si of sd.signerInfos) {
    const signer = signerCertificateOf(si, pool);
    if (signer) leaves.push(signer);
    for (const token of signatureTimestampTokens(si)) {
      try {
        const t = parseTimestampToken(token);
        const tsaPool = certificatesOf(t.signedData);
        pool.push(...tsaPool);
        for (const tsi of t.signedData.signerInfos) {
          const tsa = signerCertificateOf(tsi, tsaPool);
          if (tsa) leaves.push(tsa);
        }
      } catch (e) {
        if (!(e instanceof OpenSealError)) throw e; // a malformed token brings no validation data
      }
    }
  }
  return { leaves, pool };
}

export async function addValidationData(doc: PdfDocument, options: AddValidationDataOptions): Promise<Uint8Array> {
  const signatures = listSignatures(doc).filter((s) => s.contents && (!options.fields || options.fields.includes(s.fieldName)));
  if (signatures.length === 0) throw new PadesNothingToTimestampError('the document has no signature to add validation data for');
  const vri: DssVriEntry[] = [];
  const all: { certificates: Uint8Array[]; ocspResponses: Uint8Array[]; crls: Uint8Array[] } = { certificates: [], ocspResponses: [], crls: [] };
  for (const s of signatures) {
    const contents = s.contents as Uint8Array;
    const { leaves, pool } = leavesOf(contents);
    if (leaves.length === 0) continue;
    const data: ValidationData = await gatherValidationData(leaves, { ...options.sources, certificates: [...pool, ...(options.sources.certificates ?? [])] }, options.provider);
    vri.push({ signatureContents: contents, data });
    all.certificates.push(...data.certificates);
    all.ocspResponses.push(...data.ocspResponses);
    all.crls.push(...data.crls);
  }
  return appendDss(doc, all, vri, {
    provider: options.provider,
    ...(options.random ? { random: options.random } : {}),
    ...(options.vri === undefined ? {} : { vri: options.vri }),
    ...(options.time ? { time: options.time } : {}),
  });
}
