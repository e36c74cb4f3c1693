import type { Command } from 'commander';
import { parseKeyAlgName, publicKeyToPem, KEY_ALG_NAMES } from '@openseal/crypto';
import { generateKeyPair } from '@openseal/crypto/node';
import { isOpenSealError, toHex } from '@openseal/kernel';
import { createHash } from 'node:crypto';
import type { CliContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { writeOutput } from '../io/files.js';
import { readKeyFile, writeKeyFile } from '../io/keys.js';
import { passphraseOptions, resolvePassphrase, type PassphraseOptions } from '../io/passphrase.js';

interface KeyGenOptions extends PassphraseOptions {
  alg: string;
  out: string;
  pubout?: string;
  cipher: string;
  json?: boolean;
}

export function registerKeyCommands(program: Command, ctx: CliContext): void {
  const key = program.command('key').description('generate and inspect signing keys');

  passphraseOptions(
    key
      .command('gen')
      .description('generate a key pair and write the private key as PEM (PKCS#8; encrypted when a passphrase is given)')
      .requiredOption('--alg <alg>', `key algorithm: ${KEY_ALG_NAMES.join(' | ')}`)
      .requiredOption('--out <file>', 'where to write the private key (mode 0600)')
      .option('--pubout <file>', 'also write the public key (SPKI PEM)')
      .option('--cipher <cipher>', 'cipher for an encrypted key: sm4 | aes256', 'aes256')
      .option('--json', 'print the result as JSON'),
  ).action(async (o: KeyGenOptions) => {
    const choice = parseAlg(o.alg);
    const cipher = o.cipher === 'sm4' ? 'SM4-CBC' : o.cipher === 'aes256' ? 'AES-256-CBC' : undefined;
    if (!cipher) throw new CliUsageError(`unknown cipher "${o.cipher}" (use sm4 or aes256)`);
    const generated = await generateKeyPair(choice.keyType, { random: ctx.random, ...(choice.rsaBits ? { rsaBits: choice.rsaBits } : {}) });
    const passphrase = resolvePassphrase(o);
    writeKeyFile(o.out, generated, { passphrase, cipher, random: ctx.random });
    if (o.pubout) writeOutput(o.pubout, publicKeyToPem(generated.publicKey));
    const info = { keyType: generated.keyType, file: o.out, encrypted: passphrase !== undefined, publicKeySha256: spkiFingerprint(generated.publicKey) };
    ctx.stdout(o.json ? JSON.stringify(info, null, 2) : `wrote ${info.keyType} private key to ${o.out}${info.encrypted ? ' (encrypted)' : ''}`);
  });

  passphraseOptions(
    key
      .command('info')
      .description('show the type and public key of a key file (PEM/DER, PKCS#8, SEC1, PKCS#1, PKCS#12)')
      .argument('<file>', 'key file')
      .option('--pubout <file>', 'write the public key (SPKI PEM)')
      .option('--json', 'print the result as JSON'),
  ).action((file: string, o: PassphraseOptions & { pubout?: string; json?: boolean }) => {
    const { key: k, certificates } = readKeyFile(file, o);
    if (o.pubout) writeOutput(o.pubout, publicKeyToPem(k.publicKey));
    const info = { keyType: k.keyType, publicKeySha256: spkiFingerprint(k.publicKey), certificates: certificates.length };
    ctx.stdout(o.json ? JSON.stringify(info, null, 2) : `${info.keyType} key, public key SHA-256 ${info.publicKeySha256}${info.certificates ? `, ${info.certificates} certificate(s)` : ''}`);
  });
}

function parseAlg(name: string) {
  try {
    return parseKeyAlgName(name);
  } catch (e) {
    if (!isOpenSealError(e)) throw e;
    throw new CliUsageError(`unknown key algorithm "${name}" (use ${KEY_ALG_NAMES.join(', ')})`);
  }
}

function spkiFingerprint(spki: Uint8Array): string {
  return toHex(new Uint8Array(createHash('sha256').update(spki).digest()));
}
