import type { Command } from 'commander';
import { SoftwareSigner, NodeCryptoProvider, generateKeyPair } from '@openseal/crypto/node';
import { defaultSignatureAlgorithm, type KeyType, type PrivateKey } from '@openseal/crypto';
import { CertificateAuthority } from '@openseal/pki';
import type { CliContext } from '../context.js';
import { CA_FILES, CaStore, CaStoreError, type CaIndex } from '../ca-store/ca-store.js';
import { parseFamily } from '../io/family.js';
import { passphraseOptions, resolvePassphrase, type PassphraseOptions } from '../io/passphrase.js';

interface CaInitOptions extends PassphraseOptions {
  dir: string;
  alg: string;
  name: string;
  country: string;
  crlUrl?: string;
  ocspUrl?: string;
  json?: boolean;
}

export function registerCaCommands(program: Command, ctx: CliContext): void {
  const ca = program.command('ca').description('run a certificate authority kept in a directory');
  passphraseOptions(
    ca
      .command('init')
      .description('create a root CA, an issuing CA and a TSA certificate in a directory')
      .requiredOption('--dir <dir>', 'directory for the CA (must not hold a CA yet)')
      .option('--alg <alg>', 'sm2 | rsa | ecdsa (P-256) | p384', 'sm2')
      .option('--name <org>', 'organisation name in the CA subjects', 'OpenSeal Demo')
      .option('--country <cc>', 'country code', 'CN')
      .option('--crl-url <url>', 'CRL distribution point put into issued certificates')
      .option('--ocsp-url <url>', 'OCSP responder URL put into issued certificates')
      .option('--json', 'print the result as JSON'),
  ).action(async (o: CaInitOptions) => {
    if (CaStore.exists(o.dir)) throw new CaStoreError(o.dir, 'a CA already exists here');
    const keyType = parseFamily(o.alg);
    const passphrase = resolvePassphrase(o);
    if (passphrase === undefined) ctx.stderr('openseal: warning: CA keys are stored unencrypted; use --passphrase-file to encrypt them');
    const provider = new NodeCryptoProvider();
    const rootKey = await newKey(keyType, ctx);
    const shared = { random: ctx.random, clock: ctx.clock, provider };
    const root = await CertificateAuthority.createRoot({
      ...shared,
      signer: signerFor(rootKey, ctx),
      subject: [{ C: o.country }, { O: o.name }, { CN: `${o.name} Root CA` }],
    });
    const issuingKey = await newKey(keyType, ctx);
    const issuingCert = await root.issue({
      profile: 'intermediateCa',
      subject: [{ C: o.country }, { O: o.name }, { CN: `${o.name} Issuing CA` }],
      publicKey: issuingKey.publicKey,
    });
    const urls = { ...(o.crlUrl ? { crl: [o.crlUrl] } : {}), ...(o.ocspUrl ? { ocsp: [o.ocspUrl] } : {}) };
    const issuing = root.subordinate(issuingCert, signerFor(issuingKey, ctx), urls);
    const tsaKey = await newKey(keyType, ctx);
    const tsaCert = await issuing.issue({
      profile: 'tsa',
      subject: [{ C: o.country }, { O: o.name }, { CN: `${o.name} Time Stamping Authority` }],
      publicKey: tsaKey.publicKey,
    });
    const index: CaIndex = {
      version: 1,
      keyType,
      organization: o.name,
      encrypted: passphrase !== undefined,
      nextCrlNumber: 1,
      ...(Object.keys(urls).length ? { urls } : {}),
      issued: [{ serialNumber: tsaCert.serialNumber, subject: tsaCert.subject.toString(), profile: 'tsa', notAfter: tsaCert.notAfter.toISOString(), file: CA_FILES.tsaCert }],
    };
    const store = CaStore.create(o.dir, index, root.certificate, issuingCert);
    store.writeKey(CA_FILES.rootKey, rootKey, passphrase, ctx);
    store.writeKey(CA_FILES.issuingKey, issuingKey, passphrase, ctx);
    store.writeKey(CA_FILES.tsaKey, tsaKey, passphrase, ctx);
    writeCert(store, CA_FILES.tsaCert, tsaCert.toPem());
    const result = { dir: o.dir, keyType, root: root.certificate.subject.toString(), issuing: issuingCert.subject.toString(), trustAnchor: store.path(CA_FILES.root), encrypted: index.encrypted };
    ctx.stdout(o.json ? JSON.stringify(result, null, 2) : `created ${keyType} CA in ${o.dir}: trust anchor ${result.trustAnchor}, issuing CA "${result.issuing}"`);
  });
}

function writeCert(store: CaStore, file: string, pem: string): void {
  store.writeText(file, pem);
}

export async function newKey(keyType: KeyType, ctx: CliContext): Promise<PrivateKey> {
  return generateKeyPair(keyType, { random: ctx.random, ...(keyType === 'RSA' ? { rsaBits: 3072 as const } : {}) });
}

export function signerFor(key: PrivateKey, ctx: CliContext): SoftwareSigner {
  return new SoftwareSigner(key, { algorithm: defaultSignatureAlgorithm(key.keyType), random: ctx.random });
}
