import type { Command } from 'commander';
import type { DigestAlgorithm } from '@openseal/crypto';
import { NodeCryptoProvider } from '@openseal/crypto/node';
import { createHttpTimestampTransport } from '@openseal/http-transport';
import { toHex } from '@openseal/kernel';
import { TimestampClient, createTimestampResponse, parseCertificate, parseCertificates, verifyTimestampToken, type TimestampTransport } from '@openseal/pki';
import type { CliContext } from '../context.js';
import { CA_FILES, CaStore } from '../ca-store/ca-store.js';
import { CliUsageError } from '../errors.js';
import { readInput, writeOutput } from '../io/files.js';
import { passphraseOptions, resolvePassphrase, type PassphraseOptions } from '../io/passphrase.js';
import { signerFor } from './ca.js';

const HASHES: Readonly<Record<string, DigestAlgorithm>> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512', sm3: 'SM3' };
/** The policy OID OpenSeal's built-in TSA puts into its tokens: a UUID arc (ITU-T X.667, 2.25), needing no registration. */
export const LOCAL_TSA_POLICY = '2.25.275343043139509592621019111905526008779';

interface TimestampOptions extends PassphraseOptions {
  out?: string;
  check?: string;
  tsa?: string;
  ca?: string;
  hash: string;
  trust?: string[];
  json?: boolean;
}

export function registerTimestampCommand(program: Command, ctx: CliContext): void {
  passphraseOptions(
    program
      .command('timestamp')
      .description('get an RFC 3161 timestamp token for a file (from a TSA URL or a local CA directory), or check one')
      .argument('<file>', 'the file to timestamp or check')
      .option('--out <token>', 'write the DER TimeStampToken here (check it with `openssl ts -verify -token_in`)')
      .option('--check <token>', 'verify this TimeStampToken against the file instead')
      .option('--tsa <url>', 'TSA to ask (HTTP POST application/timestamp-query)')
      .option('--ca <dir>', "use the CA directory's own TSA certificate (made by `openseal ca init`/`demo`)")
      .option('--hash <alg>', 'imprint hash: sha256 | sha384 | sha512 | sm3', 'sha256')
      .option('--trust <pem...>', 'trust anchors for the TSA certificate')
      .option('--json', 'print the result as JSON'),
  ).action(async (file: string, o: TimestampOptions) => {
    const digestAlgorithm = HASHES[o.hash.toLowerCase()];
    if (!digestAlgorithm) throw new CliUsageError(`unknown hash "${o.hash}" (use ${Object.keys(HASHES).join(', ')})`);
    const provider = new NodeCryptoProvider();
    const data = readInput(file);
    const trustAnchors = (o.trust ?? []).flatMap((p) => parseCertificates(readInput(p)));
    if (o.check) {
      const report = await verifyTimestampToken(readInput(o.check), { provider, expectedImprint: { data }, ...(trustAnchors.length ? { trustAnchors } : {}) });
      const ok = report.intact && (trustAnchors.length === 0 || report.indication === 'TOTAL_PASSED');
      const result = { valid: ok, intact: report.intact, indication: report.indication, genTime: report.info?.genTime.toISOString(), tsa: report.tsaCertificate?.subject.toString(), failed: report.checks.filter((c) => c.status === 'failed').map((c) => c.code) };
      ctx.stdout(o.json ? JSON.stringify(result, null, 2) : `${ok ? 'valid' : 'INVALID'} timestamp of ${result.genTime ?? '?'} by ${result.tsa ?? 'an unknown TSA'}${result.failed.length ? ` (failed: ${result.failed.join(', ')})` : ''}`);
      if (!ok) ctx.exit.code = 1;
      return;
    }
    if (!o.out) throw new CliUsageError('give --out to write a token, or --check to verify one');
    if (Boolean(o.tsa) === Boolean(o.ca)) throw new CliUsageError('give exactly one of --tsa URL or --ca DIR');
    let transport: TimestampTransport;
    let tsaName: string;
    if (o.tsa) {
      transport = createHttpTimestampTransport(o.tsa, { timeoutMs: 30_000 });
      tsaName = o.tsa;
    } else {
      const store = CaStore.open(o.ca as string);
      const certificate = parseCertificate(readInput(store.path(CA_FILES.tsaCert)));
      const signer = signerFor(store.loadKey(CA_FILES.tsaKey, resolvePassphrase(o)), ctx);
      transport = (request) => createTimestampResponse(request, { signer, certificate, chain: [store.issuing, store.root], clock: ctx.clock, random: ctx.random, provider, policy: LOCAL_TSA_POLICY });
      tsaName = certificate.subject.toString();
    }
    const client = new TimestampClient(transport, { provider, random: ctx.random, digestAlgorithm, tsaName, clock: ctx.clock, ...(trustAnchors.length ? { trustAnchors } : {}) });
    const { token, info } = await client.timestamp({ data });
    writeOutput(o.out, token);
    const result = { file: o.out, genTime: info.genTime.toISOString(), serialNumber: info.serialNumber, policy: info.policy, imprint: { algorithm: digestAlgorithm, digest: toHex(info.messageImprint.digest) }, tsa: tsaName };
    ctx.stdout(o.json ? JSON.stringify(result, null, 2) : `timestamp ${result.genTime} (serial ${result.serialNumber}) from ${tsaName} → ${o.out}`);
  });
}
