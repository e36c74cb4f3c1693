import { NodeCryptoProvider } from '@openseal/crypto/node';
import { verifyOfd, type OfdSignatureReport, type OfdVerificationReport } from '@openseal/ofd-seal';
import type { Certificate } from '@openseal/pki';
import type { CliContext } from '../context.js';
import type { DocumentVerification, DocumentVerifier } from './pdf-verify.js';

function line(s: OfdSignatureReport): string {
  const verdict = s.valid ? (s.trusted ? 'VALID, trusted' : 'VALID, trust not established') : 'INVALID';
  const parts = [
    `#${s.index} ${s.type === 'Seal' ? 'seal' : 'signature'} "${s.field}": ${verdict}`,
    s.seal ? `  seal: "${s.seal.name}" (ES ID ${s.seal.esId}, type ${s.seal.type}, SES v${s.seal.version}) made by ${s.seal.maker ?? '?'}` : undefined,
    s.signer ? `  signer: ${s.signer}` : undefined,
    s.algorithm ? `  algorithm: ${s.algorithm}` : undefined,
    s.signedAt ? `  signed at: ${s.signedAt} (${s.signedAtSource ?? ''})` : undefined,
    s.timestamp ? `  timestamp: ${s.timestamp.time} by ${s.timestamp.tsa ?? '?'}${s.timestamp.verified ? '' : ' (NOT verified)'}` : undefined,
    `  coverage: ${s.protectedFiles} files protected${s.coversWholeDocument ? ' (whole document)' : ''}`,
    ...s.messages.map((m) => `  ${s.errors.includes(m.code) ? 'error' : 'warning'} ${m.code}: ${m.message}`),
  ];
  return parts.filter((x): x is string => x !== undefined).join('\n');
}

export function ofdSummary(file: string, r: OfdVerificationReport): string {
  const head = `${file}: ${r.valid ? 'VALID' : 'NOT VALID'} — OFD, ${r.signatures.length} signature(s)${r.requireTrust ? ', trust required' : ''}`;
  return [head, ...r.errors.map((e) => `  ${e.code}: ${e.message}`), ...r.signatures.map(line)].join('\n');
}

/** Verifies an OFD for `openseal verify` (exported for the lead's dispatcher). */
export async function verifyOfdCommand(bytes: Uint8Array, options: { trustAnchors: readonly Certificate[]; requireTrust: boolean }, ctx: CliContext, file = 'document'): Promise<DocumentVerification> {
  // SES_Signature carries only the signer certificate: issuing CAs given with --trust also build chains.
  const report = await verifyOfd(bytes, { provider: new NodeCryptoProvider(), clock: ctx.clock, trustAnchors: options.trustAnchors, intermediates: options.trustAnchors, requireTrust: options.requireTrust });
  return { report, valid: report.valid, summary: ofdSummary(file, report) };
}

/** The OFD plug-in of `openseal verify`: any ZIP container is handed to the OFD verifier. */
export const ofdDocumentVerifier: DocumentVerifier = {
  name: 'OFD',
  sniff: (bytes) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04,
  verify: (bytes, options, ctx) => verifyOfdCommand(bytes, options, ctx),
};
