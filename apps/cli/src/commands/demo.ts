import type { Command } from 'commander';
import { NodeCryptoProvider } from '@openseal/crypto/node';
import type { PrivateKey } from '@openseal/crypto';
import { createPkiHierarchy, certificatesToPem, type PkiEntity } from '@openseal/pki';
import type { CliContext } from '../context.js';
import { CA_FILES, CaStore, type CaIndex } from '../ca-store/ca-store.js';
import { writeOutput } from '../io/files.js';
import { parseFamily } from '../io/family.js';
import { newKey, signerFor } from './ca.js';

type DemoKey = { key: PrivateKey; signer: ReturnType<typeof signerFor> };

/** End entities of the demo organisation and the files they are written to. */
const ENTITIES = [
  { id: 'sealSigner', profile: 'sealSigner', file: 'signer', cn: '办公室 电子签章', label: 'seal signer (单位签章者)' },
  { id: 'personSigner', profile: 'personSigner', file: 'person', cn: '张三', label: 'person (个人)' },
  { id: 'sealMaker', profile: 'sealMaker', file: 'seal-maker', cn: '制章系统', label: 'seal maker (制章者)' },
  { id: 'tsa', profile: 'tsa', file: 'tsa', cn: 'Time Stamping Authority', label: 'TSA' },
  { id: 'ocspResponder', profile: 'ocspResponder', file: 'ocsp', cn: 'OCSP Responder', label: 'OCSP responder' },
] as const;

/** Hook for the seal engine: writes DIR/seal.esl and DIR/seal.png for the demo signer when available. */
export type DemoSealWriter = (dir: string, pki: { signer: PkiEntity<DemoKey>; sealMaker: PkiEntity<DemoKey>; organization: string }, ctx: CliContext) => Promise<string[]>;
const sealWriters: DemoSealWriter[] = [];
export function registerDemoSealWriter(writer: DemoSealWriter): void {
  sealWriters.push(writer);
}

export function registerDemoCommand(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('create a ready demo PKI for a demo organisation (root → issuing CA → signer, seal maker, TSA, OCSP)')
    .requiredOption('--dir <dir>', 'directory to write into')
    .option('--alg <alg>', 'sm2 | rsa | ecdsa', 'sm2')
    .option('--org <name>', 'organisation name', '某某市人民政府')
    .option('--json', 'print the result as JSON')
    .action(async (o: { dir: string; alg: string; org: string; json?: boolean }) => {
      const keyType = parseFamily(o.alg);
      const provider = new NodeCryptoProvider();
      const pki = await createPkiHierarchy<DemoKey>(
        {
          keyType,
          organization: o.org,
          endEntities: ENTITIES.map((e) => ({ id: e.id, profile: e.profile, subject: [{ C: 'CN' }, { O: o.org }, { CN: `${o.org} ${e.cn}` }] })),
        },
        {
          random: ctx.random,
          clock: ctx.clock,
          provider,
          keyFactory: async (kt) => {
            const key = await newKey(kt, ctx);
            return { key, signer: signerFor(key, ctx) };
          },
        },
      );
      // The demo directory is also a CA directory, so `openseal cert issue --ca DIR` and `openseal crl --ca DIR` work on it.
      const index: CaIndex = { version: 1, keyType, organization: o.org, encrypted: false, nextCrlNumber: 1, issued: [] };
      const store = CaStore.create(o.dir, index, pki.root.certificate, pki.intermediate.certificate);
      store.writeKey(CA_FILES.rootKey, pki.root.key.key, undefined, ctx);
      store.writeKey(CA_FILES.issuingKey, pki.intermediate.key.key, undefined, ctx);
      const files: string[] = [CA_FILES.root, CA_FILES.chain];
      for (const e of ENTITIES) {
        const entity = pki.endEntities[e.id];
        if (!entity) continue;
        store.writeKey(`${e.file}.key.pem`, entity.key.key, undefined, ctx);
        writeOutput(store.path(`${e.file}.cert.pem`), entity.certificate.toPem());
        writeOutput(store.path(`${e.file}.chain.pem`), certificatesToPem([...entity.chain]));
        index.issued.push({ serialNumber: entity.certificate.serialNumber, subject: entity.certificate.subject.toString(), profile: e.profile, notAfter: entity.certificate.notAfter.toISOString(), file: `${e.file}.cert.pem` });
        files.push(`${e.file}.key.pem`, `${e.file}.cert.pem`);
      }
      const crl = await pki.intermediate.ca.issueCrl({ crlNumber: 1, revoked: [] });
      index.nextCrlNumber = 2;
      store.writeText(CA_FILES.crl, crl.toPem());
      store.save();
      files.push(CA_FILES.crl);
      const signer = pki.endEntities.sealSigner;
      const sealMaker = pki.endEntities.sealMaker;
      if (signer && sealMaker) for (const w of sealWriters) files.push(...(await w(o.dir, { signer, sealMaker, organization: o.org }, ctx)));
      const result = {
        dir: o.dir,
        keyType,
        organization: o.org,
        trustAnchor: store.path(CA_FILES.root),
        chain: store.path(CA_FILES.chain),
        signerKey: store.path('signer.key.pem'),
        signerCert: store.path('signer.cert.pem'),
        signer: signer?.certificate.subject.toString(),
        files,
      };
      if (o.json) ctx.stdout(JSON.stringify(result, null, 2));
      else {
        ctx.stdout(`Demo PKI (${keyType}) for ${o.org} written to ${o.dir}:`);
        ctx.stdout(`  ca.pem            trust anchor: ${pki.root.certificate.subject.toString()}`);
        ctx.stdout(`  chain.pem         issuing CA:   ${pki.intermediate.certificate.subject.toString()}`);
        for (const e of ENTITIES) ctx.stdout(`  ${`${e.file}.key.pem`.padEnd(17)} + .cert.pem  ${e.label}`);
        ctx.stdout('  crl.pem           empty CRL of the issuing CA');
        if (files.includes('seal.esl')) ctx.stdout('  seal.esl, seal.png  the demo seal (GB/T 38540 v4, made by the seal maker for the seal signer) and its picture');
        ctx.stdout('Keys in this directory are unencrypted: for demonstrations only.');
        const image = files.includes('seal.png') ? ` --image ${store.path('seal.png')}` : '';
        ctx.stdout(`Try: openseal sign IN.pdf -o OUT.pdf --key ${store.path('signer.key.pem')} --cert ${store.path('signer.cert.pem')} --chain ${store.path(CA_FILES.chain)}${image} --page 1 --x 120 --y 200`);
        ctx.stdout(`     openseal verify OUT.pdf --trust ${store.path(CA_FILES.root)}`);
        ctx.stdout('     Placement: --page/--x/--y in mm, --gbt9704 (by the date line of an official document), --keyword TEXT, --seam.');
      }
    });
}
