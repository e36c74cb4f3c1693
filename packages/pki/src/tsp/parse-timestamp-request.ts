import { TimeStampReq } from '@peculiar/asn1-tsp';
import { parseDer } from '@openseal/asn1';
import { OpenSealError } from '@openseal/kernel';
import { derChildren, derNodeAt, derSlice } from '../x509/der-reader.js';
import { TimestampRequestMalformedError } from './errors.js';
import { integerContentToBigInt } from './integer.js';

export interface ParsedTimestampRequest {
  readonly version: number;
  readonly messageImprint: { readonly hashAlgorithmOid: string; readonly digest: Uint8Array };
  /** The MessageImprint TLV exactly as received (RFC 3161 §2.4.2: the token repeats it). */
  readonly messageImprintDer: Uint8Array;
  readonly reqPolicy?: string;
  readonly nonce?: bigint;
  /** The nonce INTEGER TLV exactly as received. */
  readonly nonceDer?: Uint8Array;
  readonly certReq: boolean;
  /** OIDs of the request extensions (none is supported by our responder). */
  readonly extensions: readonly string[];
}

/** Parses an RFC 3161 TimeStampReq. Throws TSA_BAD_REQUEST. */
export function parseTimestampRequest(der: Uint8Array): ParsedTimestampRequest {
  try {
    const req = parseDer(der, TimeStampReq, 'TimeStampReq');
    const parts = derChildren(der, derNodeAt(der, 0));
    const imprint = parts[1];
    const nonceNode = parts.find((p, i) => i >= 2 && p.tag === 0x02);
    if (!imprint) throw new TimestampRequestMalformedError('no messageImprint');
    return {
      version: req.version,
      messageImprint: {
        hashAlgorithmOid: req.messageImprint.hashAlgorithm.algorithm,
        digest: new Uint8Array(req.messageImprint.hashedMessage.buffer),
      },
      messageImprintDer: derSlice(der, imprint),
      ...(req.reqPolicy ? { reqPolicy: req.reqPolicy } : {}),
      ...(req.nonce && nonceNode ? { nonce: integerContentToBigInt(new Uint8Array(req.nonce)), nonceDer: derSlice(der, nonceNode) } : {}),
      certReq: req.certReq,
      extensions: (req.extensions ?? []).map((e) => e.extnID),
    };
  } catch (e) {
    if (e instanceof TimestampRequestMalformedError) throw e;
    if (e instanceof OpenSealError) throw new TimestampRequestMalformedError(e.message, { reason: e.code }, { cause: e });
    throw e;
  }
}
