import { TSTInfo } from '@peculiar/asn1-tsp';
import { OID, parseDer } from '@openseal/asn1';
import type { DigestAlgorithm } from '@openseal/crypto';
import { OpenSealError } from '@openseal/kernel';
import { parseSignedData, type ParsedSignedData } from '../cms/parse-signed-data.js';
import { digestAlgorithmOf } from '../cms/signature-algorithm-of.js';
import { fromAsnGeneralName, type GeneralNameValue } from '../x509/general-name.js';
import { serialHexFromContent } from '../x509/serial-number.js';
import { TimestampTokenMalformedError } from './errors.js';
import { integerContentToBigInt } from './integer.js';

/** RFC 3161 §2.4.2 TSTInfo in friendly form. */
export interface TimestampInfo {
  readonly version: number;
  readonly policy: string;
  readonly messageImprint: {
    readonly hashAlgorithmOid: string;
    /** Undefined when the hash algorithm is not one OpenSeal computes. */
    readonly hashAlgorithm?: DigestAlgorithm;
    readonly digest: Uint8Array;
  };
  /** Lowercase hex. */
  readonly serialNumber: string;
  readonly genTime: Date;
  readonly accuracy?: { readonly seconds?: number; readonly millis?: number; readonly micros?: number };
  readonly ordering: boolean;
  readonly nonce?: bigint;
  readonly tsaName?: GeneralNameValue;
}

export interface ParsedTimestampToken {
  readonly signedData: ParsedSignedData;
  readonly info: TimestampInfo;
}

/** Parses a TimeStampToken (a SignedData whose eContent is a DER TSTInfo). Throws TSA_MALFORMED. */
export function parseTimestampToken(der: Uint8Array): ParsedTimestampToken {
  try {
    const signedData = parseSignedData(der);
    if (signedData.eContentType !== OID.tstInfo) {
      throw new TimestampTokenMalformedError('eContentType is not id-ct-TSTInfo', { eContentType: signedData.eContentType });
    }
    if (!signedData.eContent) throw new TimestampTokenMalformedError('no encapsulated TSTInfo');
    return { signedData, info: parseTstInfo(signedData.eContent) };
  } catch (e) {
    if (e instanceof TimestampTokenMalformedError) throw e;
    if (e instanceof OpenSealError) throw new TimestampTokenMalformedError(e.message, { reason: e.code }, { cause: e });
    throw e;
  }
}

/** Parses DER TSTInfo. Throws typed ASN.1 or TSA_MALFORMED errors. */
export function parseTstInfo(der: Uint8Array): TimestampInfo {
  const tst = parseDer(der, TSTInfo, 'TSTInfo');
  if (Number.isNaN(tst.genTime.getTime())) throw new TimestampTokenMalformedError('unreadable genTime');
  const hashAlgorithmOid = tst.messageImprint.hashAlgorithm.algorithm;
  let hashAlgorithm: DigestAlgorithm | undefined;
  try {
    hashAlgorithm = digestAlgorithmOf({ oid: hashAlgorithmOid });
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    hashAlgorithm = undefined; // unknown hash: reported by the verifier as an imprint it cannot check
  }
  const acc = tst.accuracy;
  return {
    version: tst.version,
    policy: tst.policy,
    messageImprint: {
      hashAlgorithmOid,
      ...(hashAlgorithm ? { hashAlgorithm } : {}),
      digest: new Uint8Array(tst.messageImprint.hashedMessage.buffer),
    },
    serialNumber: serialHexFromContent(new Uint8Array(tst.serialNumber)),
    genTime: tst.genTime,
    ...(acc
      ? {
          accuracy: {
            ...(acc.seconds !== undefined ? { seconds: acc.seconds } : {}),
            ...(acc.millis !== undefined ? { millis: acc.millis } : {}),
            ...(acc.micros !== undefined ? { micros: acc.micros } : {}),
          },
        }
      : {}),
    ordering: tst.ordering,
    ...(tst.nonce ? { nonce: integerContentToBigInt(new Uint8Array(tst.nonce)) } : {}),
    ...(tst.tsa ? { tsaName: fromAsnGeneralName(tst.tsa) } : {}),
  };
}
