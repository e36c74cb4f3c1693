import type { CryptoProvider } from '@openseal/crypto';
import { equalBytes, InvalidArgumentError, OpenSealError } from '@openseal/kernel';
import { parseTimestampToken } from '../tsp/parse-timestamp-token.js';
import { derChildren, derNodeAt, derSlice, type DerNode } from '../x509/der-reader.js';
import { derSequence, derTlv } from '../x509/der-writer.js';
import { signatureTimestampAttribute, encodeAttribute } from './cms-attribute.js';
import { CmsMalformedError } from './errors.js';
import { compareBytes } from './finish-signed-data.js';
import { parseSignedData, parseSignerInfo } from './parse-signed-data.js';

export interface AddSignatureTimestampOptions {
  /** Which SignerInfo to timestamp (default 0). */
  readonly signerIndex?: number;
  /** When given, the token's imprint must be the hash of the signature value (else INVALID_ARGUMENT). */
  readonly provider?: Pick<CryptoProvider, 'digest'>;
}

/** The signature value of a SignerInfo: what a signature timestamp's imprint covers (RFC 3161 Appendix A). */
export function signatureValueOf(cmsDer: Uint8Array, signerIndex = 0): Uint8Array {
  const si = parseSignedData(cmsDer).signerInfos[signerIndex];
  if (!si) throw new InvalidArgumentError('no SignerInfo at that index', { signerIndex });
  return si.signature;
}

/**
 * Adds an unsigned id-aa-signatureTimeStampToken attribute to one SignerInfo (PAdES B-T, CAdES-T).
 * Every other byte of the SignedData is kept as it was; only the enclosing lengths change.
 */
export function addSignatureTimestamp(cmsDer: Uint8Array, tokenDer: Uint8Array, options: AddSignatureTimestampOptions = {}): Uint8Array {
  const index = options.signerIndex ?? 0;
  const signature = signatureValueOf(cmsDer, index);
  let token;
  try {
    token = parseTimestampToken(tokenDer);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    throw new InvalidArgumentError('not a TimeStampToken', { error: e.code });
  }
  const { hashAlgorithm, digest } = token.info.messageImprint;
  if (options.provider && (!hashAlgorithm || !equalBytes(options.provider.digest(hashAlgorithm, signature), digest))) {
    throw new InvalidArgumentError('the token is not a timestamp of this signature value', { signerIndex: index });
  }

  const root = derNodeAt(cmsDer, 0);
  const explicit = child(cmsDer, root, 1);
  const signedData = child(cmsDer, explicit, 0);
  const sdParts = derChildren(cmsDer, signedData);
  const signerInfos = sdParts[sdParts.length - 1] as DerNode;
  const infos = derChildren(cmsDer, signerInfos);
  const target = infos[index] as DerNode;
  const parts = derChildren(cmsDer, target);
  const last = parts[parts.length - 1] as DerNode;
  const hasUnsigned = last.tag === 0xa1;
  const existing = hasUnsigned ? parseSignerInfo(derSlice(cmsDer, target)).unsignedAttributes.map(encodeAttribute) : [];
  const unsigned = derTlv(0xa1, ...[...existing, encodeAttribute(signatureTimestampAttribute(tokenDer))].sort(compareBytes));
  const kept = (hasUnsigned ? parts.slice(0, -1) : parts).map((p) => derSlice(cmsDer, p));
  const newInfo = derSequence(...kept, unsigned);
  // SignerInfos keep their order, so signer indexes stay stable.
  const newInfos = derTlv(0x31, ...infos.map((n, i) => (i === index ? newInfo : derSlice(cmsDer, n))));
  const newSignedData = derSequence(...sdParts.slice(0, -1).map((p) => derSlice(cmsDer, p)), newInfos);
  return derSequence(derSlice(cmsDer, child(cmsDer, root, 0)), derTlv(0xa0, newSignedData));
}

function child(bytes: Uint8Array, node: DerNode, i: number): DerNode {
  const c = derChildren(bytes, node)[i];
  if (!c) throw new CmsMalformedError('unexpected SignedData layout');
  return c;
}
