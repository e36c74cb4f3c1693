import type { Command } from 'commander';
import { parsePublicKey, publicKeyToPem, decodePem } from '@openseal/crypto';
import { parseCertificate, type EndEntityProfileName } from '@openseal/pki';
import type { CliContext } from '../context.js';
import { CaStore } from '../ca-store/ca-store.js';
import { CliUsageError } from '../errors.js';
import { readInput, writeOutput } from '../io/files.js';
import { readKeyFile, writeKeyFile } from '../io/keys.js';
import { parseFamily } from '../io/family.js';
import { passphraseOptions, resolvePassphrase, type PassphraseOptions } from '../io/passphrase.js';
import { newKey } from './ca.js';

/** CLI profile names → the CA's end-entity profiles. */
const PROFILES: Readonly<Record<string, EndEntityProfileName>> = {
  'seal-signer': 'sealSigner',
  person: 'personSigner',
  'seal-maker': 'sealMaker',
  tsa: 'tsa',
  ocsp: 'ocspResponder',
};

interface CertIssueOptions extends PassphraseOptions {
  ca: string;
  profile: string;
  subject: string;
  key?: string;
  pubkey?: string;
  newKey?: string;
  keyOut?: string;
  out: string;
  days?: string;
  keyPassphraseFile?: string;
  json?: boolean;
}

export function registerCertCommands(program: Command, ctx: CliContext): void {
  const cert = program.command('cert').description('issue and inspect certificates');
  passphraseOptions(
    cert
      .command('issue')
      .description('issue an end-entity certificate from a CA directory')
      .requiredOption('--ca <dir>', 'CA directory made by `openseal ca init`')
      .requiredOption('--profile <profile>', `certificate profile: ${Object.keys(PROFILES).join(' | ')}`)
      .requiredOption('--subject <dn>', 'subject, e.g. "CN=办公室,O=某某市人民政府,C=CN"')
      .option('--key <file>', "the subject's key (private key file or PKCS#12; only its public key is used)")
      .option('--pubkey <file>', "the subject's public key (SPKI PEM/DER)")
      .option('--new-key <alg>', 'generate a new key of this family (sm2 | rsa | ecdsa | p384) and write it to --key-out')
      .option('--key-out <file>', 'where to write a generated key (unencrypted PKCS#8, mode 0600)')
      .option('--key-passphrase-file <file>', 'passphrase of --key, when it is encrypted')
      .option('--days <n>', 'validity in days (default: the profile default, capped by the CA)')
      .requiredOption('--out <file>', 'where to write the certificate (PEM)')
      .option('--json', 'print the result as JSON'),
  ).action(async (o: CertIssueOptions) => {
    const profile = PROFILES[o.profile];
    if (!profile) throw new CliUsageError(`unknown profile "${o.profile}" (use ${Object.keys(PROFILES).join(', ')})`);
    const sources = [o.key, o.pubkey, o.newKey].filter((x) => x !== undefined);
    if (sources.length !== 1) throw new CliUsageError('give exactly one of --key, --pubkey or --new-key');
    let publicKey: Uint8Array;
    if (o.newKey) {
      if (!o.keyOut) throw new CliUsageError('--new-key needs --key-out');
      const key = await newKey(parseFamily(o.newKey), ctx);
      writeKeyFile(o.keyOut, key, { random: ctx.random });
      publicKey = key.publicKey;
    } else if (o.key) {
      publicKey = readKeyFile(o.key, o.keyPassphraseFile ? { passphraseFile: o.keyPassphraseFile } : {}).key.publicKey;
    } else {
      publicKey = readPublicKey(o.pubkey as string);
    }
    const days = o.days === undefined ? undefined : Number.parseInt(o.days, 10);
    if (days !== undefined && !(days > 0)) throw new CliUsageError('--days must be a positive number');
    const store = CaStore.open(o.ca);
    const authority = store.issuingAuthority(resolvePassphrase(o), ctx);
    const issued = await authority.issue({ profile, subject: o.subject, publicKey, ...(days ? { validityDays: days } : {}) });
    writeOutput(o.out, issued.toPem());
    store.index.issued.push({ serialNumber: issued.serialNumber, subject: issued.subject.toString(), profile: o.profile, notAfter: issued.notAfter.toISOString(), file: o.out });
    store.save();
    const result = { serialNumber: issued.serialNumber, subject: issued.subject.toString(), issuer: issued.issuer.toString(), notBefore: issued.notBefore.toISOString(), notAfter: issued.notAfter.toISOString(), keyType: issued.keyType, file: o.out };
    ctx.stdout(o.json ? JSON.stringify(result, null, 2) : `issued ${o.profile} certificate ${result.serialNumber} for "${result.subject}" → ${o.out}`);
  });

  cert
    .command('show')
    .description('print the fields of a certificate (PEM or DER)')
    .argument('<file>', 'certificate file')
    .option('--json', 'print the result as JSON')
    .action((file: string, o: { json?: boolean }) => {
      const c = parseCertificate(readInput(file));
      const info = c.toJSON();
      ctx.stdout(o.json ? JSON.stringify(info, null, 2) : `${c.toString()}`);
    });
}

function readPublicKey(path: string): Uint8Array {
  const bytes = readInput(path);
  const text = new TextDecoder().decode(bytes.subarray(0, 64));
  const der = text.includes('-----BEGIN') ? (decodePem(new TextDecoder().decode(bytes)).find((b) => b.label === 'PUBLIC KEY')?.der ?? new Uint8Array()) : bytes;
  parsePublicKey(der);
  void publicKeyToPem;
  return der;
}
