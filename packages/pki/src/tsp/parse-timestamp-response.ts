import { PKIStatus, TimeStampResp } from '@peculiar/asn1-tsp';
import { parseDer } from '@openseal/asn1';
import { OpenSealError } from '@openseal/kernel';
import { derChildren, derNodeAt, derSlice } from '../x509/der-reader.js';
import { TimestampBadResponseError } from './errors.js';
import { decodeFailureInfo, type PkiFailureInfo } from './pki-failure-info.js';
import { parseTimestampToken, type TimestampInfo } from './parse-timestamp-token.js';

export type PkiStatusName = 'granted' | 'grantedWithMods' | 'rejection' | 'waiting' | 'revocationWarning' | 'revocationNotification';

const STATUS_NAMES: Readonly<Record<number, PkiStatusName>> = {
  [PKIStatus.granted]: 'granted',
  [PKIStatus.grantedWithMods]: 'grantedWithMods',
  [PKIStatus.rejection]: 'rejection',
  [PKIStatus.waiting]: 'waiting',
  [PKIStatus.revocationWarning]: 'revocationWarning',
  [PKIStatus.revocationNotification]: 'revocationNotification',
};

export interface TimestampResponse {
  readonly status: PkiStatusName;
  readonly statusText: readonly string[];
  readonly failInfo: readonly PkiFailureInfo[];
  /** The TimeStampToken DER exactly as received. */
  readonly token?: Uint8Array;
  readonly info?: TimestampInfo;
}

/** Parses an RFC 3161 §2.4.2 TimeStampResp. Throws TSA_BAD_RESPONSE for anything unreadable. */
export function parseTimestampResponse(der: Uint8Array): TimestampResponse {
  try {
    const resp = parseDer(der, TimeStampResp, 'TimeStampResp');
    const status = STATUS_NAMES[resp.status.status];
    if (!status) throw new TimestampBadResponseError('unknown PKIStatus', { status: resp.status.status });
    const failInfo = resp.status.failInfo ? decodeFailureInfo(new Uint8Array(resp.status.failInfo.value)) : [];
    const tokenNode = derChildren(der, derNodeAt(der, 0))[1];
    const token = tokenNode ? derSlice(der, tokenNode) : undefined;
    const granted = status === 'granted' || status === 'grantedWithMods';
    if (granted && !token) throw new TimestampBadResponseError('granted without a timeStampToken');
    return {
      status,
      statusText: [...(resp.status.statusString ?? [])],
      failInfo,
      ...(token ? { token, info: parseTimestampToken(token).info } : {}),
    };
  } catch (e) {
    if (e instanceof TimestampBadResponseError) throw e;
    if (e instanceof OpenSealError) throw new TimestampBadResponseError(e.message, { reason: e.code }, { cause: e });
    throw e;
  }
}
