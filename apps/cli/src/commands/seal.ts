import { join } from 'node:path';
import type { Command } from 'commander';
import { NodeCryptoProvider, SoftwareSigner } from '@openseal/crypto/node';
import { OpenSealError, toHex } from '@openseal/kernel';
import { Certificate, parseCertificates } from '@openseal/pki';
import { makeSeal, parseSeal, sniffPictureType, verifySeal, type SealPictureType } from '@openseal/ses';
import type { CliContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { readInput, writeOutput } from '../io/files.js';
import { readKeyFile } from '../io/keys.js';
import { passphraseOptions, type PassphraseOptions } from '../io/passphrase.js';
import { registerDemoSealWriter, type DemoSealWriter } from './demo.js';
import { drawSealPicture, pictureSize } from './ofd-seal-picture.js';
import { sealImage, sealToPng } from '@openseal/layout';
import { sealFont } from '../io/cjk-fonts.js';

interface SealMakeOptions extends PassphraseOptions {
  makerKey: string;
  makerCert: string;
  signerCert: string[];
  image: string;
  name: string;
  type: string;
  validDays: string;
  esId?: string;
  vid: string;
  width?: string;
  height?: string;
  certDigests?: boolean;
  out: string;
  json?: boolean;
}

const DAY = 86_400_000;

/** Certificates from PEM/DER files (all certificates of each file). */
export function readCertificates(paths: readonly string[]): Certificate[] {
  return paths.flatMap((p) => {
    const certs = parseCertificates(readInput(p));
    if (certs.length === 0) throw new CliUsageError(`no certificate in ${p}`);
    return certs;
  });
}

function positiveNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new CliUsageError(`${flag} must be a positive number`);
  return n;
}

/** Width/height in whole mm: given, or 42 mm wide with the picture's aspect ratio. */
function pictureMm(data: Uint8Array, o: { width?: string; height?: string }): { widthMm: number; heightMm: number } {
  const px = pictureSize(data);
  const ratio = px && px.width > 0 ? px.height / px.width : 1;
  const w = positiveNumber(o.width, '--width');
  const h = positiveNumber(o.height, '--height');
  const widthMm = Math.round(w ?? (h !== undefined ? h / ratio : 42));
  const heightMm = Math.round(h ?? widthMm * ratio);
  return { widthMm: Math.max(1, widthMm), heightMm: Math.max(1, heightMm) };
}

export function registerSealCommands(program: Command, ctx: CliContext): void {
  registerDemoSealWriter(writeDemoSeal);
  const seal = program.command('seal').description('make and inspect GB/T 38540 electronic seals (.esl)');
  passphraseOptions(
    seal
      .command('make')
      .description('make a GB/T 38540 v4 seal (SESeal) signed by the seal maker (制章者)')
      .requiredOption('--maker-key <file>', "the seal maker's private key (PEM/DER, PKCS#8, SEC1, PKCS#12)")
      .requiredOption('--maker-cert <file>', "the seal maker's certificate")
      .requiredOption('--signer-cert <file...>', 'certificate(s) of the signers allowed to use the seal')
      .requiredOption('--image <file>', 'seal picture: PNG, GIF, JPEG or SVG')
      .requiredOption('--name <name>', 'seal name, e.g. 某某市人民政府 or 财务专用章')
      .option('--type <n>', 'seal type: 1 单位印章 (organisation), 2 个人印章 (person)', '1')
      .option('--valid-days <n>', 'validity from now, in days', '1095')
      .option('--es-id <id>', 'seal ID (电子印章唯一标识, ASCII); default: random')
      .option('--vid <vendor>', 'vendor ID in the seal header', 'OpenSeal')
      .option('--width <mm>', 'printed width in mm (default 42, or from --height and the picture)')
      .option('--height <mm>', 'printed height in mm (default from the picture aspect ratio)')
      .option('--cert-digests', 'list SM3 digests of the signer certificates (certListType 2) instead of the certificates')
      .requiredOption('-o, --out <file>', 'where to write the seal (.esl, DER)')
      .option('--json', 'print the result as JSON'),
  ).action(async (o: SealMakeOptions) => {
    const type = Number(o.type);
    if (!Number.isInteger(type) || type < 1) throw new CliUsageError('--type must be 1, 2 or another positive integer');
    const days = positiveNumber(o.validDays, '--valid-days') ?? 1095;
    const { key } = readKeyFile(o.makerKey, o);
    const makerCertificate = readCertificates([o.makerCert])[0] as Certificate;
    const data = readInput(o.image);
    const pictureType = sniffPictureType(data);
    if (pictureType === undefined || pictureType === 'OFD' || pictureType === 'BMP') throw new CliUsageError(`${o.image} is not a PNG, GIF, JPEG or SVG picture`);
    const now = ctx.clock.now();
    const der = await makeSeal(
      {
        esID: o.esId ?? toHex(ctx.random.bytes(8)).toUpperCase(),
        vid: o.vid,
        type,
        name: o.name,
        certList: readCertificates(o.signerCert),
        ...(o.certDigests ? { certListType: 2 as const } : {}),
        createDate: now,
        validStart: now,
        validEnd: new Date(now.getTime() + days * DAY),
        picture: { type: pictureType as SealPictureType, data, ...pictureMm(data, o) },
      },
      { signer: new SoftwareSigner(key), makerCertificate, provider: new NodeCryptoProvider(), clock: ctx.clock },
    );
    writeOutput(o.out, der);
    const info = describeSeal(der);
    ctx.stdout(o.json ? JSON.stringify({ file: o.out, ...info }, null, 2) : `wrote seal "${info.name}" (${info.esId}, ${info.picture.widthMm} × ${info.picture.heightMm} mm) to ${o.out}`);
  });

  seal
    .command('show')
    .description("show a seal's contents and check its maker signature and validity period (now)")
    .argument('<file>', 'seal file (.esl, DER SESeal v1, v4 or v5)')
    .option('--trust <root.pem...>', "trust anchor(s) for the maker's certificate")
    .option('--picture <file>', 'also write the seal picture to this file')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, o: { trust?: string[]; picture?: string; json?: boolean }) => {
      const der = readInput(file);
      const parsed = parseSeal(der);
      const trust = readCertificates(o.trust ?? []);
      const check = await verifySeal(parsed, { provider: new NodeCryptoProvider(), at: ctx.clock.now(), trustAnchors: trust, intermediates: trust });
      if (o.picture) writeOutput(o.picture, parsed.picture.data);
      const info = { ...describeSeal(der), makerSignatureValid: check.checks.some((c) => c.code === 'SEAL_MAKER_SIGNATURE' && c.status === 'passed'), makerSignedOver: check.makerSignedOver, validNow: check.valid, trusted: check.trusted, checks: check.checks };
      if (o.json) {
        ctx.stdout(JSON.stringify(info, null, 2));
        return;
      }
      ctx.stdout(
        [
          `${file}: seal "${info.name}" (SES v${info.version}, header ${info.header})`,
          `  ES ID:        ${info.esId}`,
          `  type:         ${info.type}${info.type === 1 ? ' (单位印章)' : info.type === 2 ? ' (个人印章)' : ''}`,
          `  valid:        ${info.validStart} → ${info.validEnd}${check.checks.some((c) => c.code === 'SEAL_VALIDITY' && c.status === 'failed') ? ' (NOT valid now)' : ''}`,
          `  picture:      ${info.picture.type}, ${info.picture.widthMm} × ${info.picture.heightMm} mm, ${info.picture.bytes} bytes`,
          `  maker:        ${info.maker}`,
          `  maker signature: ${info.makerSignatureValid ? `valid (over ${info.makerSignedOver})` : 'INVALID'}${check.trusted ? ', maker trusted' : ''}`,
          `  may be used by (${info.certListType === 2 ? 'certificate digests' : 'certificates'}):`,
          ...info.signers.map((s) => `    ${s}`),
        ].join('\n'),
      );
    });
}

function describeSeal(der: Uint8Array) {
  const s = parseSeal(der);
  const subject = (d: Uint8Array): string => {
    try {
      return Certificate.fromDer(d).subject.toString();
    } catch (e) {
      if (e instanceof OpenSealError) return `(unreadable certificate, ${d.length} bytes)`;
      throw e;
    }
  };
  const signers =
    s.certList.kind === 'certificates' ? s.certList.certificates.map(subject) : s.certList.kind === 'digests' ? s.certList.digests.map((d) => `${d.type}:${toHex(d.value)}`) : [...s.certList.entries];
  return {
    version: s.version,
    header: `${s.header.id}/${s.header.version}/${s.header.vid}`,
    esId: s.esId,
    name: s.name,
    type: s.type,
    certListType: s.certListType,
    signers,
    createDate: s.createDate.date.toISOString(),
    validStart: s.validStart.date.toISOString(),
    validEnd: s.validEnd.date.toISOString(),
    picture: { type: s.picture.type, widthMm: s.picture.widthMm, heightMm: s.picture.heightMm, bytes: s.picture.data.length },
    maker: subject(s.maker.certificate),
  };
}

/** The organisation's round seal (name along the rim, star) drawn by @openseal/layout; a plain ring and star without CJK fonts. */
function demoSealPicture(organization: string, ctx: CliContext): Uint8Array {
  let font;
  try {
    font = sealFont();
  } catch (e) {
    if (!(e instanceof CliUsageError)) throw e;
    ctx.stderr(`note: ${e.message}; the demo seal picture has no text`);
    return drawSealPicture();
  }
  return sealToPng(sealImage({ name: organization, shape: 'round', star: true, sizeMm: 42 }, font), 300);
}

/**
 * For `openseal demo`: a 42 mm round demo seal (seal.png) for the demo seal signer, made by the demo seal
 * maker (seal.esl, v4), valid from now until the signer certificate expires.
 */
export const writeDemoSeal: DemoSealWriter = async (dir, pki, ctx) => {
  const png = demoSealPicture(pki.organization, ctx);
  const now = ctx.clock.now();
  const der = await makeSeal(
    {
      esID: toHex(ctx.random.bytes(8)).toUpperCase(),
      vid: 'OpenSeal',
      type: 1,
      name: pki.organization,
      certList: [pki.signer.certificate],
      createDate: now,
      validStart: now,
      validEnd: pki.signer.certificate.notAfter,
      picture: { type: 'PNG', data: png, widthMm: 42, heightMm: 42 },
    },
    { signer: pki.sealMaker.key.signer, makerCertificate: pki.sealMaker.certificate, provider: new NodeCryptoProvider(), clock: ctx.clock },
  );
  writeOutput(join(dir, 'seal.png'), png);
  writeOutput(join(dir, 'seal.esl'), der);
  return ['seal.esl', 'seal.png'];
};
