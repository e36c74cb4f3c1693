import type { Command } from 'commander';
import { NodeCryptoProvider } from '@openseal/crypto/node';
import { OpenSealError, toHex } from '@openseal/kernel';
import { verifyPdf, type PdfSignatureReport, type PdfVerificationReport } from '@openseal/pades';
import { parseCertificates, type Certificate } from '@openseal/pki';
import type { CliContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { readInput } from '../io/files.js';

/** `openseal verify` found the document not (fully) verified. Exit code 1. */
export class CliVerificationFailedError extends OpenSealError {
  readonly code = 'CLI_VERIFY_FAILED';
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`, { file, reason });
  }
}

export interface VerifyCommandOptions {
  trust?: string[];
  json?: boolean;
  requireTrust?: boolean;
  password?: string;
}

/** What `verify` reports for one file, whatever its format. */
export interface DocumentVerification {
  readonly report: unknown;
  /** Everything verified (and trusted, when required). */
  readonly valid: boolean;
  readonly summary: string;
}

/**
 * Verification of a non-PDF format, chosen by content sniffing (the OFD engine registers one for ZIP
 * containers through registerPdfCommands' `verifiers` option).
 */
export interface DocumentVerifier {
  readonly name: string;
  sniff(bytes: Uint8Array): boolean;
  verify(bytes: Uint8Array, options: { trustAnchors: readonly Certificate[]; requireTrust: boolean; password?: string }, ctx: CliContext): Promise<DocumentVerification>;
}

export function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function readCertificateFiles(paths: readonly string[] | undefined): Certificate[] {
  const out: Certificate[] = [];
  for (const p of paths ?? []) {
    const certs = parseCertificates(readInput(p));
    if (certs.length === 0) throw new CliUsageError(`no certificate in ${p}`);
    out.push(...certs);
  }
  return out;
}

/** JSON with bigint as decimal strings and bytes as hex. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? toHex(v) : v),
    2,
  );
}

function line(s: PdfSignatureReport): string {
  const what = s.kind === 'document-timestamp' ? 'document timestamp' : 'signature';
  const verdict = s.valid ? (s.trusted ? 'VALID, trusted' : 'VALID, trust not established') : 'INVALID';
  const parts = [
    `#${s.index} ${what} "${s.field}": ${verdict}`,
    s.signer ? `  signer: ${s.signer}` : undefined,
    s.algorithm ? `  algorithm: ${s.algorithm}` : undefined,
    s.signedAt ? `  signed at: ${s.signedAt} (${s.signedAtSource ?? ''})` : undefined,
    s.timestamp ? `  timestamp: ${s.timestamp.time} by ${s.timestamp.tsa ?? '?'}${s.timestamp.verified ? '' : ' (NOT verified)'}` : undefined,
    s.level ? `  level: PAdES ${s.level}` : undefined,
    `  coverage: ${s.coverage.level}${s.coversWholeDocument ? ' (whole document)' : ''}${s.coverage.anomalies.length ? `, anomalies: ${s.coverage.anomalies.join(', ')}` : ''}`,
    s.certification ? `  certification: DocMDP P=${s.certification.permission}` : undefined,
    ...s.modifications.filter((m) => m.category !== 'unused').map((m) => `  later change (revision ${m.revision}): ${m.description} [${m.category}${m.allowed ? ', allowed' : ', NOT ALLOWED'}]`),
    s.errors.length ? `  errors: ${s.errors.join(', ')}` : undefined,
    s.trust.status !== 'trusted' && s.trust.reasons?.length ? `  trust: ${s.trust.reasons.join(', ')}` : undefined,
  ];
  return parts.filter((x): x is string => x !== undefined).join('\n');
}

export function pdfSummary(file: string, r: PdfVerificationReport): string {
  const head = `${file}: ${r.valid ? 'VALID' : 'NOT VALID'} — ${r.signatures.length} signature(s), ${r.documentTimestamps.length} document timestamp(s), ${r.revisions} revision(s)`;
  const errors = r.errors.map((e) => `  ${e.code}: ${e.message}`);
  const sigs = [...r.signatures, ...r.documentTimestamps].sort((a, b) => a.index - b.index).map(line);
  return [head, ...errors, ...sigs].join('\n');
}

export async function verifyPdfFile(bytes: Uint8Array, options: { trustAnchors: readonly Certificate[]; requireTrust: boolean; password?: string }, ctx: CliContext, file: string): Promise<DocumentVerification> {
  const report = await verifyPdf(bytes, {
    provider: new NodeCryptoProvider(),
    trustAnchors: options.trustAnchors,
    clock: ctx.clock,
    requireTrust: options.requireTrust,
    ...(options.password === undefined ? {} : { password: options.password }),
  });
  return { report, valid: report.valid, summary: pdfSummary(file, report) };
}

export function registerPdfVerifyCommand(program: Command, ctx: CliContext, verifiers: readonly DocumentVerifier[] = []): void {
  program
    .command('verify')
    .description('verify the signatures of a PDF (PAdES) or, when its verifier is installed, an OFD; exit 0 only when everything verified')
    .argument('<file>', 'document to verify')
    .option('--trust <root.pem...>', 'trust anchor certificate(s), PEM or DER (repeatable)')
    .option('--json', 'print the full report as JSON')
    .option('--require-trust', 'also require every signature to chain to a trust anchor')
    .option('--password <password>', 'password of an encrypted PDF')
    .action(async (file: string, o: VerifyCommandOptions) => {
      const bytes = readInput(file);
      const options = { trustAnchors: readCertificateFiles(o.trust), requireTrust: o.requireTrust === true, ...(o.password === undefined ? {} : { password: o.password }) };
      let result: DocumentVerification;
      if (isPdf(bytes)) result = await verifyPdfFile(bytes, options, ctx, file);
      else {
        const other = verifiers.find((v) => v.sniff(bytes));
        if (!other) throw new CliUsageError(`${file} is neither a PDF${isZip(bytes) ? ' (it is a ZIP container: OFD verification is not installed)' : ''} nor a format this build verifies`);
        result = await other.verify(bytes, options, ctx);
      }
      ctx.stdout(o.json ? toJson(result.report) : result.summary);
      if (!result.valid) throw new CliVerificationFailedError(file, 'not every signature verified');
    });
}
