import type { Command } from 'commander';
import { CRL_REASONS, type CrlReason } from '@openseal/pki';
import type { CliContext } from '../context.js';
import { CA_FILES, CaStore } from '../ca-store/ca-store.js';
import { CliUsageError } from '../errors.js';
import { writeOutput } from '../io/files.js';
import { passphraseOptions, resolvePassphrase, type PassphraseOptions } from '../io/passphrase.js';

interface CrlOptions extends PassphraseOptions {
  ca: string;
  revoke?: string[];
  reason: string;
  nextUpdateDays: string;
  out?: string;
  json?: boolean;
}

const DAY_MS = 86_400_000;

export function registerCrlCommand(program: Command, ctx: CliContext): void {
  passphraseOptions(
    program
      .command('crl')
      .description('revoke certificates and issue a fresh CRL from a CA directory')
      .requiredOption('--ca <dir>', 'CA directory made by `openseal ca init`')
      .option('--revoke <serial...>', 'serial number(s) (hex) to revoke before issuing')
      .option('--reason <reason>', `revocation reason: ${Object.keys(CRL_REASONS).join(' | ')}`, 'unspecified')
      .option('--next-update-days <n>', 'days until the next CRL is due', '7')
      .option('--out <file>', 'also write the CRL here (it is always written to the CA directory as crl.pem)')
      .option('--json', 'print the result as JSON'),
  ).action(async (o: CrlOptions) => {
    if (!(o.reason in CRL_REASONS)) throw new CliUsageError(`unknown reason "${o.reason}" (use ${Object.keys(CRL_REASONS).join(', ')})`);
    const days = Number.parseInt(o.nextUpdateDays, 10);
    if (!(days > 0)) throw new CliUsageError('--next-update-days must be a positive number');
    const store = CaStore.open(o.ca);
    const now = ctx.clock.now();
    for (const raw of o.revoke ?? []) {
      const record = store.index.issued.find((r) => normaliseSerial(r.serialNumber) === normaliseSerial(raw));
      if (!record) throw new CliUsageError(`no certificate with serial ${raw} was issued by this CA`);
      if (record.revokedAt) continue;
      record.revokedAt = now.toISOString();
      record.reason = o.reason;
    }
    const authority = store.issuingAuthority(resolvePassphrase(o), ctx);
    const revoked = store.index.issued
      .filter((r) => r.revokedAt)
      .map((r) => ({ serialNumber: r.serialNumber, revokedAt: new Date(r.revokedAt as string), ...(r.reason && r.reason !== 'unspecified' ? { reason: r.reason as CrlReason } : {}) }));
    const crl = await authority.issueCrl({ crlNumber: store.index.nextCrlNumber, revoked, thisUpdate: now, nextUpdate: new Date(now.getTime() + days * DAY_MS) });
    store.index.nextCrlNumber += 1;
    store.save();
    store.writeText(CA_FILES.crl, crl.toPem());
    if (o.out) writeOutput(o.out, crl.toPem());
    const result = { crlNumber: Number(crl.crlNumber), thisUpdate: crl.thisUpdate.toISOString(), nextUpdate: crl.nextUpdate?.toISOString(), revoked: crl.entries.map((e) => e.serialNumber), file: o.out ?? store.path(CA_FILES.crl) };
    ctx.stdout(o.json ? JSON.stringify(result, null, 2) : `issued CRL #${result.crlNumber} listing ${result.revoked.length} revoked certificate(s) → ${result.file}`);
  });
}

/** Serial numbers compare as integers: case, colons, a 0x prefix and leading zeros do not matter. */
function normaliseSerial(hex: string): string {
  return hex.toLowerCase().replace(/^0x/, '').replace(/:/g, '').replace(/^0+(?=.)/, '');
}
