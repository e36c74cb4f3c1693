import { NodeCryptoProvider, SoftwareSigner } from '@openseal/crypto/node';
import { createHttpTimestampTransport } from '@openseal/http-transport';
import { sealOfd, signOfd, type SealPlacement, type SignedOfd } from '@openseal/ofd-seal';
import { parseCertificates, samePublicKey, TimestampClient, type Certificate } from '@openseal/pki';
import type { CliContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { readInput, writeOutput } from '../io/files.js';
import { readKeyFile } from '../io/keys.js';
import type { PassphraseOptions } from '../io/passphrase.js';
import { readCertificates } from './seal.js';

/** The `openseal sign` options the OFD branch uses (the command is shared with PDF). */
export interface OfdSignCommandOptions extends PassphraseOptions {
  out: string;
  key: string;
  cert?: string;
  chain?: string[];
  seal?: string;
  page?: string;
  x?: string;
  y?: string;
  keyword?: string;
  gbt9704?: boolean;
  seam?: boolean;
  tsa?: string;
  json?: boolean;
}

/** --page/--x/--y, --keyword, --gbt9704 or --seam (one of them; default GB/T 9704). */
export function ofdPlacement(o: OfdSignCommandOptions): SealPlacement {
  const chosen = [o.x !== undefined || o.y !== undefined, o.keyword !== undefined, o.gbt9704 === true, o.seam === true].filter(Boolean).length;
  if (chosen > 1) throw new CliUsageError('choose one placement: --page/--x/--y, --keyword, --gbt9704 or --seam');
  const page = o.page === undefined ? undefined : Number(o.page);
  if (page !== undefined && (!Number.isInteger(page) || page < 1)) throw new CliUsageError('--page is a page number from 1');
  const pageIndex = page === undefined ? undefined : page - 1;
  if (o.keyword !== undefined) return { kind: 'keyword', keyword: o.keyword, ...(pageIndex === undefined ? {} : { pageIndex }) };
  if (o.seam) return { kind: 'seam', ...(o.y === undefined ? {} : { y: Number(o.y) }) };
  if (o.x !== undefined || o.y !== undefined) {
    const x = Number(o.x);
    const y = Number(o.y);
    if (o.x === undefined || o.y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) throw new CliUsageError('--x and --y are both needed, in mm');
    return { kind: 'position', pageIndex: pageIndex ?? 0, x, y };
  }
  return { kind: 'gbt9704' };
}

function keyAndCertificate(o: OfdSignCommandOptions): { signer: SoftwareSigner; certificate: Certificate; chain: Certificate[] } {
  const { key, certificates } = readKeyFile(o.key, o);
  const bundled = certificates.flatMap((d) => parseCertificates(d));
  const explicit = o.cert ? readCertificates([o.cert]) : [];
  const certificate = [...explicit, ...bundled].find((c) => samePublicKey(c.publicKey, key.publicKey));
  if (!certificate) throw new CliUsageError(o.cert ? `the certificate in ${o.cert} does not match the key` : 'no certificate for the key: give --cert');
  const chain = [...readCertificates(o.chain ?? []), ...bundled].filter((c, i, all) => !c.equals(certificate) && all.findIndex((x) => x.equals(c)) === i);
  return { signer: new SoftwareSigner(key), certificate, chain };
}

/**
 * `openseal sign IN.ofd`: with --seal, an electronic seal (Type="Seal", GB/T 38540 SES_Signature);
 * without, a plain digital signature (Type="Sign", GB/T 35275 SignedData). Earlier signatures stay valid.
 */
export async function signOfdCommand(bytes: Uint8Array, input: string, o: OfdSignCommandOptions, ctx: CliContext): Promise<SignedOfd> {
  const { signer, certificate, chain } = keyAndCertificate(o);
  const provider = new NodeCryptoProvider();
  const tsa = o.tsa
    ? new TimestampClient(createHttpTimestampTransport(o.tsa), { provider, random: ctx.random, tsaName: o.tsa, digestAlgorithm: signer.keyType === 'SM2' ? 'SM3' : 'SHA-256' })
    : undefined;
  const deps = { signer, provider, clock: ctx.clock, ...(tsa ? { timestamp: async (value: Uint8Array) => (await tsa.timestamp({ data: value })).token } : {}) };
  const result = o.seal
    ? await sealOfd(bytes, { seal: readInput(o.seal), signerCertificate: certificate, placement: ofdPlacement(o) }, deps)
    : await signOfd(bytes, { signerCertificate: certificate, chain }, deps);
  writeOutput(o.out, result.bytes);
  const info = {
    file: o.out,
    type: o.seal ? 'Seal' : 'Sign',
    signatureId: result.signatureId,
    signature: result.signaturePath,
    signer: certificate.subject.toString(),
    placement: result.placementMethod,
    stampAnnots: result.stampAnnots.map((a) => ({ id: a.id, pageRef: a.pageRef, boundary: a.boundary, ...(a.clip ? { clip: a.clip } : {}) })),
    protectedFiles: result.protectedFiles.length,
    timestamped: tsa !== undefined,
  };
  ctx.stdout(
    o.json
      ? JSON.stringify(info, null, 2)
      : `${o.seal ? 'sealed' : 'signed'} ${input} → ${o.out} (OFD ${info.type} ${info.signatureId}, ${info.stampAnnots.length} stamp(s) by ${info.placement}, ${info.protectedFiles} files protected, signer ${info.signer})`,
  );
  return result;
}
