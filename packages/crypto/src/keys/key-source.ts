import { checkDer, readDerHeader } from '@openseal/asn1';
import { OpenSealError, fromUtf8 } from '@openseal/kernel';
import { KeyFormatError } from '../errors.js';
import { decodePem, looksLikePem, type PemBlock } from './pem.js';

/** How a private key is packaged. */
export type KeyContainer = 'pkcs8' | 'encrypted-pkcs8' | 'sec1' | 'pkcs1' | 'pkcs12';

/** A private key found in the input, not yet decrypted or parsed. */
export interface KeySource {
  readonly container: KeyContainer;
  readonly der: Uint8Array;
  /** OpenSSL legacy PEM encryption (RFC 1421 headers `Proc-Type: 4,ENCRYPTED` and `DEK-Info`). */
  readonly pemEncryption?: { readonly dekInfo: string };
}

/** What a key file holds: its private key and any certificates bundled beside it in PEM. */
export interface KeyMaterial {
  readonly key: KeySource;
  /** DER certificates from `CERTIFICATE` blocks, in file order. */
  readonly certificates: Uint8Array[];
}

const LABEL_CONTAINER: Readonly<Record<string, KeyContainer>> = {
  'PRIVATE KEY': 'pkcs8',
  'ENCRYPTED PRIVATE KEY': 'encrypted-pkcs8',
  'EC PRIVATE KEY': 'sec1',
  'SM2 PRIVATE KEY': 'sec1', // OpenSSL 3 `openssl ec` label for SM2 keys
  'RSA PRIVATE KEY': 'pkcs1',
  PKCS12: 'pkcs12',
};
const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE']);

/**
 * Finds the private key (and PEM-bundled certificates) in a key file: PEM with any of the usual
 * labels, or DER whose structure is recognised (PKCS#8, EncryptedPrivateKeyInfo, SEC 1, PKCS#1,
 * PKCS#12 PFX). More than one private key is refused rather than guessed.
 */
export function readKeyMaterial(input: Uint8Array | string): KeyMaterial {
  if (typeof input !== 'string' && input.length > 0 && input[0] === 0x30 && !looksLikeText(input)) {
    return { key: { container: detectDerContainer(input), der: new Uint8Array(input) }, certificates: [] };
  }
  const text = typeof input === 'string' ? input : fromUtf8(input);
  if (!looksLikePem(text)) throw new KeyFormatError('input is neither PEM nor DER');
  const keys: KeySource[] = [];
  const certificates: Uint8Array[] = [];
  for (const block of decodePem(text)) {
    if (CERTIFICATE_LABELS.has(block.label)) certificates.push(block.der);
    const container = LABEL_CONTAINER[block.label];
    if (container) keys.push(pemKeySource(block, container));
  }
  const [key, ...more] = keys;
  if (!key) throw new KeyFormatError('no private key found in the PEM input');
  if (more.length > 0) throw new KeyFormatError('more than one private key in the input', { count: keys.length });
  return { key, certificates };
}

function pemKeySource(block: PemBlock, container: KeyContainer): KeySource {
  const procType = block.headers['Proc-Type'];
  if (procType === undefined) return { container, der: block.der };
  const dekInfo = block.headers['DEK-Info'];
  if (!/^4,\s*ENCRYPTED$/i.test(procType) || dekInfo === undefined || (container !== 'sec1' && container !== 'pkcs1')) {
    throw new KeyFormatError('unsupported PEM encryption headers', { label: block.label, procType });
  }
  return { container, der: block.der, pemEncryption: { dekInfo } };
}

function looksLikeText(bytes: Uint8Array): boolean {
  // DER starting 0x30 is "0" in ASCII; a PEM file starting with that digit is improbable but cheap to allow.
  const head = fromUtf8(bytes.subarray(0, Math.min(bytes.length, 4096)));
  return head.includes('-----BEGIN ');
}

/** Classifies a DER key container by the shape of its first fields (after the DER guard). */
export function detectDerContainer(der: Uint8Array): KeyContainer {
  try {
    checkDer(der);
  } catch (e) {
    if (e instanceof OpenSealError) throw new KeyFormatError('input is not valid DER', {}, { cause: e });
    throw e;
  }
  const top = readDerHeader(der, 0);
  if (top.tag !== 0x30) throw new KeyFormatError('key DER is not a SEQUENCE');
  const fields: { tag: number; value: Uint8Array }[] = [];
  let offset = top.headerLength;
  const end = top.headerLength + top.length;
  while (offset < end && fields.length < 3) {
    const h = readDerHeader(der, offset, end);
    fields.push({ tag: h.tag, value: der.subarray(offset + h.headerLength, offset + h.headerLength + h.length) });
    offset += h.headerLength + h.length;
  }
  const [f0, f1, f2] = fields;
  const small = (f: typeof f0): number | undefined => (f && f.tag === 0x02 && f.value.length === 1 ? f.value[0] : undefined);
  const v = small(f0);
  if (v === 3 && f1?.tag === 0x30) return 'pkcs12';
  if ((v === 0 || v === 1) && f1?.tag === 0x30 && f2?.tag === 0x04) return 'pkcs8';
  if (f0?.tag === 0x30 && f1?.tag === 0x04 && f2 === undefined) return 'encrypted-pkcs8';
  if (v === 1 && f1?.tag === 0x04) return 'sec1';
  if ((v === 0 || v === 1) && f1?.tag === 0x02) return 'pkcs1';
  throw new KeyFormatError('unrecognised private key structure');
}
