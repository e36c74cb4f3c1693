import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSignatureAlgorithm, type KeyType, type PrivateKey } from '@openseal/crypto';
import { NodeCryptoProvider, SoftwareSigner, loadPrivateKey } from '@openseal/crypto/node';
import { CodedError } from '@openseal/kernel';
import { CertificateAuthority, parseCertificate, type Certificate, type CaUrls } from '@openseal/pki';
import type { CliContext } from '../context.js';
import { readInput, writeOutput } from '../io/files.js';
import { writeKeyFile } from '../io/keys.js';

/**
 * A certificate authority kept in a directory (the CLI's store; the server keeps the same data in
 * its database). Layout: ca.json, ca.pem (root, the trust anchor), chain.pem (issuing CA),
 * root.key.pem / issuing.key.pem (encrypted PKCS#8 when a passphrase was given), issued/, crl.pem.
 */
export interface CaIndex {
  version: 1;
  keyType: KeyType;
  organization: string;
  encrypted: boolean;
  nextCrlNumber: number;
  urls?: CaUrls;
  issued: IssuedRecord[];
}

export interface IssuedRecord {
  serialNumber: string;
  subject: string;
  profile: string;
  notAfter: string;
  file: string;
  revokedAt?: string;
  reason?: string;
}

export const CA_FILES = {
  index: 'ca.json',
  root: 'ca.pem',
  chain: 'chain.pem',
  rootKey: 'root.key.pem',
  issuingKey: 'issuing.key.pem',
  issuingCert: 'issuing.cert.pem',
  crl: 'crl.pem',
  tsaKey: 'tsa.key.pem',
  tsaCert: 'tsa.cert.pem',
} as const;

export class CaStoreError extends CodedError {
  constructor(dir: string, reason: string) {
    super('CLI_CA_STORE', `CA directory ${dir}: ${reason}`, { dir });
  }
}

export class CaStore {
  private constructor(
    readonly dir: string,
    readonly index: CaIndex,
    readonly root: Certificate,
    readonly issuing: Certificate,
  ) {}

  static exists(dir: string): boolean {
    return existsSync(join(dir, CA_FILES.index));
  }

  static open(dir: string): CaStore {
    if (!CaStore.exists(dir)) throw new CaStoreError(dir, 'no ca.json here (create one with `openseal ca init`)');
    let index: CaIndex;
    try {
      index = JSON.parse(readFileSync(join(dir, CA_FILES.index), 'utf8')) as CaIndex;
    } catch (e) {
      throw new CaStoreError(dir, `ca.json is unreadable (${e instanceof Error ? e.message : String(e)})`);
    }
    if (index.version !== 1) throw new CaStoreError(dir, `unsupported ca.json version ${String(index.version)}`);
    const root = parseCertificate(readInput(join(dir, CA_FILES.root)));
    const issuing = parseCertificate(readInput(join(dir, CA_FILES.issuingCert)));
    return new CaStore(dir, index, root, issuing);
  }

  static create(dir: string, index: CaIndex, root: Certificate, issuing: Certificate): CaStore {
    const store = new CaStore(dir, index, root, issuing);
    writeOutput(join(dir, CA_FILES.root), root.toPem());
    writeOutput(join(dir, CA_FILES.issuingCert), issuing.toPem());
    writeOutput(join(dir, CA_FILES.chain), issuing.toPem());
    store.save();
    return store;
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  save(): void {
    writeOutput(this.path(CA_FILES.index), JSON.stringify(this.index, null, 2) + '\n');
  }

  writeText(file: string, text: string): void {
    writeOutput(this.path(file), text);
  }

  loadKey(file: string, passphrase: string | undefined): PrivateKey {
    if (this.index.encrypted && passphrase === undefined) {
      throw new CaStoreError(this.dir, 'the CA keys are encrypted: give --passphrase-file, --passphrase-env or --passphrase');
    }
    return loadPrivateKey(readInput(this.path(file)), passphrase === undefined ? {} : { passphrase });
  }

  writeKey(file: string, key: PrivateKey, passphrase: string | undefined, ctx: CliContext): void {
    writeKeyFile(this.path(file), key, { passphrase, cipher: key.keyType === 'SM2' ? 'SM4-CBC' : 'AES-256-CBC', random: ctx.random });
  }

  /** The issuing (intermediate) CA, ready to issue certificates and CRLs. */
  issuingAuthority(passphrase: string | undefined, ctx: CliContext): CertificateAuthority {
    const key = this.loadKey(CA_FILES.issuingKey, passphrase);
    return new CertificateAuthority({
      certificate: this.issuing,
      chain: [this.root],
      signer: new SoftwareSigner(key, { algorithm: defaultSignatureAlgorithm(key.keyType), random: ctx.random }),
      random: ctx.random,
      clock: ctx.clock,
      provider: new NodeCryptoProvider(),
      isSerialUsed: (serial) => this.index.issued.some((r) => r.serialNumber === serial),
      ...(this.index.urls ? { urls: this.index.urls } : {}),
    });
  }
}
