import type { Command } from 'commander';
import { NodeCryptoProvider, SoftwareSigner } from '@openseal/crypto/node';
import { createHttpOcspTransport, createHttpTimestampTransport } from '@openseal/http-transport';
import { CodedError, OpenSealError } from '@openseal/kernel';
import { signPdfChunks, type MdpPermission, type PadesLevel, type SealAppearance, type SignPdfOptions, type ValidationDataSources } from '@openseal/pades';
import { PdfDocument } from '@openseal/pdf';
import { Certificate, OcspClient, TimestampClient, samePublicKey } from '@openseal/pki';
import type { CliContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { readKeyFile } from '../io/keys.js';
import { passphraseOptions, type PassphraseOptions } from '../io/passphrase.js';
import { readInput } from '../io/files.js';
import { readFileHashing, readFileHead, writeChunks } from './pdf-file-io.js';
import { sealAppearanceFor, type PlacementOptions } from './pdf-seal-appearance.js';
import { isPdf, isZip, readCertificateFiles } from './pdf-verify.js';
import { signOfdCommand } from './ofd-sign.js';

export interface SignCommandOptions extends PassphraseOptions, PlacementOptions {
  out: string;
  key: string;
  cert?: string;
  chain?: string[];
  level?: string;
  tsa?: string;
  certify?: string;
  reason?: string;
  location?: string;
  contact?: string;
  name?: string;
  field?: string;
  password?: string;
  subfilter?: string;
  gm?: boolean;
  json?: boolean;
  /** OFD only: the electronic seal (.esl). */
  seal?: string;
}

const LEVELS: readonly PadesLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];

function signerAndCertificates(o: SignCommandOptions): { signer: SoftwareSigner; certificate: Certificate; chain: Certificate[] } {
  const { key, certificates } = readKeyFile(o.key, o);
  const bundled = certificates.map((d) => Certificate.fromDer(d));
  const explicit = o.cert ? readCertificateFiles([o.cert]) : [];
  const certificate = [...explicit, ...bundled].find((c) => samePublicKey(c.publicKey, key.publicKey));
  if (!certificate) throw new CliUsageError(o.cert ? `the certificate in ${o.cert} does not match the key` : 'no certificate for the key: give --cert');
  const chain = [...readCertificateFiles(o.chain), ...bundled].filter((c, i, all) => !c.equals(certificate) && all.findIndex((x) => x.equals(c)) === i);
  return { signer: new SoftwareSigner(key), certificate, chain };
}

/** CRLs over HTTP GET and OCSP over HTTP POST, for B-LT/B-LTA validation data. */
function networkValidation(chain: readonly Certificate[], provider: NodeCryptoProvider, ctx: CliContext): ValidationDataSources {
  return {
    certificates: chain,
    fetchCrl: async (url) => {
      const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new CodedError('CLI_FETCH_FAILED', `CRL download failed: ${url} (${res.status})`, { url, status: res.status });
      return new Uint8Array(await res.arrayBuffer());
    },
    fetchOcsp: async (cert, issuer) => {
      const url = cert.extensions.authorityInfoAccess?.ocsp[0];
      if (!url) throw new CodedError('CLI_FETCH_FAILED', 'no OCSP URL in the certificate');
      const client = new OcspClient(createHttpOcspTransport(url), { provider, random: ctx.random, clock: ctx.clock });
      return (await client.check(cert, issuer)).response;
    },
  };
}

export function registerPdfSignCommand(program: Command, ctx: CliContext): void {
  passphraseOptions(
    program
      .command('sign')
      .description('seal a PDF with a PAdES signature appended as an incremental update, or an OFD with a GB/T 38540 seal (--seal); earlier signatures stay valid')
      .argument('<in>', 'PDF to sign')
      .requiredOption('-o, --out <file>', 'where to write the signed PDF')
      .requiredOption('--key <file>', 'private key: PEM/DER PKCS#8, SEC1, PKCS#1, SM2, or PKCS#12')
      .option('--cert <file>', 'signer certificate (default: the one bundled with the key)')
      .option('--chain <file...>', 'more certificates to embed (intermediates, root)')
      .option('--image <file>', 'seal picture (PNG with transparency, or JPEG)')
      .option('--size <mm>', 'printed width of the seal picture in mm (default 42)')
      .option('--page <n>', 'page number (1-based) for --x/--y')
      .option('--x <mm>', 'distance of the seal from the left edge of the page, mm')
      .option('--y <mm>', 'distance of the seal from the top edge of the page, mm')
      .option('--keyword <text>', 'centre the seal on this text (e.g. the organisation name)')
      .option('--gbt9704', 'place the seal where GB/T 9704 puts it in an official document')
      .option('--seam', 'riding-seam seal split across the right edges of all pages (one signature)')
      .option('--level <level>', `PAdES level: ${LEVELS.join(' | ')} (default B-T with --tsa, else B-B)`)
      .option('--tsa <url>', 'RFC 3161 timestamp authority URL')
      .option('--certify <P>', 'certification signature with DocMDP permission 1, 2 or 3')
      .option('--reason <text>', 'reason for signing (/Reason)')
      .option('--location <text>', 'location (/Location)')
      .option('--contact <text>', 'contact information (/ContactInfo)')
      .option('--name <text>', 'signer name (/Name)')
      .option('--field <name>', 'signature field name (an existing empty field of that name is signed into)')
      .option('--password <password>', 'password of an encrypted PDF')
      .option('--subfilter <kind>', 'pades (ETSI.CAdES.detached, default) or pkcs7 (adbe.pkcs7.detached)')
      .option('--gm', 'GB/T 35275 content-type OIDs for SM2 signatures')
      .option('--seal <file>', 'OFD: the electronic seal (.esl) to seal with (without it an OFD gets a plain digital signature)')
      .option('--json', 'print the result as JSON'),
  ).action(async (input: string, o: SignCommandOptions) => {
    // OFD (GB/T 33190) is a ZIP package: the OFD engine seals it (apps/cli/src/commands/ofd-sign.ts).
    if (isZip(readFileHead(input, 4))) return void (await signOfdCommand(readInput(input), input, o, ctx));
    const level = (o.level ?? (o.tsa ? 'B-T' : 'B-B')).toUpperCase() as PadesLevel;
    if (!LEVELS.includes(level)) throw new CliUsageError(`unknown level "${o.level ?? ''}" (use ${LEVELS.join(', ')})`);
    if (level !== 'B-B' && !o.tsa) throw new CliUsageError(`level ${level} needs --tsa`);
    const certify = o.certify === undefined ? undefined : Number(o.certify);
    if (certify !== undefined && certify !== 1 && certify !== 2 && certify !== 3) throw new CliUsageError('--certify takes 1, 2 or 3');
    const subFilter = o.subfilter === undefined || o.subfilter === 'pades' ? 'ETSI.CAdES.detached' : o.subfilter === 'pkcs7' ? 'adbe.pkcs7.detached' : undefined;
    if (!subFilter) throw new CliUsageError('--subfilter takes pades or pkcs7');
    if (!isPdf(readFileHead(input, 1024))) throw new CliUsageError(`${input} is not a PDF`);
    const { signer, certificate, chain } = signerAndCertificates(o);
    const provider = new NodeCryptoProvider();
    // The ByteRange starts with the whole input: hash it while reading.
    const prehashed = provider.createHash(signer.algorithm.hash);
    const bytes = await readFileHashing(input, prehashed);
    const view = PdfDocument.load(bytes, o.password === undefined ? {} : { password: o.password }).latest;
    const appearance: SealAppearance | undefined = await sealAppearanceFor(o, bytes, view);
    const tsa = o.tsa ? new TimestampClient(createHttpTimestampTransport(o.tsa), { provider, random: ctx.random, tsaName: o.tsa }) : undefined;
    const options: SignPdfOptions = {
      signerCertificate: certificate,
      chain,
      level,
      subFilter,
      ...(appearance ? { appearance } : {}),
      // poppler and MuPDF list kid widgets as separate fields: riding-seam strips go out as Stamp annotations.
      ...(o.seam ? { multiWidget: 'stamps' as const } : {}),
      ...(certify ? { certify: { P: certify as MdpPermission } } : {}),
      ...(o.reason ? { reason: o.reason } : {}),
      ...(o.location ? { location: o.location } : {}),
      ...(o.contact ? { contactInfo: o.contact } : {}),
      ...(o.name ? { name: o.name } : {}),
      ...(o.field ? { fieldName: o.field } : {}),
      ...(o.password === undefined ? {} : { password: o.password }),
      ...(o.gm ? { gm: true } : {}),
      prehashed,
      ...(level === 'B-LT' || level === 'B-LTA' ? { validation: networkValidation(chain, provider, ctx) } : {}),
    };
    let signed: readonly Uint8Array[];
    try {
      signed = await signPdfChunks(bytes, options, { signer, provider, clock: ctx.clock, random: ctx.random, ...(tsa ? { tsa } : {}) });
    } catch (e) {
      if (e instanceof OpenSealError) throw e;
      throw new CodedError('CLI_SIGN_FAILED', e instanceof Error ? e.message : String(e), {}, { cause: e });
    }
    writeChunks(o.out, signed);
    const size = signed.reduce((n, c) => n + c.length, 0);
    const info = { file: o.out, level, signer: certificate.subject.toString(), bytesAppended: size - bytes.length, visible: appearance !== undefined };
    ctx.stdout(o.json ? JSON.stringify(info, null, 2) : `signed ${input} → ${o.out} (PAdES ${level}, ${info.visible ? 'visible' : 'invisible'}, signer ${info.signer})`);
  });
}
